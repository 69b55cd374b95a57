import PersonAdd from '@mui/icons-material/PersonAdd';
import Search from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  InputAdornment,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetIdentity, useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { humanizeChoice } from '../fields/choiceColor';
import { NewUserDialog } from './NewUserDialog';
import { UserActions } from './UserActions';
import { messageOf } from '../providers/apiCall';
import { listUsers, type StaffUser, type StaffUserPage } from './usersApi';

const STATUS_COLOR: Record<string, 'success' | 'error' | 'default'> = { active: 'success', suspended: 'error' };

const formatTime = (value: string | null) => (value ? new Date(value).toLocaleString() : 'Never');

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
 * /users: the staff accounts, searched and paged on the server. Readers of user_profiles see
 * the list; the create button and row actions appear only for those the server says may
 * administer (and never on the caller's own row).
 */
export default function UsersPage() {
  const notify = useNotify();
  const { identity } = useGetIdentity();
  // A 401 (session revoked, user suspended) goes to the login page, as on react-admin's own screens.
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const [data, setData] = useState<StaffUserPage>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    listUsers({ q, page: page + 1, perPage }).then(
      (result) => {
        if (!live) return;
        setData(result);
        setFailure(undefined);
        setLoading(false);
      },
      async (error: unknown) => {
        if (!live || (await logoutIfAccessDenied(error))) return;
        setFailure(messageOf(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // The handler is only read on a failure: not a reason to load again.
  }, [q, page, perPage, reload]);

  /** A row changed by an action: shown at once, without reloading the page. */
  const replace = (user: StaffUser) => setData((d) => d && { ...d, items: d.items.map((u) => (u.id === user.id ? user : u)) });

  return (
    <Box sx={{ py: 3, px: { xs: 1, md: 2 } }}>
      <Title title="Users" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
            Users
          </Typography>
          <Typography color="text.secondary">Staff accounts: roles, status, last sign-in and sign-in safeguards.</Typography>
        </Box>
        {loading && <CircularProgress size={20} aria-label="Loading" />}
        <TextField
          size="small"
          label="Search email or name"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
          sx={{ minWidth: 260 }}
        />
        {data?.canAdminister && (
          <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setCreating(true)}>
            New user
          </Button>
        )}
      </Box>
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
                    <Typography color="text.secondary">No users{q ? ' match this search' : ''}.</Typography>
                  </TableCell>
                </TableRow>
              )}
              {data.items.map((u) => (
                <TableRow key={u.id} data-user={u.email}>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{u.email}</TableCell>
                  <TableCell>{u.name}</TableCell>
                  <TableCell>{u.role ? humanizeChoice(u.role) : '—'}</TableCell>
                  <TableCell>
                    <Chip size="small" label={humanizeChoice(u.status)} color={STATUS_COLOR[u.status] ?? 'default'} variant="outlined" />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(u.lastSignInAt)}</TableCell>
                  <TableCell>{u.twoFactorEnabled ? 'On' : 'Off'}</TableCell>
                  <TableCell>{u.mustChangePassword ? <Chip size="small" label="Must change" color="warning" variant="outlined" /> : 'Set'}</TableCell>
                  {data.canAdminister && (
                    <TableCell align="right">
                      <UserActions
                        user={u}
                        self={String(identity?.id) === u.id}
                        onDone={(changed) => {
                          replace(changed);
                          notify(`${changed.email}: done.`, { type: 'success' });
                        }}
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={data.total}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[10, 25, 50, 100]}
            onPageChange={(_, next) => setPage(next)}
            onRowsPerPageChange={(e) => {
              setPerPage(Number(e.target.value));
              setPage(0);
            }}
          />
        </TableContainer>
      )}
      <NewUserDialog
        open={creating}
        mobileRequired={data?.mobileRequired ?? false}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          notify(`${user.email} created; they must change the one-time password at first sign-in.`, { type: 'success' });
          setReload((n) => n + 1);
        }}
      />
    </Box>
  );
}
