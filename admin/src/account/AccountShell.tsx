import Shield from '@mui/icons-material/Shield';
import { Alert, Avatar, Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Title, useLogout } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { AppLayout } from '../layout/AppLayout';
import { fetchMe, type Me } from '../providers/authProvider';
import { messageOf } from '../providers/apiCall';
import { GATE_PATHS, type Gate } from './gate';

type MeState = { status: 'loading' } | { status: 'signedOut' } | { status: 'failed'; message: string } | { status: 'ready'; me: Me };

/** The caller as /api/auth/me has them now (these pages sit outside react-admin's auth check). */
function useMe(): MeState {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetchMe().then(
      (me) => live && setState(me ? { status: 'ready', me } : { status: 'signedOut' }),
      (error: unknown) => live && setState({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The login page's backdrop and card, for a session that may reach nothing but this page. */
function GateFrame({ title, children }: { title: string; children: ReactNode }) {
  const logout = useLogout();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        py: { xs: 2, sm: 8 },
        px: 1,
        backgroundImage: 'linear-gradient(135deg, #1b3a57 0%, #24527a 55%, #1f7a6d 100%)',
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 560, borderRadius: 3 }}>
        <CardContent sx={{ p: { xs: 2, sm: 4 } }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2 }}>
            <Avatar sx={{ bgcolor: 'primary.main' }}>
              <Shield />
            </Avatar>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600, flex: 1 }}>
              {title}
            </Typography>
            <Button size="small" onClick={() => void logout({ signOut: true })}>
              Sign out
            </Button>
          </Box>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
}

export interface AccountPageProps {
  me: Me;
  /** The session may do nothing else until this page is done. */
  gated: boolean;
}

/**
 * An account page, registered outside react-admin's layout so that a gated session (which
 * react-admin treats as signed out) can reach it without loading menus or metadata. A gated
 * caller gets a card of its own; anyone else gets the normal layout around it. A caller gated
 * for another page is sent there.
 */
export function AccountShell({ gate, title, children }: { gate?: Gate; title: string; children: (props: AccountPageProps) => ReactNode }) {
  const state = useMe();
  if (state.status === 'loading') {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  }
  if (state.status === 'signedOut') return <Navigate to="/login" replace />;
  if (state.status === 'failed') {
    return (
      <Box sx={{ p: 4 }}>
        <Alert severity="error">Your account could not be loaded ({state.message}). Reload the page to try again.</Alert>
      </Box>
    );
  }
  const { me } = state;
  if (me.gate && me.gate !== gate) return <Navigate to={GATE_PATHS[me.gate]} replace />;
  if (me.gate) return <GateFrame title={title}>{children({ me, gated: true })}</GateFrame>;
  return (
    <AppLayout>
      <Title title={title} />
      <Box sx={{ py: 3, px: { xs: 1, md: 2 }, maxWidth: 720 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 2 }}>
          {title}
        </Typography>
        {children({ me, gated: false })}
      </Box>
    </AppLayout>
  );
}
