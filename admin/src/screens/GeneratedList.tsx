import { BulkDeleteButton, CreateButton, Datagrid, ExportButton, List, TopToolbar, FilterButton } from 'react-admin';
import type { ResourceAction } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';
import { useResourceMeta } from '../meta/useMeta';
import { filtersFor } from './filtersFor';

/** A list drawn from the metadata: a handful of columns, filters by type, actions the caller has. */
export function GeneratedList() {
  const resource = useResourceMeta();
  if (!resource) return null;
  const can = (a: ResourceAction) => resource.actions.includes(a);
  const writable = !resource.readOnly;
  const actions = (
    <TopToolbar>
      <FilterButton />
      {writable && can('create') && <CreateButton />}
      {can('export') && <ExportButton maxResults={10_000} />}
    </TopToolbar>
  );
  const addressable = resource.primaryKey.length > 0;
  return (
    <List
      filters={filtersFor(resource)}
      sort={resource.defaultSort}
      perPage={25}
      actions={actions}
      exporter={can('export') ? undefined : false}
      title={resource.label}
    >
      <Datagrid
        rowClick={addressable ? 'show' : false}
        bulkActionButtons={writable && can('delete') ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
      >
        {resource.fields.filter((f) => f.inList).map((f) => fieldFor(f, 'list'))}
      </Datagrid>
    </List>
  );
}
