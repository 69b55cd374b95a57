import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { generatePassword } from './generatePassword';
import { OneTimePasswordField } from './OneTimePasswordField';
import { fieldErrorsOf, messageOf } from '../providers/apiCall';
import { createUser, type RoleChoice, type StaffUser } from './usersApi';
import { ProfileFieldInput } from './ProfileFieldInput';
import type { FieldMeta } from '../../../server/meta/types';

interface Props {
  open: boolean;
  mobileRequired: boolean;
  roles: RoleChoice[];
  profileFields: FieldMeta[];
  /** The name is asked part by part among `profileFields`. */
  nameInProfile: boolean;
  onClose: () => void;
  onCreated: (user: StaffUser) => void;
}

const empty = () => ({ email: '', name: '', role: '', mobile: '', password: generatePassword() });
type Values = ReturnType<typeof empty>;

/**
 * Creates a staff user with a one-time password. A strong one is offered (and can be copied
 * to pass on); the user must replace it at their first sign-in, which the server enforces.
 */
export function NewUserDialog({ open, mobileRequired, roles, profileFields, nameInProfile, onClose, onCreated }: Props) {
  const [values, setValues] = useState(empty);
  const [profile, setProfile] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  const set = (field: keyof Values) => (e: { target: { value: string } }) => {
    setValues({ ...values, [field]: e.target.value });
    setErrors({ ...errors, [field]: '' });
  };
  const close = () => {
    setValues(empty());
    setProfile({});
    setErrors({});
    setFailure(undefined);
    onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const { mobile, name, ...rest } = values;
      const user = await createUser({
        ...rest,
        ...(nameInProfile ? {} : { name }),
        ...(mobile.trim() ? { mobile: mobile.trim() } : {}),
        ...(profileFields.length ? { profile } : {}),
      });
      onCreated(user);
      close();
    } catch (error) {
      // The administrator's own session ended meanwhile: to the login page.
      if (await logoutIfAccessDenied(error)) return;
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      // A message the fields already show is not repeated above them.
      if (Object.keys(fields).length === 0) setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  const field = (name: keyof Values) => ({ error: !!errors[name], helperText: errors[name] || undefined, value: values[name], onChange: set(name) });

  return (
    <Dialog open={open} onClose={saving ? undefined : close} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="New user">
        <DialogTitle>New user</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {failure && <Alert severity="error">{failure}</Alert>}
            <TextField label="Email" name="email" type="email" required autoFocus autoComplete="off" {...field('email')} />
            {!nameInProfile && <TextField label="Name" name="name" required autoComplete="off" {...field('name')} />}
            {profileFields.map((f) => (
              <ProfileFieldInput
                key={f.name}
                field={f}
                value={profile[f.name] ?? ''}
                error={errors[`profile.${f.name}`]}
                onChange={(value) => {
                  setProfile({ ...profile, [f.name]: value });
                  setErrors({ ...errors, [`profile.${f.name}`]: '' });
                }}
              />
            ))}
            <TextField select label="Role" name="role" required {...field('role')}>
              {roles.map((role) => (
                <MenuItem key={role.name} value={role.name}>
                  {role.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField label="Mobile" name="mobile" type="tel" required={mobileRequired} autoComplete="off" {...field('mobile')} />
            <OneTimePasswordField
              value={values.password}
              error={errors.password}
              onChange={(password) => set('password')({ target: { value: password } })}
              onCopyRefused={setFailure}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            Create user
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
