import { BulkDeleteButton, CreateButton, Datagrid, List, TopToolbar, FilterButton } from 'react-admin';
import type { ResourceAction } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';
import { useMeta, useResourceMeta } from '../meta/useMeta';
import { ExportCsvButton } from './ExportCsvButton';
import { filtersFor } from './filtersFor';
import { ListPagination } from './ListPagination';
import { ListViewChips } from './ListViewChips';
import { OperationButtons } from './OperationButtons';
import { BulkTransitionButtons } from './TransitionButtons';

/**
 * A list drawn from the metadata: a handful of columns, filters by type, and only the buttons
 * of actions the caller has (create, export, bulk delete).
 */
export function GeneratedList() {
  const resource = useResourceMeta();
  const { presentation } = useMeta();
  if (!resource) return null;
  const settings = presentation.lists[resource.name] ?? {};
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
  const addressable = resource.openable && resource.primaryKey.length > 0;
  const opens = settings.opens;
  const columns =
    settings.columns === 'all'
      ? resource.fields
      : settings.columns
        ? settings.columns.flatMap((name) => resource.fields.filter((f) => f.name === name))
        : resource.fields.filter((f) => f.inList);
  return (
    <List
      filters={filtersFor(resource)}
      {...(settings.filter ? { filterDefaultValues: settings.filter } : {})}
      sort={settings.sort ?? resource.defaultSort}
      perPage={25}
      actions={actions}
      exporter={false} // the server streams exports (ExportCsvButton); nothing is exported in the page
      title={resource.label}
      pagination={<ListPagination />}
    >
      <ListViewChips resource={resource} />
      <Datagrid
        rowClick={opens ? (id) => `/${opens}/${encodeURIComponent(String(id))}/show` : addressable ? 'show' : false}
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
        {columns.map((f) => fieldFor(f, 'list'))}
      </Datagrid>
    </List>
  );
}
