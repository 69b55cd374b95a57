import Refresh from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Card,
  CardHeader,
  Chip,
  CircularProgress,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useApiLoad } from '../providers/useApiLoad';
import { fetchChanges } from './matrixApi';
import { diffActions, letterOf, roleLabel, type MatrixChange } from './matrixModel';

interface RecentChangesProps {
  /** Bumped by the editor after each saved change, to load the list again. */
  version: number;
  vocabulary: readonly string[];
  moduleLabel: (module: string) => string;
  tableLabel: (table: string) => string;
}

const CHIP_COLOR = { kept: 'default', added: 'success', removed: 'error' } as const;

/** One change's before -> after, each action marked kept, added or removed. */
function ChangeDiff({ change, vocabulary }: { change: MatrixChange; vocabulary: readonly string[] }) {
  const diff = diffActions(change.before, change.after, vocabulary);
  const note = change.before === null ? 'new row' : change.after === null ? 'row removed' : undefined;
  const letters = (actions: string[] | null) => (actions === null ? '—' : vocabulary.filter((a) => actions.includes(a)).map(letterOf).join('') || 'none');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
        {letters(change.before)} → {letters(change.after)}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.5 }}>
        {diff
          .filter((d) => d.change !== 'kept')
          .map((d) => (
            <Chip
              key={d.action}
              size="small"
              variant="outlined"
              color={CHIP_COLOR[d.change]}
              label={`${d.change === 'added' ? '+' : '−'} ${d.action}`}
              sx={{ height: 20, fontSize: 11 }}
            />
          ))}
      </Box>
      {note && (
        <Typography variant="caption" color="text.secondary">
          ({note})
        </Typography>
      )}
    </Box>
  );
}

/** The latest matrix changes, newest first: who, when, role, module/table, before -> after. */
export function RecentChanges({ version, vocabulary, moduleLabel, tableLabel }: RecentChangesProps) {
  const { data: changes, failure: error, loading, reload } = useApiLoad(() => fetchChanges(50), [version]);

  return (
    <Card variant="outlined" sx={{ mt: 3 }}>
      <CardHeader
        title="Recent changes"
        subheader="The latest 50 changes to the matrix, newest first; every change is logged by the database."
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
        action={
          <Tooltip title="Load the list again">
            <span>
              <IconButton aria-label="Reload the recent changes" onClick={reload} disabled={loading}>
                {loading ? <CircularProgress size={20} /> : <Refresh />}
              </IconButton>
            </span>
          </Tooltip>
        }
      />
      {error && (
        <Alert severity="error" sx={{ mx: 2, mb: 2 }}>
          The changes could not be loaded: {error}
        </Alert>
      )}
      {changes && changes.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>
          No changes yet.
        </Typography>
      )}
      {changes && changes.length > 0 && (
        // Fifty changes scroll within it: focusable and named, so a keyboard can reach it and scroll.
        <TableContainer sx={{ maxHeight: 480 }} tabIndex={0} role="region" aria-label="Recent changes, scrollable">
          <Table size="small" stickyHeader aria-label="Recent changes to the role matrix">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>Role</TableCell>
                <TableCell>Module / table</TableCell>
                <TableCell>Before → after</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.map((c) => (
                <TableRow key={c.id} hover>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={c.changedAt}>
                      <span>{new Date(c.changedAt).toLocaleString()}</span>
                    </Tooltip>
                  </TableCell>
                  <TableCell>{c.changedByEmail ?? (c.changedBy ? c.changedBy : <em>system (setup)</em>)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{roleLabel(c.role)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {moduleLabel(c.module)}
                    {c.subModule ? ` / ${tableLabel(c.subModule)}` : <Typography component="span" variant="caption" color="text.secondary"> (whole module)</Typography>}
                  </TableCell>
                  <TableCell>
                    <ChangeDiff change={c} vocabulary={vocabulary} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Card>
  );
}
