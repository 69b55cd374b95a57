import { CircularProgress, Box } from '@mui/material';
import { lazy, Suspense } from 'react';

/** Few roles open the matrix: its code is loaded when they do. */
const MatrixEditor = lazy(() => import('./MatrixEditor').then((m) => ({ default: m.MatrixEditor })));

/** The page at /matrix (a react-admin custom route inside the layout). */
export function MatrixPage() {
  return (
    <Suspense
      fallback={
        <Box sx={{ p: 6, display: 'flex', justifyContent: 'center' }}>
          <CircularProgress />
        </Box>
      }
    >
      <MatrixEditor />
    </Suspense>
  );
}
