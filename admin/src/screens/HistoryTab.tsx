import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Refresh from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Collapse,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { RecordContextProvider, ResourceContextProvider, TabbedShowLayout, fetchUtils, useRecordContext } from 'react-admin';
import { ReferenceLabelField } from '../fields/ReferenceLabelField';
import type { HistoryEntryDto } from '../../../server/http/historyRouter';
import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { messageOf } from '../providers/apiCall';
import { roleLabel } from '../matrix/matrixModel';
import { currentMeta, displayLocale } from '../meta/metaStore';

/** Resources whose changes are not recorded: the trail itself (views have no changes of their own). */

/** The History tab of a record's show page, or nothing where no trail is kept. */
export function historyTab(resource: ResourceMeta) {
  const unrecorded = currentMeta()?.presentation.unrecorded ?? [];
  if (resource.kind === 'view' || !resource.openable || resource.primaryKey.length === 0 || unrecorded.includes(resource.name)) return null;
  return (
    <TabbedShowLayout.Tab key="history" label="History" path="history">
      <HistoryTab resource={resource} />
    </TabbedShowLayout.Tab>
  );
}

const OPERATION = {
  INSERT: { label: 'Created', color: 'success' },
  UPDATE: { label: 'Changed', color: 'info' },
  DELETE: { label: 'Deleted', color: 'error' },
} as const;

const MOMENT = { dateStyle: 'medium', timeStyle: 'medium' } as const;
const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 } as const;

