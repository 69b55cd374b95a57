import { BulkDeleteButton, CreateButton, Datagrid, List, TopToolbar, FilterButton } from 'react-admin';
import type { ResourceAction } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';
import { useResourceMeta } from '../meta/useMeta';
import { ExportCsvButton } from './ExportCsvButton';
import { filtersFor } from './filtersFor';
import { ListViewChips } from './ListViewChips';
import { OperationButtons } from './OperationButtons';
import { BulkTransitionButtons } from './TransitionButtons';

/**
 * A list drawn from the metadata: a handful of columns, filters by type, and only the buttons
 * of actions the caller has (create, export, bulk delete).
 */
export function GeneratedList() {
  const resource = useResourceMeta();
  if (!resource) return null;
  const can = (a: ResourceAction) => resource.actions.includes(a);
  const writable = !resource.readOnly;
  const actions = (
    <TopToolbar>
      <FilterButton />
      {writable && can('create') && <CreateButton />}
      {can('export') && <ExportCsvButton />}
      <OperationButtons resource={resource} />
    </TopToolbar>
  );
  const addressable = resource.primaryKey.length > 0;
  return (
    <List
      filters={filtersFor(resource)}
      sort={resource.defaultSort}
      perPage={25}
      actions={actions}
      exporter={false} // the server streams exports (ExportCsvButton); nothing is exported in the page
      title={resource.label}
    >
      <ListViewChips resource={resource} />
      <Datagrid
        rowClick={addressable ? 'show' : false}
        bulkActionButtons={
          (writable && can('delete')) || resource.workflow?.transitions.length ? (
            <>
              <BulkTransitionButtons resource={resource} />
              {writable && can('delete') && <BulkDeleteButton mutationMode="pessimistic" />}
            </>
          ) : (
            false
          )
        }
      >
        {resource.fields.filter((f) => f.inList).map((f) => fieldFor(f, 'list'))}
      </Datagrid>
    </List>
  );
}
