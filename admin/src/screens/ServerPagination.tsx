import { TablePagination } from '@mui/material';
import { useState } from 'react';

/** Which page of a server-paged list is shown; a new filter goes back to the first (`firstPage`). */
export function usePaging(initialPerPage: number) {
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(initialPerPage);
  return {
    page,
    perPage,
    firstPage: () => setPage(0),
    show: (nextPage: number, nextPerPage: number) => {
      setPage(nextPage);
      setPerPage(nextPerPage);
    },
  };
}

export type Paging = ReturnType<typeof usePaging>;

/** Paging for a list the server pages: a new page size starts again at the first page. */
export function ServerPagination({ total, paging, sizes }: { total: number; paging: Paging; sizes: number[] }) {
  return (
    <TablePagination
      component="div"
      count={total}
      page={paging.page}
      rowsPerPage={paging.perPage}
      rowsPerPageOptions={sizes}
      onPageChange={(_, next) => paging.show(next, paging.perPage)}
      onRowsPerPageChange={(e) => paging.show(0, Number(e.target.value))}
    />
  );
}
