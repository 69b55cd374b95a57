import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { DateTextField, NOT_A_DATE } from '../fields/LocaleDateInput';

export interface DialogParam {
  name: string;
  label: string;
  kind: 'text' | 'longtext' | 'integer' | 'date' | 'datetime';
}

const INPUT_TYPE: Record<DialogParam['kind'], string> = {
  text: 'text',
  longtext: 'text',
  integer: 'number',
  date: 'date',
  datetime: 'datetime-local',
};

/**
 * Asks for the values a step needs (a workflow step's required fields, an operation's
 * parameters), then runs it; when `run` fails with the server's per-field errors
 * (`error.body.errors`) they show beside the inputs and the dialog stays open.
 */
export function ParamsDialog(props: { title: string; submitLabel: string; params: DialogParam[]; onClose: () => void; run: (data: Record<string, unknown>) => Promise<void> }) {
  const { title, submitLabel, params, onClose, run } = props;
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      // A datetime-local input has no zone: it is the browser's local time, sent as an instant.
      const data = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, params.find((p) => p.name === k)?.kind === 'datetime' && v ? new Date(v).toISOString() : v]),
      );
      await run(data);
      onClose();
    } catch (error) {
      setErrors(((error as { body?: { errors?: Record<string, string> } }).body?.errors ?? {}) as Record<string, string>);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {params.map((p) =>
            p.kind === 'date' ? (
              <DateTextField
                key={p.name}
                name={p.name}
                label={p.label}
                required
                value={values[p.name] && values[p.name] !== NOT_A_DATE ? values[p.name]! : ''}
                onChange={(v) => setValues((all) => ({ ...all, [p.name]: v ?? '' }))}
                error={errors[p.name]}
              />
            ) : (
            <TextField
              key={p.name}
              name={p.name}
              label={p.label}
              type={INPUT_TYPE[p.kind]}
              required
              multiline={p.kind === 'longtext'}
              minRows={p.kind === 'longtext' ? 3 : undefined}
              value={values[p.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
              error={Boolean(errors[p.name])}
              helperText={errors[p.name]}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            ),
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Back</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
