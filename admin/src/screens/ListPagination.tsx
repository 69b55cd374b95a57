import { Box, Typography } from '@mui/material';
import { Pagination, useListContext } from 'react-admin';
import { displayLocale } from '../meta/metaStore';
import type { ListMeta } from '../providers/dataProvider';

/**
 * A list's paging. Where the server could only estimate the total, it says so ("about
 * 27,750") and pages by "next" alone, which is offered only after a full page: no page past
 * the real end is ever asked for.
 */
export function ListPagination() {
  const { meta } = useListContext();
  const estimated = (meta as ListMeta | undefined)?.estimatedTotal;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}>
      {estimated !== undefined && (
        <Typography variant="body2" color="text.secondary" data-estimated-total={estimated}>
          About {estimated.toLocaleString(displayLocale())} rows
        </Typography>
      )}
      <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />
    </Box>
  );
}
