import { Alert, Box, CircularProgress, MenuItem, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { describeAgent, formatTime, type SecurityEvent } from '../account/authApi';
import { apiCall } from '../providers/apiCall';
import { useApiLoad } from '../providers/useApiLoad';
import { ScreenHeading } from '../screens/ScreenHeading';
import { ServerPagination, usePaging } from '../screens/ServerPagination';

/** The kinds the server records, in words (server/auth/securityEvents.ts and the database's triggers). */
export const EVENT_KINDS: Record<string, string> = {
  login_succeeded: 'Signed in',
  login_failed: 'Sign-in failed',
  account_locked: 'Account locked',
  address_locked: 'Address locked',
  logout: 'Signed out',
  session_revoked: 'Session revoked',
  password_changed: 'Password changed',
  password_change_failed: 'Password change refused',
  password_change_forced: 'Password change required',
  password_reset: 'Password reset by an administrator',
  two_factor_enrolled: 'Two-factor turned on',
  two_factor_reset: 'Two-factor reset',
  two_factor_failed: 'Two-factor code refused',
  backup_code_used: 'Backup code used',
  user_created: 'User created',
  user_suspended: 'User suspended',
  user_reactivated: 'User reactivated',
  role_changed: 'Role changed',
};

const kindLabel = (kind: string) => EVENT_KINDS[kind] ?? kind;

/** The detail object as short `key: value` pairs (it is small by design: reasons, old and new roles). */
function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

interface Page {
  items: SecurityEvent[];
  total: number;
}

/** /security-events: the security log for those who may read the audit trail, newest first. */
export default function SecurityEventsPage() {
  const [kind, setKind] = useState('');
  const paging = usePaging(50);
  const { page, perPage } = paging;
  const { data, failure, loading } = useApiLoad(() => {
    const query = new URLSearchParams({ page: String(page + 1), perPage: String(perPage) });
    if (kind) query.set('kind', kind);
    return apiCall<Page>(`/api/auth/security-events?${query}`);
  }, [kind, page, perPage]);

  return (
    <Box sx={{ py: 3, px: { xs: 1, md: 2 } }}>
      <ScreenHeading title="Security events" subtitle="Sign-ins, lockouts, two-factor and password changes, suspensions and role changes.">
        {loading && <CircularProgress size={20} aria-label="Loading" />}
        <TextField
          select
          size="small"
          label="Event"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            paging.firstPage();
          }}
          fullWidth={false}
          sx={{ width: 240 }}
          // "All events" is the empty value: keep the label above it rather than over it.
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">All events</MenuItem>
          {Object.entries(EVENT_KINDS).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </ScreenHeading>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {data && (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" aria-label="Security events">
            <TableHead>
              <TableRow>
                <TableCell>Time</TableCell>
                <TableCell>Event</TableCell>
                <TableCell>User</TableCell>
                <TableCell>Address</TableCell>
                <TableCell>User agent</TableCell>
                <TableCell>Detail</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Typography color="text.secondary">No events{kind ? ' of this kind' : ''}.</Typography>
                  </TableCell>
                </TableRow>
              )}
              {data.items.map((e) => {
                const actor = e.actorEmail && e.actorId !== e.userId ? `by ${e.actorEmail}` : '';
                const detail = [describeDetail(e.detail), actor].filter(Boolean).join('; ');
                return (
                  <TableRow key={e.id} data-kind={e.kind}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(e.occurredAt)}</TableCell>
                    <TableCell>{kindLabel(e.kind)}</TableCell>
                    {/* An unknown email typed at sign-in has no user: the typed email is what there is. */}
                    <TableCell>{e.userEmail ?? e.email ?? '—'}</TableCell>
                    <TableCell>{e.address ?? '—'}</TableCell>
                    <TableCell>
                      <Tooltip title={e.userAgent ?? ''}>
                        <span>{e.userAgent ? describeAgent(e.userAgent) : '—'}</span>
                      </Tooltip>
                    </TableCell>
                    <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{detail || '—'}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <ServerPagination total={data.total} paging={paging} sizes={[25, 50, 100, 200]} />
        </TableContainer>
      )}
    </Box>
  );
}
