import Shield from '@mui/icons-material/Shield';
import { Alert, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, Login, PasswordInput, required, TextInput, useLogin, useTranslate } from 'react-admin';
import { LoginError } from '../providers/authProvider';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

/**
 * react-admin's login form plus a second step: when the server answers that the password was
 * right but a second factor is needed, the same form asks for the code and sends all three
 * again (the server keeps no half-signed-in state between the two requests).
 */
function SignInForm() {
  const login = useLogin();
  const translate = useTranslate();
  const [needsCode, setNeedsCode] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function submit(values: Values) {
    setLoading(true);
    setFailure(undefined);
    try {
      await login({ username: values.username, password: values.password, totp: needsCode ? values.totp?.replace(/\s+/g, '') : undefined });
    } catch (error) {
      setLoading(false);
      if (error instanceof LoginError && error.code === 'two_factor_required') {
        setNeedsCode(true);
        return;
      }
      setFailure(error instanceof Error && error.message ? error.message : translate('ra.auth.sign_in_error'));
    }
  }

  return (
    <Form onSubmit={(values: Record<string, unknown>) => submit(values as unknown as Values)} mode="onChange" noValidate>
      <CardContent sx={{ width: 300, pb: '16px !important' }}>
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
        <TextInput autoFocus={!needsCode} source="username" label={translate('ra.auth.username')} autoComplete="username" validate={required()} />
        <PasswordInput source="password" label={translate('ra.auth.password')} autoComplete="current-password" validate={required()} />
        {needsCode && (
          <>
            <Alert severity="info" sx={{ mb: 1 }}>
              Enter the 6-digit code from your authenticator app, or one of your backup codes.
            </Alert>
            <TextInput
              autoFocus
              source="totp"
              label="Authentication code"
              helperText="6 digits from the app, or a backup code"
              autoComplete="one-time-code"
              validate={required()}
              slotProps={{ htmlInput: { inputMode: 'text', spellCheck: false } }}
            />
          </>
        )}
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} /> : needsCode ? 'Verify' : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
}

/** react-admin's login, in the product's colours and with its name on it. */
export function LoginPage() {
  return (
    <Login
      avatarIcon={<Shield />}
      sx={{
        backgroundImage: 'linear-gradient(135deg, #1b3a57 0%, #24527a 55%, #1f7a6d 100%)',
        '& .RaLogin-card': { borderRadius: 3, pt: 1 },
        '& .RaLogin-icon': { bgcolor: 'primary.main' },
      }}
    >
      <Typography variant="h6" align="center" sx={{ fontWeight: 600 }}>
        Gatehouse
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary">
        Sign in with your work email
      </Typography>
      <SignInForm />
    </Login>
  );
}
