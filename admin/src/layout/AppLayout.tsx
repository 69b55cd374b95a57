import Devices from '@mui/icons-material/Devices';
import Key from '@mui/icons-material/Key';
import PhonelinkLock from '@mui/icons-material/PhonelinkLock';
import { ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, Logout, UserMenu, useGetIdentity, useUserMenu } from 'react-admin';
import { roleLabel } from '../matrix/matrixModel';
import { Link } from 'react-router-dom';
import { useMetaRefresh } from '../meta/useMetaRefresh';
import { ModuleMenu } from './ModuleMenu';

function AccountMenuItem({ to, label, icon }: { to: string; label: string; icon: ReactNode }) {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={to} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText>{label}</ListItemText>
    </MenuItem>
  );
}

/**
 * The caller's own account, next to sign-out where people look for it. The button shows the
 * person's name, so its accessible name starts with it (WCAG 2.5.3: say what you see).
 */
function AccountUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}, profile` : 'Profile'}>
      <AccountMenuItem to="/account/password" label="Change password" icon={<Key fontSize="small" />} />
      <AccountMenuItem to="/account/two-factor" label="Two-factor authentication" icon={<PhonelinkLock fontSize="small" />} />
      <AccountMenuItem to="/account/sessions" label="My sessions" icon={<Devices fontSize="small" />} />
      <Logout />
    </UserMenu>
  );
}

/** Who is signed in is in the user menu; the role they work as sits beside it, always in view. */
function SignedInRole() {
  const { identity } = useGetIdentity();
  const roles = (identity?.roles as string[] | undefined) ?? (typeof identity?.role === 'string' ? [identity.role] : []);
  if (roles.length === 0) return null;
  return (
    <Typography variant="body2" data-signed-in-role sx={{ mx: 1, whiteSpace: 'nowrap' }}>
      {roles.map(roleLabel).join(', ')}
    </Typography>
  );
}

const AccountAppBar = () => (
  <AppBar
    userMenu={<AccountUserMenu />}
    toolbar={
      <>
        <SignedInRole />
        <LoadingIndicator />
      </>
    }
  />
);

/** The layout is drawn only for a signed-in caller, so it is where their metadata is kept fresh. */
export function AppLayout({ children }: { children: ReactNode }) {
  useMetaRefresh();
  return (
    <Layout menu={ModuleMenu} appBar={AccountAppBar}>
      {children}
    </Layout>
  );
}
