import { Box, CircularProgress } from '@mui/material';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route } from 'react-router-dom';

/** None of these pages is needed at first paint: each is a chunk of its own. */
const ChangePasswordPage = lazy(() => import('./ChangePasswordPage'));
const TwoFactorPage = lazy(() => import('./TwoFactorPage'));
const SessionsPage = lazy(() => import('./SessionsPage'));
const SecurityEventsPage = lazy(() => import('../security/SecurityEventsPage'));

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense
      fallback={
        <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
          <CircularProgress aria-label="Loading" />
        </Box>
      }
    >
      <Page />
    </Suspense>
  );
}

/**
 * Outside the layout: a session held at a gate (new password, 2FA enrolment) counts as signed
 * out for react-admin, and these routes are the ones it still renders. They draw the layout
 * themselves for everyone else (AccountShell).
 */
export const gateRoutes = [
  <Route key="password" path="/account/password" element={page(ChangePasswordPage)} />,
  <Route key="two-factor" path="/account/two-factor" element={page(TwoFactorPage)} />,
];

/** Inside the layout, for signed-in callers past every gate. */
export const accountRoutes = [
  <Route key="sessions" path="/account/sessions" element={page(SessionsPage)} />,
  <Route key="security-events" path="/security-events" element={page(SecurityEventsPage)} />,
];
