import MoreVert from '@mui/icons-material/MoreVert';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, Menu, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../providers/apiCall';
import { generatePassword } from './generatePassword';
import { OneTimePasswordField } from './OneTimePasswordField';
import { changeRoles, resetPassword, runUserAction, type RoleChoice, type StaffUser, type UserAction } from './usersApi';

type Step = UserAction | 'role' | 'reset-password';

interface StepText {
  label: string;
  title: string;
  /** What happens, said before it does. */
  consequence: string;
  confirm: string;
  /** The notice after it, following the user's email, where "done." says too little. */
  done?: string;
}

const STEPS: Record<Step, StepText> = {
  suspend: {
    label: 'Suspend',
    title: 'Suspend this user?',
    consequence: 'Every session they have open ends at once, and they cannot sign in until reactivated.',
    confirm: 'Suspend',
  },
  reactivate: { label: 'Reactivate', title: 'Reactivate this user?', consequence: 'They can sign in again with their password.', confirm: 'Reactivate' },
  'reset-2fa': {
    label: 'Reset two-factor',
    title: 'Reset two-factor sign-in?',
    consequence: 'Their authenticator app and backup codes stop working; they set up two-factor again at their next sign-in where it is required.',
    confirm: 'Reset',
  },
  'force-password-change': {
    label: 'Require a new password',
    title: 'Require a new password?',
    consequence: 'Their open sessions end, and at their next sign-in they must choose a new password before anything else.',
    confirm: 'Require',
  },
  'reset-password': {
    label: 'Set one-time password',
    title: 'Set a one-time password?',
    consequence: 'Their current password stops working and their open sessions end. Copy this one before you confirm.',
    confirm: 'Set password',
    done: 'one-time password set. Give it to them privately; they must change it at their next sign-in.',
  },
  role: {
    label: 'Change role',
    title: 'Change role',
    consequence: 'Their open sessions end; they sign in again with the new role (several add up).',
    confirm: 'Change role',
  },
};

const sameRoles = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

interface Props {
  user: StaffUser;
  /**
   * Not the caller's to administer: their own row (nobody administers their own account), or
   * someone holding a role they may not give. The server refuses either too.
   */
  outOfReach: boolean;
  /** The roles the caller may give. */
  roles: RoleChoice[];
  /** Several roles may be held at once (a multiple choice). */
  severalRoles: boolean;
  onDone: (user: StaffUser, notice?: string) => void;
}

/** A user's row actions behind a menu, each confirmed in a dialog that says what it does. */
export function UserActions({ user, outOfReach, roles, severalRoles, onDone }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [step, setStep] = useState<Step>();
  const [chosen, setChosen] = useState<string[]>(user.roles);
  const [password, setPassword] = useState('');
  /** The server's word on the password, shown under its field rather than above the dialog. */
  const [passwordError, setPasswordError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  if (outOfReach) return null;
  const steps: Step[] = [user.status === 'suspended' ? 'reactivate' : 'suspend', 'force-password-change', 'reset-password', ...(user.twoFactorEnabled ? (['reset-2fa'] as const) : []), 'role'];

  const open = (next: Step) => {
    setAnchor(null);
    setFailure(undefined);
    setChosen(user.roles);
    setPassword(generatePassword());
    setPasswordError(undefined);
    setStep(next);
  };
  async function confirm() {
    if (!step) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const changed =
        step === 'role' ? await changeRoles(user.id, chosen) : step === 'reset-password' ? await resetPassword(user.id, password) : await runUserAction(user.id, step);
      onDone(changed, STEPS[step].done);
      setStep(undefined);
    } catch (error) {
      // The administrator's own session ended meanwhile: to the login page.
      if (await logoutIfAccessDenied(error)) return;
      const fields = fieldErrorsOf(error);
      if (step === 'reset-password' && fields.password) setPasswordError(fields.password);
      else setFailure(fields.role ?? fields.roles ?? messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const text = step && STEPS[step];
  return (
    <>
      <IconButton aria-label={`Actions for ${user.email}`} size="small" onClick={(e) => setAnchor(e.currentTarget)}>
        <MoreVert fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {steps.map((s) => (
          <MenuItem key={s} onClick={() => open(s)} data-action={s}>
            {STEPS[s].label}
          </MenuItem>
        ))}
      </Menu>
      <Dialog open={!!step} onClose={busy ? undefined : () => setStep(undefined)} maxWidth="xs" fullWidth>
        {text && (
          <>
            <DialogTitle>{text.title}</DialogTitle>
            <DialogContent>
              <DialogContentText sx={{ mb: 2 }}>
                <strong>{user.name}</strong> ({user.email}). {text.consequence}
              </DialogContentText>
              {step === 'role' && (
                <TextField
                  select
                  fullWidth
                  label={severalRoles ? 'Roles' : 'Role'}
                  value={severalRoles ? chosen : (chosen[0] ?? '')}
                  slotProps={{ select: { multiple: severalRoles } }}
                  onChange={(e) => {
                    const value: unknown = e.target.value;
                    setChosen(Array.isArray(value) ? value.map(String) : [String(value)]);
                  }}
                >
                  {roles.map((r) => (
                    <MenuItem key={r.name} value={r.name}>
                      {r.label}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {step === 'reset-password' && (
                <OneTimePasswordField
                  value={password}
                  error={passwordError}
                  onChange={(next) => {
                    setPassword(next);
                    setPasswordError(undefined);
                  }}
                  onCopyRefused={setFailure}
                />
              )}
              {failure && <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert>}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setStep(undefined)} disabled={busy}>
                Cancel
              </Button>
              <Button
                variant="contained"
                color={step === 'suspend' ? 'error' : 'primary'}
                onClick={confirm}
                disabled={busy || (step === 'role' && (chosen.length === 0 || sameRoles(chosen, user.roles))) || (step === 'reset-password' && !password)}
              >
                {text.confirm}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
