import Download from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useListContext, type SortPayload } from 'react-admin';

/**
 * The server's streaming export of a list, with its filter and sort encoded exactly as
 * ra-data-simple-rest encodes them (JSON, URL-encoded), and no range: every matching row.
 */
export function exportUrl(resource: string, filter: Record<string, unknown>, sort?: SortPayload): string {
  const params = [`format=csv`, `filter=${encodeURIComponent(JSON.stringify(filter))}`];
  if (sort?.field) params.push(`sort=${encodeURIComponent(JSON.stringify([sort.field, sort.order]))}`);
  return `/api/${encodeURIComponent(resource)}?${params.join('&')}`;
}

/**
 * Export as a plain link the browser downloads: the server streams the CSV (the caller's
 * readable columns, the list's filters and sort), so nothing is assembled in the page.
 */
export function ExportCsvButton() {
  const { resource, filterValues, sort, total } = useListContext();
  return (
    <Button
      href={exportUrl(resource, filterValues, sort)}
      download={`${resource}.csv`}
      size="small"
      startIcon={<Download />}
      disabled={total === 0}
    >
      Export
    </Button>
  );
}
