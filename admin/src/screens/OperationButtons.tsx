import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { OperationMeta, ResourceMeta } from '../../../server/meta/types';

/** Asks for an operation's parameters, runs it, and reports what it made. */
function OperationDialog({ resource, operation, onClose }: { resource: ResourceMeta; operation: OperationMeta; onClose: () => void }) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.operation(resource.name, { name: operation.name, data: values });
      const made = Array.isArray(data) ? data.length : 0;
      notify(`${operation.label}: ${made} ${made === 1 ? 'record' : 'records'} made.`, { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      setErrors(((error as { body?: { errors?: Record<string, string> } }).body?.errors ?? {}) as Record<string, string>);
      notify((error as Error).message || 'The operation failed.', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{operation.label}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {operation.params.map((p) => (
            <TextField
              key={p.name}
              name={p.name}
              label={p.label}
              type={p.kind === 'date' ? 'date' : p.kind === 'integer' ? 'number' : 'text'}
              required
              value={values[p.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
              error={Boolean(errors[p.name])}
              helperText={errors[p.name]}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Back</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          {operation.label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The operations on a whole resource the caller may run (from /api/meta), as list toolbar buttons. */
export function OperationButtons({ resource }: { resource: ResourceMeta }) {
  const [open, setOpen] = useState<OperationMeta | undefined>();
  return (
    <>
      {(resource.operations ?? []).map((o) => (
        <Button key={o.name} size="small" onClick={() => setOpen(o)}>
          {o.label}
        </Button>
      ))}
      {open && <OperationDialog resource={resource} operation={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
