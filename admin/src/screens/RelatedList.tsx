import { Stack } from '@mui/material';
import { CreateButton, Datagrid, Pagination, ReferenceManyField, useRecordContext } from 'react-admin';
import type { ResourceMeta, ReverseReferenceMeta } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';

/**
 * The rows of another resource that point at this record (a customer's orders), with its
 * list columns minus the pointer itself, and a button that creates one already pointing here.
 */
export function RelatedList({ reverse, other }: { reverse: ReverseReferenceMeta; other: ResourceMeta }) {
  const record = useRecordContext();
  const canCreate = !other.readOnly && other.primaryKey.length > 0 && other.actions.includes('create');
  return (
    <>
      {canCreate && record && (
        <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1 }}>
          <CreateButton resource={other.name} state={{ record: { [reverse.field]: record[reverse.target] } }} label={`Add ${other.label.toLowerCase()}`} />
        </Stack>
      )}
      <ReferenceManyField
        reference={other.name}
        target={reverse.field}
        source={reverse.target}
        sort={other.defaultSort}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <Datagrid rowClick={other.primaryKey.length ? 'show' : false} bulkActionButtons={false} empty={<Empty label={other.label} />}>
          {other.fields.filter((f) => f.inList && f.name !== reverse.field).map((f) => fieldFor(f, 'list'))}
        </Datagrid>
      </ReferenceManyField>
    </>
  );
}

function Empty({ label }: { label: string }) {
  return <Stack sx={{ py: 3, alignItems: 'center', color: 'text.secondary' }}>{`No ${label.toLowerCase()} yet.`}</Stack>;
}
