import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
  type Theme,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Title, useCloseNotification, useNotify } from 'react-admin';
import { useMeta } from '../meta/useMeta';
import { MatrixCell } from './MatrixCell';
import { messageOf, statusOf } from '../providers/apiCall';
import { fetchMatrix, resetOverride, saveRow } from './matrixApi';
import {
  cellState,
  humanize,
  indexRows,
  letterOf,
  lettersOf,
  overridesOf,
  roleLabel,
  rowKey,
  withoutRow,
  withRow,
  type MatrixData,
  type MatrixModule,
  type MatrixRow,
} from './matrixModel';
import { RecentChanges } from './RecentChanges';

const ROLE_COLUMN_WIDTH = 190;

/** The first column stays put while the modules scroll by. */
const stickyRoleSx = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  bgcolor: 'background.paper',
  minWidth: ROLE_COLUMN_WIDTH,
  maxWidth: ROLE_COLUMN_WIDTH,
  borderRight: 1,
  borderRightColor: 'divider',
} as const;

/** The tint of a table column, laid over the paper: a sticky header cell must stay opaque. */
const tintedHeaderSx = {
  backgroundImage: (theme: Theme) => `linear-gradient(${theme.palette.action.hover}, ${theme.palette.action.hover})`,
} as const;

interface Column {
  module: MatrixModule;
  /** null: the module row; else one of its tables (the module is expanded). */
  table: string | null;
}

/** A saved change of the matrix, with a way back for a few seconds (one stray click must not cost a department its rights). */
function UndoNotice({ text, onUndo }: { text: string; onUndo: () => void }) {
  const close = useCloseNotification();
  return (
    <Alert
      severity="success"
      variant="filled"
      role="status"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            close();
            onUndo();
          }}
        >
          Undo
        </Button>
      }
    >
      {text}
    </Alert>
  );
}

/**
 * The role matrix editor (route /matrix): roles down, modules across, each module expandable
 * to its tables; in each cell the six actions as toggles that save at once. Read-only for a
 * caller who may read the matrix but not update it. Below, the latest changes.
 */
