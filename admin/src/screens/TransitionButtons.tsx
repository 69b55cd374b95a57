import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useGetIdentity, useListContext, useNotify, useRecordContext, useRefresh, useUnselectAll } from 'react-admin';
import type { ResourceMeta, TransitionMeta } from '../../../server/meta/types';
import type { TransitionParams } from '../providers/dataProvider';
import { ParamsDialog, type DialogParam } from './ParamsDialog';
import { stateWords } from '../../../permissions/words';

type Row = Record<string, unknown>;

/** The fields a transition requires, as the dialog asks for them. */
function requiredParams(resource: ResourceMeta, transition: TransitionMeta): DialogParam[] {
  return transition.requires.map((name) => {
    const field = resource.fields.find((f) => f.name === name);
    const kind = field?.kind === 'date' || field?.kind === 'datetime' || field?.kind === 'longtext' ? field.kind : 'text';
    return { name, label: field?.label ?? name, kind };
  });
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

/** What a step with consequences will do, said before it is done: how many records, to which state, and whether anything undoes it. */
function consequence(resource: ResourceMeta, transition: TransitionMeta, count: number): string {
  const plural = resource.label.toLowerCase();
  const what = count === 1 ? `This ${resource.recordName}` : `These ${count} ${plural}`;
  const state = stateWords(transition.to);
  return `${what} will be ${state}.${transition.confirm?.final ? ' No step leads back from there.' : ''}`;
}

function TransitionButton(props: { resource: ResourceMeta; transition: TransitionMeta; count?: number; disabledReason?: string; run: (data: Row) => Promise<void> }) {
  const { resource, transition, count = 1, disabledReason, run } = props;
  const [asking, setAsking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const start = () => (transition.requires.length ? setAsking(true) : transition.confirm ? setConfirming(true) : void run({}));
  const button = (
    <span>
      <Button size="small" variant="outlined" disabled={Boolean(disabledReason)} onClick={start}>
        {transition.label}
      </Button>
    </span>
  );
  return (
    <>
      {disabledReason ? <Tooltip title={disabledReason}>{button}</Tooltip> : button}
      <Confirm
        isOpen={confirming}
        title={`${transition.label}?`}
        content={consequence(resource, transition, count)}
        confirm={transition.label}
        cancel="Not now"
        onConfirm={() => {
          setConfirming(false);
          void run({});
        }}
        onClose={() => setConfirming(false)}
      />
      {asking && (
        <ParamsDialog
          title={`${transition.label}: ${resource.label.toLowerCase()}`}
          submitLabel={transition.label}
          params={requiredParams(resource, transition)}
          onClose={() => setAsking(false)}
          run={run}
        />
      )}
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

/** The same steps for the records selected in a list, all or nothing: only those every selected record's state allows. */
export function BulkTransitionButtons({ resource }: { resource: ResourceMeta }) {
  const { selectedIds, data } = useListContext();
  const unselectAll = useUnselectAll(resource.name);
  const run = useRunTransition(resource);
  const workflow = resource.workflow;
  const selected = new Set(selectedIds.map(String));
  const states = (data ?? []).filter((r) => selected.has(String(r.id))).map((r) => String((r as Row)[workflow?.statusColumn ?? '']));
  return (
    <>
      {(workflow?.transitions ?? [])
        .filter((t) => !t.onlyBy && states.length > 0 && states.every((s) => t.from.includes(s)))
        .map((t) => (
          <TransitionButton
            key={t.name}
            resource={resource}
            transition={t}
            count={selectedIds.length}
            run={async (data) => {
              await run(t, { ids: selectedIds, data });
              unselectAll();
            }}
          />
        ))}
    </>
  );
}
