import { Alert, Box, Button, Chip, CircularProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useLogout, useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { apiCall, messageOf } from '../providers/apiCall';
import { useApiLoad } from '../providers/useApiLoad';
import { ScreenHeading } from '../screens/ScreenHeading';
import { describeAgent, formatTime, type SessionRow } from './authApi';

/** /account/sessions: the caller's open sessions, each revocable; revoking this one signs out. */
export default function SessionsPage() {
  const notify = useNotify();
  const logout = useLogout();
  // A 401 (this session revoked elsewhere, or the user suspended) goes to the login page, as on react-admin's own screens.
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { data: rows, failure, reload } = useApiLoad(() => apiCall<SessionRow[]>('/api/auth/sessions'), []);
  const [revoking, setRevoking] = useState<string>();

  async function revoke(session: SessionRow) {
    setRevoking(session.id);
    try {
      await apiCall(`/api/auth/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' });
    } catch (e) {
      setRevoking(undefined);
      if (!(await logoutIfAccessDenied(e))) notify(messageOf(e), { type: 'error' });
      return;
    }
    // This browser's session is gone: sign out the way the user menu does (the server call is harmless now).
    if (session.current) return void logout({ signOut: true });
    setRevoking(undefined);
    notify('The session has been revoked.', { type: 'info' });
    reload();
  }

  return (
    <Box sx={{ py: 3, px: { xs: 1, md: 2 }, maxWidth: 1200 }}>
      <ScreenHeading title="My sessions" subtitle="Every browser signed in as you. Revoke any you do not recognise, then change your password." />
      {failure && <Alert severity="error">{failure}</Alert>}
      {!rows && !failure && <CircularProgress aria-label="Loading" />}
      {rows && (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" aria-label="My sessions">
            <TableHead>
              <TableRow>
                <TableCell>Device</TableCell>
                <TableCell>Address</TableCell>
                <TableCell>Signed in</TableCell>
                <TableCell>Last active</TableCell>
                <TableCell>Expires</TableCell>
                <TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((s) => (
                <TableRow key={s.id} selected={s.current}>
                  <TableCell>
                    <Tooltip title={s.userAgent ?? ''}>
                      <span>{describeAgent(s.userAgent)}</span>
                    </Tooltip>
                    {s.current && <Chip label="This session" size="small" color="primary" sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{s.ip ?? '—'}</TableCell>
                  <TableCell>{formatTime(s.createdAt)}</TableCell>
                  <TableCell>{formatTime(s.lastSeenAt)}</TableCell>
                  <TableCell>{formatTime(s.expiresAt)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" color={s.current ? 'warning' : 'error'} disabled={revoking !== undefined} onClick={() => void revoke(s)}>
                      {s.current ? 'Revoke and sign out' : 'Revoke'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
