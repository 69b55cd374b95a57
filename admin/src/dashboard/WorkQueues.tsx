import { Card, CardHeader, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useGetIdentity, useGetList } from 'react-admin';
import { Link } from 'react-router-dom';
import type { ListView, ResourceMeta } from '../../../server/meta/types';
import { displayLocale } from '../meta/metaStore';
import { useMeta } from '../meta/useMeta';
import type { ListMeta } from '../providers/dataProvider';
import { namesMe, usableViews, viewFilter } from '../screens/listViews';

/** How many records one of the pack's views holds now, opening the list in that view. */
function QueueItem({ resource, view }: { resource: ResourceMeta; view: ListView }) {
  const { identity } = useGetIdentity();
  const filter = viewFilter(view, identity?.id);
  const sort = view.sort ?? resource.defaultSort;
  const { total, meta, isPending } = useGetList(
    resource.name,
    { pagination: { page: 1, perPage: 1 }, filter, sort },
    { enabled: !namesMe(view) || identity !== undefined },
  );
  const count = total ?? (meta as ListMeta | undefined)?.estimatedTotal;
  const to = `/${resource.name}?${new URLSearchParams({ filter: JSON.stringify(filter), sort: sort.field, order: sort.order, page: '1' }).toString()}`;
  return (
    <ListItemButton component={Link} to={to} sx={{ px: 2.5 }} data-queue={`${resource.name}:${view.label}`}>
      <ListItemText primary={view.label} secondary={resource.label} />
      <Typography variant="h6" component="span" sx={{ fontWeight: 600, ml: 2 }}>
        {isPending || count === undefined ? '…' : `${total === undefined ? '~' : ''}${count.toLocaleString(displayLocale())}`}
      </Typography>
    </ListItemButton>
  );
}

/** The work waiting for the caller: every ready-made view of the lists they may read, with how many records it holds. */
export function WorkQueues() {
  const meta = useMeta();
  const queues = meta.resources.flatMap((resource) => usableViews(resource, meta.presentation).map((view) => ({ resource, view })));
  if (queues.length === 0) return null;
  return (
    <Card variant="outlined" sx={{ mb: 3 }}>
      <CardHeader title="Waiting" subheader="Your queues, as they stand now" slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <List dense disablePadding sx={{ pb: 1, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))' }}>
        {queues.map(({ resource, view }) => (
          <ListItem key={`${resource.name}:${view.label}`} disablePadding>
            <QueueItem resource={resource} view={view} />
          </ListItem>
        ))}
      </List>
    </Card>
  );
}
