import { Box } from '@mui/material';
import {
  DeleteButton, EditButton, Labeled, Show, TabbedShowLayout, TopToolbar, useRecordContext,
} from 'react-admin';
import type { FieldMeta, ResourceAction, ResourceMeta } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';
import { useMeta, useResourceMeta } from '../meta/useMeta';
import { AuditEntryChanges, CHANGE_COLUMNS } from './AuditEntryChanges';
import { historyTab } from './HistoryTab';
import { RecordTitle } from './RecordTitle';
import { RelatedList } from './RelatedList';
import { labelInState, shownInState } from './stampedFields';
import { readableThread, Thread } from './Thread';
import { TransitionButtons } from './TransitionButtons';
import { useRecordLoadError } from './useRecordLoadError';

const WIDE: FieldMeta['kind'][] = ['longtext', 'json', 'array'];

/** A generated uuid key says nothing to a person once the record has a name of its own: it stays in the address, not on the page. */
const isBareKey = (resource: ResourceMeta, f: FieldMeta) =>
  f.primaryKey && f.kind === 'uuid' && !f.reference && resource.displayField !== f.name;

function Details({ resource }: { resource: ResourceMeta }) {
  const meta = useMeta();
  const record = useRecordContext();
  const shown = resource.fields
    .filter((f) => !isBareKey(resource, f) && (!record || shownInState(resource, record, f)))
    .map((f) => (record ? { ...f, label: labelInState(resource, record, f) } : f));
  // An audit entry's before and after read as one table of changes, field by field.
  const isTrail = meta.presentation.auditTrail === resource.name;
  const narrow = shown.filter((f) => !WIDE.includes(f.kind));
  const wide = shown.filter((f) => WIDE.includes(f.kind) && !(isTrail && CHANGE_COLUMNS.includes(f.name)));
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 2, mb: 2 }}>
        {narrow.map((f) => (
          <Box key={f.name} data-field={f.name}>
            <Labeled label={f.label}>{fieldFor(f, 'show')}</Labeled>
          </Box>
        ))}
      </Box>
      {isTrail && (
        <Box data-field="changes" sx={{ mb: 2 }}>
          <AuditEntryChanges />
        </Box>
      )}
      {wide.map((f) => (
        <Box key={f.name} data-field={f.name} sx={{ mb: 2 }}>
          <Labeled label={f.label} fullWidth>
            {fieldFor(f, 'show')}
          </Labeled>
        </Box>
      ))}
      {threadsOf(resource, meta.resources).map(({ reverse, other, spec }) => (
        <Thread key={`${reverse.resource}.${reverse.field}`} reverse={reverse} other={other} spec={spec} />
      ))}
    </Box>
  );
}

/** The message tables about this record the caller reads as conversations: shown with its details, not as a tab of rows. */
function threadsOf(resource: ResourceMeta, resources: ResourceMeta[]) {
  return resource.reverseReferences.flatMap((reverse) => {
    const other = resources.find((r) => r.name === reverse.resource);
    const spec = other && readableThread(reverse, other);
    return other && spec ? [{ reverse, other, spec }] : [];
  });
}

/**
 * A record: its fields, then one tab per table that refers to it (a customer's orders,
 * bookings...). Edit and Delete only for callers who may update or delete.
 */
export function GeneratedShow() {
  const resource = useResourceMeta();
  const meta = useMeta();
  const onError = useRecordLoadError();
  if (!resource) return null;
  const can = (a: ResourceAction) => resource.actions.includes(a);
  const actions = (
    <TopToolbar>
      <TransitionButtons resource={resource} />
      {!resource.readOnly && can('update') && <EditButton />}
      {!resource.readOnly && can('delete') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
  return (
    <Show actions={actions} title={<RecordTitle resource={resource} />} queryOptions={{ onError }}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Details">
          <Details resource={resource} />
        </TabbedShowLayout.Tab>
        {resource.reverseReferences.map((ref) => {
          const other = meta.resources.find((r) => r.name === ref.resource);
          if (!other || readableThread(ref, other)) return null;
          return (
            <TabbedShowLayout.Tab key={`${ref.resource}.${ref.field}`} label={ref.label} path={`${ref.resource.replace(/\W/g, '_')}_${ref.field}`}>
              <RelatedList reverse={ref} other={other} />
            </TabbedShowLayout.Tab>
          );
        })}
        {historyTab(resource)}
      </TabbedShowLayout>
    </Show>
  );
}
