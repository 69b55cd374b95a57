import PersonAdd from '@mui/icons-material/PersonAdd';
import Search from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  InputAdornment,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetIdentity, useNotify } from 'react-admin';
import { humanizeChoice } from '../fields/choiceColor';
import { NewUserDialog } from './NewUserDialog';
import { UserActions } from './UserActions';
import { useApiLoad } from '../providers/useApiLoad';
import { ScreenHeading } from '../screens/ScreenHeading';
import { ServerPagination, usePaging } from '../screens/ServerPagination';
import { formatTime } from '../account/authApi';
import { listUsers, type RoleChoice, type StaffUser, type StaffUserPage } from './usersApi';

const STATUS_COLOR: Record<string, 'success' | 'error' | 'default'> = { active: 'success', suspended: 'error' };

/** The roles the caller may give, as the server names and labels them. */
const givable = (page: StaffUserPage): RoleChoice[] => page.roles.filter((r) => page.givableRoles.includes(r.name));


/** Waits until typing pauses, so a search is one request, not one per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * /users: the staff accounts, searched and paged on the server. Readers of the profile table see
 * the list; the create button and row actions appear only for those the server says may
 * administer (and never on the caller's own row).
 */
export default function UsersPage() {
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const paging = usePaging(25);
  const { page, perPage } = paging;
  const [creating, setCreating] = useState(false);
  const [role, setRole] = useState('');
  const { data, setData, failure, loading, reload } = useApiLoad(() => listUsers({ q, role, page: page + 1, perPage }), [q, role, page, perPage]);

  /** A row changed by an action: shown at once, without reloading the page. */
  const replace = (user: StaffUser) => setData((d) => d && { ...d, items: d.items.map((u) => (u.id === user.id ? user : u)) });

  return (
    <Box sx={{ py: 3, px: { xs: 1, md: 2 } }}>
      <ScreenHeading title="Users" subtitle="Everyone who can sign in: roles, status, last sign-in and sign-in safeguards.">
        {loading && <CircularProgress size={20} aria-label="Loading" />}
        <TextField
          size="small"
          label="Search email or name"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            paging.firstPage();
          }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
          fullWidth={false}
          sx={{ width: 300 }}
        />
        <TextField
          select
          size="small"
          label="Role"
          value={role}
          onChange={(e) => {
            setRole(e.target.value);
            paging.firstPage();
          }}
          fullWidth={false}
          sx={{ width: 220 }}
          // "All roles" is the empty value: keep the label above it rather than over it.
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">All roles</MenuItem>
          {(data?.roles ?? []).map((r) => (
            <MenuItem key={r.name} value={r.name}>
              {r.label}
            </MenuItem>
          ))}
        </TextField>
        {data?.canAdminister && (
          <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setCreating(true)}>
            New user
          </Button>
        )}
      </ScreenHeading>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      {data && (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" aria-label="Users">
            <TableHead>
              <TableRow>
                <TableCell>Email</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>Role</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Last sign-in</TableCell>
                <TableCell>Two-factor</TableCell>
                <TableCell>Password</TableCell>
                {data.canAdminister && <TableCell aria-label="Actions" />}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8}>
                    <Typography color="text.secondary">No users{q || role ? ' match this search' : ''}.</Typography>
                  </TableCell>
                </TableRow>
              )}
              {data.items.map((u) => (
                <TableRow key={u.id} data-user={u.email}>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{u.email}</TableCell>
                  <TableCell>{u.name}</TableCell>
                  <TableCell>{u.roles.length ? u.roles.map((name) => data.roles.find((r) => r.name === name)?.label ?? humanizeChoice(name)).join(', ') : '—'}</TableCell>
                  <TableCell>
                    <Chip size="small" label={humanizeChoice(u.status)} color={STATUS_COLOR[u.status.toLowerCase()] ?? 'default'} variant="outlined" />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(u.lastSignInAt, 'Never')}</TableCell>
                  <TableCell>{u.twoFactorEnabled ? 'On' : 'Off'}</TableCell>
                  <TableCell>
                    {!u.passwordSet ? (
                      <Chip size="small" label="None yet" variant="outlined" />
                    ) : u.mustChangePassword ? (
                      <Chip size="small" label="Must change" color="warning" variant="outlined" />
                    ) : (
                      'Set'
                    )}
                  </TableCell>
                  {data.canAdminister && (
                    <TableCell align="right">
                      <UserActions
                        user={u}
                        outOfReach={String(identity?.id) === u.id || !u.roles.every((r) => data.givableRoles.includes(r))}
                        roles={givable(data)}
                        severalRoles={data.severalRoles}
                        onDone={(changed, notice) => {
                          replace(changed);
                          notify(`${changed.email}: ${notice ?? 'done.'}`, { type: 'success' });
                        }}
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ServerPagination total={data.total} paging={paging} sizes={[10, 25, 50, 100]} />
        </TableContainer>
      )}
      <NewUserDialog
        open={creating}
        mobileRequired={data?.mobileRequired ?? false}
        roles={data ? givable(data) : []}
        profileFields={data?.profileFields ?? []}
        nameInProfile={data?.nameInProfile ?? false}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          notify(`${user.email} created; they must change the one-time password at first sign-in.`, { type: 'success' });
          reload();
        }}
      />
    </Box>
  );
}
