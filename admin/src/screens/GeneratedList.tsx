import { Box } from '@mui/material';
import { BulkDeleteButton, CreateButton, Datagrid, List, TopToolbar, FilterButton, WrapperField } from 'react-admin';
import type { ResourceAction } from '../../../server/meta/types';
import { fieldFor } from '../fields/fieldFor';
import { useMeta, useResourceMeta } from '../meta/useMeta';
import { ExportCsvButton } from './ExportCsvButton';
import { filtersFor } from './filtersFor';
import { ListPagination } from './ListPagination';
import { ListViewChips } from './ListViewChips';
import { OperationButtons } from './OperationButtons';
import { BulkTransitionButtons, TransitionButtons } from './TransitionButtons';

/**
 * A list drawn from the metadata: a handful of columns, filters by type, and only the buttons
 * of actions the caller has (create, export, bulk delete).
 */
export function GeneratedList() {
  const resource = useResourceMeta();
  const { presentation, resources } = useMeta();
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
  // The steps a row can take in place: its own workflow's, or that of the records a queue view opens.
  const stepsOf = [opens ? resources.find((r) => r.name === opens) : resource].find((r) => r?.workflow?.transitions.length);
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
        {stepsOf && (
          <WrapperField label="Next steps" textAlign="right">
            {/* A step taken in the row stays in the queue: the click opens nothing. */}
            <Box onClick={(e) => e.stopPropagation()} sx={{ display: 'flex', gap: 0.5, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
              <TransitionButtons resource={stepsOf} />
            </Box>
          </WrapperField>
        )}
      </Datagrid>
    </List>
  );
}
