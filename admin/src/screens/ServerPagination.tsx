import { TablePagination } from '@mui/material';

/** Paging for a list the server pages: a new page size starts again at the first page. */
export function ServerPagination({
  total,
  page,
  perPage,
  sizes,
  onChange,
}: {
  total: number;
  page: number;
  perPage: number;
  sizes: number[];
  onChange: (page: number, perPage: number) => void;
}) {
  return (
    <TablePagination
      component="div"
      count={total}
      page={page}
      rowsPerPage={perPage}
      rowsPerPageOptions={sizes}
      onPageChange={(_, next) => onChange(next, perPage)}
      onRowsPerPageChange={(e) => onChange(0, Number(e.target.value))}
    />
  );
}