/** A value as a person reads it: dates in local time, yes/no, JSON for structures, a dash for nothing. */
function ValueText({ value, field }: { value: unknown; field: FieldMeta | undefined }) {
  if (value === null || value === undefined || value === '') {
    return (
      <Typography component="span" variant="body2" color="text.disabled">
        —
      </Typography>
    );
  }
  if (typeof value === 'boolean') return <span>{value ? 'Yes' : 'No'}</span>;
  if (field?.reference && (typeof value === 'string' || typeof value === 'number')) {
    // Named as everywhere else; a value nothing readable refers to any more stays as it was.
    return (
      <RecordContextProvider value={{ id: field.name, [field.name]: value }}>
        <ReferenceLabelField source={field.name} label={field.label} reference={field.reference} unnamed={<span style={MONO}>{String(value)}</span>} />
      </RecordContextProvider>
    );
  }
  if (typeof value === 'object') {
    return (
      <Box component="span" sx={{ ...MONO, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {JSON.stringify(value)}
      </Box>
    );
  }
  if (field?.kind === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return (
      <Tooltip title={value}>
        <span>{new Date(value).toLocaleString(displayLocale(), MOMENT)}</span>
      </Tooltip>
    );
  }
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{String(value)}</span>;
}

type ChangeTableProps = { entry: HistoryEntryDto; resource: ResourceMeta | undefined; unfolded?: boolean };

/**
 * Field by field: old -> new for a change, the values for a creation or a deletion. Without
 * the resource (one the caller may not read), fields are named from their columns. References
 * are named through the labels of the changed record's table, whichever screen shows the change.
 */
export function ChangeTable(props: ChangeTableProps) {
  const table = <ChangeRows {...props} />;
  return props.resource ? <ResourceContextProvider value={props.resource.name}>{table}</ResourceContextProvider> : table;
}

function ChangeRows({ entry, resource, unfolded = false }: ChangeTableProps) {
  // A creation or deletion lists every field: folded away until asked for (a History of many entries).
  const [open, setOpen] = useState(unfolded);
  const fields = resource?.fields ?? [];
  const fieldOf = (name: string) => fields.find((f) => f.name === name);
  const order = (names: string[]) => {
    const position = (n: string) => {
      const i = fields.findIndex((f) => f.name === n);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return names.sort((a, b) => position(a) - position(b) || a.localeCompare(b));
  };
  const label = (name: string) => fieldOf(name)?.label ?? name.replace(/_/g, ' ');
  const caption = `Changes of entry ${entry.id}`;

  if (entry.operation === 'UPDATE') {
    const names = order([...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])]);
    if (names.length === 0) {
      return (
        <Typography variant="body2" color="text.secondary">
          Saved without changing any field.
        </Typography>
      );
    }
    return (
      <Table size="small" aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '22%' }}>Field</TableCell>
            <TableCell sx={{ width: '39%' }}>Before</TableCell>
            <TableCell sx={{ width: '39%' }}>After</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {names.map((name) => (
            <TableRow key={name} data-field={name}>
              <TableCell sx={{ fontWeight: 500 }}>{label(name)}</TableCell>
              <TableCell sx={{ color: 'error.dark', textDecoration: 'line-through', textDecorationColor: 'rgba(0,0,0,0.25)' }}>
                <ValueText value={entry.before?.[name]} field={fieldOf(name)} />
              </TableCell>
              <TableCell sx={{ color: 'success.dark' }}>
                <ValueText value={entry.after?.[name]} field={fieldOf(name)} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  const values = (entry.operation === 'INSERT' ? entry.after : entry.before) ?? {};
  const names = order(Object.keys(values).filter((n) => values[n] !== null && values[n] !== ''));
  return (
    <>
      <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} startIcon={open ? <ExpandLess /> : <ExpandMore />}>
        {open ? 'Hide the values' : `Show the ${names.length} values ${entry.operation === 'INSERT' ? 'it was created with' : 'it had'}`}
      </Button>
      <Collapse in={open} unmountOnExit>
        <Table size="small" aria-label={caption}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '22%' }}>Field</TableCell>
              <TableCell>{entry.operation === 'INSERT' ? 'Value' : 'Value when deleted'}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {names.map((name) => (
              <TableRow key={name} data-field={name}>
                <TableCell sx={{ fontWeight: 500 }}>{label(name)}</TableCell>
                <TableCell>
                  <ValueText value={values[name]} field={fieldOf(name)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Collapse>
    </>
  );
}

/** Who made a change: the signed-in user and their role, or the database login for SQL run outside the API. */
function Who({ entry }: { entry: HistoryEntryDto }) {
  if (entry.userEmail || entry.userId) {
    return (
      <Typography variant="body2" component="span">
        by <strong>{entry.userEmail ?? entry.userId}</strong>
        {entry.userRole && (
          <Typography component="span" variant="body2" color="text.secondary">
            {` (${roleLabel(entry.userRole)})`}
          </Typography>
        )}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span" color="text.secondary">
      by the database{entry.dbUser ? ` login ${entry.dbUser}` : ''}, outside the back-office
    </Typography>
  );
}

function Entry({ entry, resource }: { entry: HistoryEntryDto; resource: ResourceMeta }) {
  const op = OPERATION[entry.operation];
  return (
    <Card variant="outlined" component="li" data-entry={entry.id} data-operation={entry.operation} sx={{ listStyle: 'none' }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
          <Chip size="small" color={op.color} label={op.label} />
          {entry.action && <Chip size="small" variant="outlined" color="secondary" label={entry.action} />}
          <Tooltip title={entry.changedAt}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {new Date(entry.changedAt).toLocaleString(displayLocale(), MOMENT)}
            </Typography>
          </Tooltip>
          <Who entry={entry} />
          <Box sx={{ flexGrow: 1 }} />
          {entry.requestId && (
            <Tooltip title={`The API request that made the change, ${entry.requestId} in the server log`}>
              <Typography variant="caption" color="text.secondary" sx={MONO}>
                request {entry.requestId.length > 12 ? `${entry.requestId.slice(0, 8)}…` : entry.requestId}
              </Typography>
            </Tooltip>
          )}
        </Stack>
        {entry.reason && (
          <Typography variant="body2" sx={{ mb: 1, fontStyle: 'italic' }}>
            Reason: {entry.reason}
          </Typography>
        )}
        <ChangeTable entry={entry} resource={resource} />
      </CardContent>
    </Card>
  );
}

/** The record's changes, newest first, from the database's audit trail (GET /api/<resource>/<id>/history). */
export function HistoryTab({ resource }: { resource: ResourceMeta }) {
  const record = useRecordContext();
  const id = record?.id;
  const [entries, setEntries] = useState<HistoryEntryDto[]>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (id === undefined || id === null) return;
    let live = true;
    setLoading(true);
    const url = `/api/${encodeURIComponent(resource.name)}/${encodeURIComponent(String(id))}/history`;
    fetchUtils
      .fetchJson(url, { credentials: 'same-origin' })
      .then(({ json }) => {
        if (!live) return;
        setEntries(json as HistoryEntryDto[]);
        setError(undefined);
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [resource.name, id, record, reload]);

  return (
    <Box sx={{ py: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          Every change to this record, newest first, as the database recorded it.
        </Typography>
        <Tooltip title="Load the history again">
          <span>
            <IconButton aria-label="Reload the history" onClick={() => setReload((n) => n + 1)} disabled={loading}>
              {loading ? <CircularProgress size={20} /> : <Refresh />}
            </IconButton>
          </span>
        </Tooltip>
      </Stack>
      {error && <Alert severity="error">The history could not be loaded: {error}</Alert>}
      {entries && entries.length === 0 && (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          No changes recorded.
        </Typography>
      )}
      {entries && entries.length > 0 && (
        <Stack component="ol" spacing={1.5} aria-label="History" sx={{ p: 0, m: 0 }}>
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} resource={resource} />
          ))}
        </Stack>
      )}
    </Box>
  );
}
