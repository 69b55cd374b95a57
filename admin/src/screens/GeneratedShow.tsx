import { Box } from '@mui/material';
import {
  Datagrid, DeleteButton, EditButton, Labeled, Pagination, ReferenceManyField, Show, TabbedShowLayout, TopToolbar,
  useRecordContext,
} from 'react-admin';
import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';
import { useMeta, useResourceMeta } from '../meta/useMeta';

const WIDE: FieldMeta['kind'][] = ['longtext', 'json', 'array'];

function Details({ resource }: { resource: ResourceMeta }) {
  const narrow = resource.fields.filter((f) => !WIDE.includes(f.kind));
  const wide = resource.fields.filter((f) => WIDE.includes(f.kind));
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 2, mb: 2 }}>
        {narrow.map((f) => (
          <Labeled key={f.name} label={f.label}>
            {fieldFor(f, 'show')}
          </Labeled>
        ))}
      </Box>
      {wide.map((f) => (
        <Box key={f.name} sx={{ mb: 2 }}>
          <Labeled label={f.label} fullWidth>
            {fieldFor(f, 'show')}
          </Labeled>
        </Box>
      ))}
    </Box>
  );
}

function Title({ resource }: { resource: ResourceMeta }) {
  const record = useRecordContext();
  return <>{`${resource.label}: ${record ? String(record[resource.displayField] ?? record.id) : ''}`}</>;
}

/** A record: its fields, then one tab per table that refers to it (a vendor's therapists, bookings...). */
export function GeneratedShow() {
  const resource = useResourceMeta();
  const meta = useMeta();
  if (!resource) return null;
  const can = (a: string) => resource.actions.includes(a as never);
  const actions = (
    <TopToolbar>
      {!resource.readOnly && can('update') && <EditButton />}
      {!resource.readOnly && can('delete') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
  return (
    <Show actions={actions} title={<Title resource={resource} />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Details">
          <Details resource={resource} />
        </TabbedShowLayout.Tab>
        {resource.reverseReferences.map((ref) => {
          const other = meta.resources.find((r) => r.name === ref.resource);
          if (!other) return null;
          return (
            <TabbedShowLayout.Tab key={`${ref.resource}.${ref.field}`} label={ref.label} path={`${ref.resource.replace(/\W/g, '_')}_${ref.field}`}>
              <ReferenceManyField reference={ref.resource} target={ref.field} source={ref.target} label={false}
                sort={other.defaultSort} perPage={10} pagination={<Pagination />}>
                <Datagrid rowClick="show" bulkActionButtons={false}>
                  {other.fields.filter((f) => f.inList && f.name !== ref.field).map((f) => fieldFor(f, 'list'))}
                </Datagrid>
              </ReferenceManyField>
            </TabbedShowLayout.Tab>
          );
        })}
      </TabbedShowLayout>
    </Show>
  );
}
