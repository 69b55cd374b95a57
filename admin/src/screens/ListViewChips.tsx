import { Chip, Stack } from '@mui/material';
import { useGetIdentity, useListContext } from 'react-admin';
import type { ResourceMeta } from '../../../server/meta/types';
import { useMeta } from '../meta/useMeta';
import { stateViews, usableViews, viewFilter } from './listViews';

/** The resource's ready-made views (declared by the pack, and one per state waiting for the caller) as chips above the list; the active one is filled. */
export function ListViewChips({ resource }: { resource: ResourceMeta }) {
  const { filterValues, setFilters, setSort } = useListContext();
  const { presentation } = useMeta();
  const { identity } = useGetIdentity();
  const declared = usableViews(resource, presentation);
  const views = [...declared, ...stateViews(resource, declared)];
  if (views.length === 0) return null;
  const same = (a: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(filterValues);
  return (
    <Stack direction="row" sx={{ gap: 1, px: 2, pt: 1, flexWrap: 'wrap' }} aria-label="Views">
      {views.map((v) => {
        const filter = viewFilter(v, identity?.id);
        return (
          <Chip
            key={v.label}
            label={v.label}
            color={same(filter) ? 'primary' : 'default'}
            variant={same(filter) ? 'filled' : 'outlined'}
            onClick={() => {
              setFilters(filter, {});
              if (v.sort) setSort(v.sort);
            }}
          />
        );
      })}
    </Stack>
  );
}
