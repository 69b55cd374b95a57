import { Alert, Box, Button, CircularProgress, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNotify } from 'react-admin';
import { AccountShell, type AccountPageProps } from './AccountShell';
import { fieldErrorsOf, messageOf, postJson, statusOf } from '../providers/apiCall';
import { reloadApp } from './gate';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

function PasswordForm({ gated }: AccountPageProps) {
  const notify = useNotify();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const field = (name: Field, label: string, autoComplete: string, helper?: string) => (
    <TextField
      name={name}
      label={label}
      type="password"
      autoComplete={autoComplete}
      fullWidth
      value={values[name]}
      onChange={(e) => {
        setValues({ ...values, [name]: e.target.value });
        setErrors({ ...errors, [name]: undefined });
      }}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? helper}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    // Checked here only to spare a round trip; the server judges the password itself.
    if (values.newPassword !== values.repeat) {
      setErrors({ repeat: 'The two new passwords differ.' });
      return;
    }
    setSaving(true);
    try {
      await postJson('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (error) {
      setSaving(false);
      const fields = fieldErrorsOf(error);
      if (statusOf(error) === 400 && Object.keys(fields).length > 0) setErrors(fields);
      else setFailure(messageOf(error));
      return;
    }
    // The gate is passed (or the next one is due): start the app over from '/'.
    if (gated) return reloadApp();
    setSaving(false);
    setValues({ currentPassword: '', newPassword: '', repeat: '' });
    notify('Your password has been changed.', { type: 'success' });
  }

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
      <Stack spacing={2}>
        {gated && (
          <Alert severity="info">
            Your administrator requires a new password before you continue, as on a first sign-in with an initial password. Choose
            one only you know.
          </Alert>
        )}
        {failure && <Alert severity="error">{failure}</Alert>}
        {field('currentPassword', 'Current password', 'current-password')}
        {field('newPassword', 'New password', 'new-password', 'Long and not used before: your last five passwords are refused.')}
        {field('repeat', 'Repeat new password', 'new-password')}
        <Box>
          <Button type="submit" variant="contained" disabled={saving} startIcon={saving ? <CircularProgress size={16} /> : undefined}>
            Change password
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

/** /account/password: the password change, also the page a "must change password" session is held on. */
export default function ChangePasswordPage() {
  return (
    <AccountShell gate="password_change_required" title="Change password">
      {(props) => <PasswordForm {...props} />}
    </AccountShell>
  );
}
