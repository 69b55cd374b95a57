import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useListContext, useNotify, useRecordContext, useRefresh, useUnselectAll } from 'react-admin';
import type { FieldMeta, ResourceMeta, TransitionMeta } from '../../../server/meta/types';
import type { TransitionParams } from '../providers/dataProvider';

type Row = Record<string, unknown>;

const inputType = (f: FieldMeta | undefined) => (f?.kind === 'date' ? 'date' : f?.kind === 'datetime' ? 'datetime-local' : 'text');

/** Asks for the fields a transition requires, then runs it; the server's per-field errors show beside them. */
function TransitionDialog(props: { resource: ResourceMeta; transition: TransitionMeta; onClose: () => void; run: (data: Row) => Promise<void> }) {
  const { resource, transition, onClose, run } = props;
  const [values, setValues] = useState<Row>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const data = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, inputType(resource.fields.find((f) => f.name === k)) === 'datetime-local' && v ? new Date(String(v)).toISOString() : v]),
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
      <DialogTitle>
        {transition.label}: {resource.label.toLowerCase()}
      </DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {transition.requires.map((name) => {
            const field = resource.fields.find((f) => f.name === name);
            const type = inputType(field);
            return (
              <TextField
                key={name}
                name={name}
                label={field?.label ?? name}
                type={type}
                required
                multiline={type === 'text' && field?.kind === 'longtext'}
                minRows={type === 'text' && field?.kind === 'longtext' ? 3 : undefined}
                value={String(values[name] ?? '')}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                error={Boolean(errors[name])}
                helperText={errors[name]}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            );
          })}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Back</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy}>
          {transition.label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Runs a transition through the data provider and tells the user how it went. */
function useRunTransition(resource: ResourceMeta) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (transition: TransitionMeta, params: Omit<TransitionParams, 'action'>) => {
    try {
      await dataProvider.transition(resource.name, { ...params, action: transition.name });
      notify(`${transition.label}: done.`, { type: 'success' });
      refresh();
    } catch (error) {
      const status = (error as { status?: number }).status;
      notify((error as Error).message || 'The action failed.', { type: 'error' });
      if (status === 409) refresh(); // someone else acted first: show the record as it is now
      if (status === 400) throw error; // the dialog shows the per-field messages
    }
  };
}

function TransitionButton(props: { resource: ResourceMeta; transition: TransitionMeta; disabledReason?: string; run: (data: Row) => Promise<void> }) {
  const { resource, transition, disabledReason, run } = props;
  const [asking, setAsking] = useState(false);
  const button = (
    <span>
      <Button size="small" variant="outlined" disabled={Boolean(disabledReason)} onClick={() => (transition.requires.length ? setAsking(true) : void run({}))}>
        {transition.label}
      </Button>
    </span>
  );
  return (
    <>
      {disabledReason ? <Tooltip title={disabledReason}>{button}</Tooltip> : button}
      {asking && <TransitionDialog resource={resource} transition={transition} onClose={() => setAsking(false)} run={run} />}
    </>
  );
}

/**
 * The workflow's next steps for the record on screen: the transitions the caller may perform
 * (from /api/meta) from the record's current state. One's own approval is shown disabled, with
 * the reason; a step only its owner may take is hidden from everyone else.
 */
export function TransitionButtons({ resource }: { resource: ResourceMeta }) {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const run = useRunTransition(resource);
  const workflow = resource.workflow;
  if (!workflow || !record) return null;
  const me = identity?.id === undefined ? undefined : String(identity.id);
  const possible = workflow.transitions.filter(
    (t) => t.from.includes(String(record[workflow.statusColumn])) && (!t.onlyBy || String(record[t.onlyBy]) === me),
  );
  return (
    <>
      {possible.map((t) => (
        <TransitionButton
          key={t.name}
          resource={resource}
          transition={t}
          disabledReason={t.notBy && me !== undefined && String(record[t.notBy]) === me ? `Your own: someone else must ${t.label.toLowerCase()} it.` : undefined}
          run={(data) => run(t, { id: record.id, data })}
        />
      ))}
    </>
  );
}

/** The same steps for the records selected in a list, all or nothing. */
export function BulkTransitionButtons({ resource }: { resource: ResourceMeta }) {
  const { selectedIds } = useListContext();
  const unselectAll = useUnselectAll(resource.name);
  const run = useRunTransition(resource);
  return (
    <>
      {(resource.workflow?.transitions ?? [])
        .filter((t) => !t.onlyBy)
        .map((t) => (
          <TransitionButton
            key={t.name}
            resource={resource}
            transition={t}
            run={async (data) => {
              await run(t, { ids: selectedIds, data });
              unselectAll();
            }}
          />
        ))}
    </>
  );
}
