import ContentCopy from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { AccountShell, type AccountPageProps } from './AccountShell';
import { apiCall, fieldErrorsOf, messageOf, postJson, statusOf } from '../providers/apiCall';
import type { TwoFactorSetup, TwoFactorStatus } from './authApi';
import { reloadApp } from './gate';

/** The key in groups of four, as authenticator apps show it for typing in. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function BackupCodes({ codes, gated }: { codes: string[]; gated: boolean }) {
  const navigate = useNavigate();
  const [copied, setCopied] = useState<boolean>();
  const copy = () =>
    navigator.clipboard.writeText(codes.join('\n')).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <Stack spacing={2}>
      <Alert severity="success">Two-factor authentication is on.</Alert>
      <Alert severity="warning">
        <strong>Store these backup codes now</strong>: they are shown only this once. Each one signs you in once in place of a code
        from the app, if you lose your phone. Keep them somewhere safe, away from your password.
      </Alert>
      <Box
        component="ol"
        aria-label="Backup codes"
        sx={{ m: 0, p: 2, bgcolor: 'action.hover', borderRadius: 1, display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 1, listStylePosition: 'inside', fontFamily: 'monospace', fontSize: 16 }}
      >
        {codes.map((code) => (
          <li key={code} data-backup-code>
            {code}
          </li>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<ContentCopy />} onClick={() => void copy()}>
          Copy codes
        </Button>
        {copied === true && <Typography color="success.main">Copied.</Typography>}
        {copied === false && <Typography color="error">The browser refused; select and copy them by hand.</Typography>}
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={() => (gated ? reloadApp() : navigate('/'))}>
          Continue
        </Button>
      </Box>
    </Stack>
  );
}

function Enrolment({ setup, onEnabled }: { setup: TwoFactorSetup; onEnabled: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const { backupCodes } = await postJson<{ backupCodes: string[] }>('/api/auth/2fa/enable', { code: code.replace(/\s+/g, '') });
      onEnabled(backupCodes);
    } catch (e) {
      setSaving(false);
      const fields = fieldErrorsOf(e);
      if (fields.code) setError(fields.code);
      else setFailure(messageOf(e));
    }
  }
  return (
    <Stack spacing={2} component="form" onSubmit={(e) => void submit(e)} noValidate>
      <Typography>1. Scan this QR code with your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, ...).</Typography>
      <Box sx={{ display: 'flex', justifyContent: 'center' }}>
        <Box component="img" src={setup.qrDataUrl} alt="QR code for your authenticator app" sx={{ width: 220, height: 220, imageRendering: 'pixelated' }} />
      </Box>
      <Typography>
        Cannot scan it? Enter this key in the app instead (time-based, 6 digits, 30 seconds):
      </Typography>
      <Typography component="code" data-testid="two-factor-secret" sx={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1, textAlign: 'center', wordBreak: 'break-all' }}>
        {grouped(setup.secret)}
      </Typography>
      <Typography>2. Enter the 6-digit code the app shows now.</Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      <TextField
        name="code"
        label="Code from the app"
        autoComplete="one-time-code"
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          setError(undefined);
        }}
        error={Boolean(error)}
        helperText={error}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
      />
      <Box>
        <Button type="submit" variant="contained" disabled={saving || code.trim() === ''} startIcon={saving ? <CircularProgress size={16} /> : undefined}>
          Turn on two-factor authentication
        </Button>
      </Box>
    </Stack>
  );
}

function TwoFactor({ me, gated }: AccountPageProps) {
  const [status, setStatus] = useState<TwoFactorStatus>();
  const [setup, setSetup] = useState<TwoFactorSetup>();
  const [backupCodes, setBackupCodes] = useState<string[]>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    apiCall<TwoFactorStatus>('/api/auth/2fa').then(setStatus, (e: unknown) => setFailure(messageOf(e)));
  }, []);
  useEffect(load, [load]);

  async function start() {
    setBusy(true);
    setFailure(undefined);
    try {
      setSetup(await postJson<TwoFactorSetup>('/api/auth/2fa/setup'));
    } catch (e) {
      // Already on (from another tab, say): show the status as it is.
      if (statusOf(e) === 409) load();
      else setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (backupCodes) return <BackupCodes codes={backupCodes} gated={gated} />;
  return (
    <Stack spacing={2}>
      {failure && <Alert severity="error">{failure}</Alert>}
      {!status && !failure && <CircularProgress aria-label="Loading" />}
      {status?.enabled && (
        <>
          <Alert severity="success">Two-factor authentication is on for {me.email}.</Alert>
          <Typography>
            Backup codes left: <strong>{status.backupCodesLeft}</strong> of 10.
          </Typography>
          {status.backupCodesLeft <= 3 && (
            <Alert severity="warning">Few backup codes are left. Ask an administrator to reset two-factor authentication to get new ones.</Alert>
          )}
        </>
      )}
      {status && !status.enabled && !setup && (
        <>
          {gated ? (
            <Alert severity="info">
              Your role approves payments and other changes, so it signs in with a second factor: a code from an authenticator app on
              your phone. Set it up now to continue.
            </Alert>
          ) : (
            <Typography>
              Two-factor authentication is off{status.required ? ', though your role requires it' : ''}. With it on, signing in also
              needs a code from an authenticator app on your phone.
            </Typography>
          )}
          <Box>
            <Button variant="contained" onClick={() => void start()} disabled={busy}>
              Set up two-factor authentication
            </Button>
          </Box>
        </>
      )}
      {status && !status.enabled && setup && <Enrolment setup={setup} onEnabled={setBackupCodes} />}
    </Stack>
  );
}

/** /account/two-factor: TOTP enrolment, also the page a session held for mandatory 2FA is kept on. */
export default function TwoFactorPage() {
  return (
    <AccountShell gate="two_factor_enrolment_required" title="Two-factor authentication">
      {(props) => <TwoFactor {...props} />}
    </AccountShell>
  );
}
