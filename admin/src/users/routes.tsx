import { Box, CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';

/** Only administrators open it: its code is a chunk of its own. */
const UsersPage = lazy(() => import('./UsersPage'));

/** The user administration page, inside the layout (a react-admin custom route). */
export const usersRoute = (
  <Route
    key="users"
    path="/users"
    element={
      <Suspense
        fallback={
          <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
            <CircularProgress aria-label="Loading" />
          </Box>
        }
      >
        <UsersPage />
      </Suspense>
    }
  />
);