export function MatrixEditor() {
  const notify = useNotify();
  const meta = useMeta();
  const [data, setData] = useState<MatrixData>();
  const [loadError, setLoadError] = useState<{ status: number | undefined; message: string }>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [changesVersion, setChangesVersion] = useState(0);

  const load = useCallback(async () => {
    try {
      setData(await fetchMatrix());
      setLoadError(undefined);
    } catch (error) {
      setLoadError({ status: statusOf(error), message: messageOf(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const labels = useMemo(() => new Map(meta.resources.map((r) => [r.name, r.label])), [meta.resources]);
  const tableLabel = useCallback((table: string) => labels.get(table) ?? humanize(table), [labels]);
  const moduleLabel = useCallback((module: string) => data?.modules.find((m) => m.name === module)?.label ?? humanize(module), [data?.modules]);
  const where = useCallback(
    (module: string, table: string | null) => `${moduleLabel(module)}${table ? ` / ${tableLabel(table)}` : ''}`,
    [moduleLabel, tableLabel],
  );

  const busy = (key: string, on: boolean) =>
    setPending((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  /** A refusal of rights (403) means the caller's grants changed: load the matrix again (it may now be read-only). */
  const failed = useCallback(
    (error: unknown) => {
      notify(messageOf(error), { type: 'error', autoHideDuration: 8000 });
      if (statusOf(error) === 403) void load();
    },
    [notify, load],
  );

  // Undo puts the cell back as it was: its own row's actions, or (a table that inherited) no override.
  const undoRef = useRef<(role: string, module: string, table: string | null, before: MatrixRow | undefined) => void>(undefined);
  const onToggle = useCallback(
    async (role: string, module: string, table: string | null, actions: string[], undoing = false) => {
      const key = rowKey(role, module, table);
      const before = data?.rows.find((r) => rowKey(r.role, r.module, r.subModule) === key);
      busy(key, true);
      try {
        const saved = await saveRow({ role, module, subModule: table, actions });
        setData((d) => d && { ...d, rows: withRow(d.rows, saved) });
        const letters = lettersOf(saved.actions, data?.actions ?? []);
        const text = `${undoing ? 'Put back' : 'Saved'}: ${roleLabel(role)} on ${where(module, table)} — ${letters || 'nothing'}`;
        if (undoing) notify(text, { type: 'success' });
        else notify(<UndoNotice text={text} onUndo={() => undoRef.current?.(role, module, table, before)} />, { autoHideDuration: 10_000 });
        setChangesVersion((v) => v + 1);
      } catch (error) {
        failed(error);
      } finally {
        busy(key, false);
      }
    },
    [data?.actions, data?.rows, failed, notify, where],
  );

  const onReset = useCallback(
    async (role: string, module: string, table: string) => {
      const key = rowKey(role, module, table);
      busy(key, true);
      try {
        await resetOverride({ role, module, subModule: table });
        setData((d) => d && { ...d, rows: withoutRow(d.rows, role, module, table) });
        notify(`Override removed: ${roleLabel(role)} on ${where(module, table)} now inherits the module row`, { type: 'success' });
        setChangesVersion((v) => v + 1);
      } catch (error) {
        failed(error);
      } finally {
        busy(key, false);
      }
    },
    [failed, notify, where],
  );

  undoRef.current = (role, module, table, before) => {
    if (before) void onToggle(role, module, table, [...before.actions], true);
    else if (table) void onReset(role, module, table);
    else void onToggle(role, module, null, [], true);
  };

  const index = useMemo(() => indexRows(data?.rows ?? []), [data?.rows]);
  const columns: Column[] = useMemo(
    () => (data?.modules ?? []).flatMap((module) => [{ module, table: null }, ...(expanded.has(module.name) ? module.tables.map((table) => ({ module, table })) : [])]),
    [data?.modules, expanded],
  );

  if (loadError && !data) {
    return (
      <Box sx={{ p: 3 }}>
        <Title title="Role matrix" />
        <Alert severity={loadError.status === 403 ? 'warning' : 'error'}>
          {loadError.status === 403 ? 'Your role may not see the role matrix.' : `The role matrix could not be loaded: ${loadError.message}`}
        </Alert>
      </Box>
    );
  }
  if (!data) {
    return (
      <Box sx={{ p: 6, display: 'flex', justifyContent: 'center' }}>
        <Title title="Role matrix" />
        <CircularProgress />
      </Box>
    );
  }

  const toggleModule = (name: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    // A one-column grid whose column may shrink to nothing: the page never grows wider than the
    // window, so only the matrix scrolls sideways, with its first column and header held in place.
    <Box sx={{ py: 2, px: { xs: 1, md: 2 }, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title="Role matrix" />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 1.5 }}>
        <Box>
          <Typography variant="h5" sx={{ fontWeight: 600 }}>
            Role matrix
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 820 }}>
            What each role may do in each module. {data.actions.map((a) => `${letterOf(a)} ${a}`).join(' · ')}. Expand a module to set
            its tables one by one: a table inherits its module row until it gets an override of its own. A change is in force for everyone
            from their next request.
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button size="small" onClick={() => setExpanded(new Set(data.modules.map((m) => m.name)))}>
            Expand all
          </Button>
          <Button size="small" onClick={() => setExpanded(new Set())} disabled={expanded.size === 0}>
            Collapse all
          </Button>
        </Box>
      </Box>
      {!data.editable && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          Read only: your role may view the role matrix but not change it.
        </Alert>
      )}
      {/* It scrolls both ways: focusable and named, so a keyboard can reach it and scroll it with the arrow keys. */}
      <TableContainer
        component={Paper}
        variant="outlined"
        tabIndex={0}
        role="region"
        aria-label="Role matrix, scrollable"
        sx={{ maxHeight: 'calc(100vh - 210px)', minHeight: 320, overflow: 'auto' }}
      >
        <Table stickyHeader size="small" aria-label="Role matrix" sx={{ borderCollapse: 'separate', '& td, & th': { px: 1, py: 0.75 } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ ...stickyRoleSx, zIndex: 3, verticalAlign: 'bottom' }}>Role</TableCell>
              {columns.map(({ module, table }) =>
                table === null ? (
                  <TableCell key={module.name} sx={{ verticalAlign: 'bottom', whiteSpace: 'nowrap', borderLeft: 1, borderLeftColor: 'divider' }}>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {module.label}
                      </Typography>
                      <Tooltip title={expanded.has(module.name) ? 'Hide its tables' : `Show its tables (${module.tables.length})`} disableInteractive>
                        <IconButton size="small" aria-label={`${expanded.has(module.name) ? 'Collapse' : 'Expand'} ${module.label}`} onClick={() => toggleModule(module.name)}>
                          {expanded.has(module.name) ? <ChevronLeft fontSize="small" /> : <ChevronRight fontSize="small" />}
                        </IconButton>
                      </Tooltip>
                    </Box>
                    {expanded.has(module.name) && (
                      <Typography variant="caption" color="text.secondary">
                        module row
                      </Typography>
                    )}
                  </TableCell>
                ) : (
                  <TableCell key={`${module.name}/${table}`} sx={{ verticalAlign: 'bottom', maxWidth: 170, ...tintedHeaderSx }}>
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {module.label} /
                    </Typography>
                    <Tooltip title={table}>
                      <Typography variant="body2" noWrap>
                        {tableLabel(table)}
                      </Typography>
                    </Tooltip>
                  </TableCell>
                ),
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.roles.map((role) => (
              <TableRow key={role} hover>
                <TableCell component="th" scope="row" sx={stickyRoleSx}>
                  <Tooltip title={role} placement="right" disableInteractive>
                    <Typography variant="body2" noWrap sx={{ fontWeight: 500 }}>
                      {roleLabel(role)}
                    </Typography>
                  </Tooltip>
                </TableCell>
                {columns.map(({ module, table }) => {
                  const state = cellState(index, role, module.name, table);
                  const overrides = table === null && !expanded.has(module.name) ? overridesOf(data.rows, role, module.name).map(tableLabel).join(', ') : '';
                  return (
                    <TableCell
                      key={`${module.name}/${table ?? ''}`}
                      sx={table === null ? { borderLeft: 1, borderLeftColor: 'divider', verticalAlign: 'top' } : { bgcolor: 'action.hover', verticalAlign: 'top' }}
                    >
                      <MatrixCell
                        role={role}
                        module={module.name}
                        table={table}
                        granted={lettersOf(state.actions, data.actions)}
                        source={state.source}
                        overrides={overrides}
                        vocabulary={data.actions}
                        editable={data.editable}
                        pending={pending.has(rowKey(role, module.name, table))}
                        onToggle={onToggle}
                        onReset={onReset}
                      />
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <RecentChanges version={changesVersion} vocabulary={data.actions} moduleLabel={moduleLabel} tableLabel={tableLabel} />
    </Box>
  );
}
