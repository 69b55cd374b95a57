import { Datagrid, FilterButton, List, TopToolbar } from 'react-admin';
import { fieldFor } from '../../fields/fieldFor';
import { useResourceMeta } from '../../meta/useMeta';
import { filtersFor } from '../../screens/filtersFor';

/**
 * HR's leave queue: pending requests first-come-first-served, each with the balance and the
 * overlapping absences in view; a row opens the leave request itself, where its Approve and
 * Reject buttons are.
 */
export function list() {
  const resource = useResourceMeta();
  if (!resource) return null;
  return (
    <List
      filters={filtersFor(resource)}
      filterDefaultValues={{ status: 'pending' }}
      sort={{ field: 'applied_date', order: 'ASC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      exporter={false}
      title="Leave queue"
    >
      <Datagrid rowClick={(id) => `/leave_requests/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false}>
        {resource.fields.map((f) => fieldFor(f, 'list'))}
      </Datagrid>
    </List>
  );
}
