import ContentCopy from '@mui/icons-material/ContentCopy';
import Refresh from '@mui/icons-material/Refresh';
import { IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { generatePassword } from './generatePassword';

interface Props {
  value: string;
  onChange: (password: string) => void;
  /** The server's word on this password; it takes the hint's place. */
  error?: string | undefined;
  /** The browser may refuse the clipboard (no permission, no secure context): the dialog shows `message`. */
  onCopyRefused: (message: string) => void;
  autoFocus?: boolean;
}

/**
 * A one-time password an administrator hands over: shown in clear (it is read out or pasted
 * elsewhere), with buttons to copy it and to generate another, as the new-user and
 * one-time-password dialogs both offer.
 */
export function OneTimePasswordField({ value, onChange, error, onCopyRefused, autoFocus }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      onCopyRefused('Copying was refused by the browser; select the password and copy it by hand.');
    }
  };
  return (
    <TextField
      label="One-time password"
      name="password"
      required
      fullWidth
      autoFocus={autoFocus}
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error || 'Pass it on privately: the user must choose their own at their next sign-in.'}
      slotProps={{
        input: {
          sx: { fontFamily: 'monospace' },
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={copied ? 'Copied' : 'Copy'}>
                <IconButton aria-label="Copy the password" onClick={copy} edge="end">
                  <ContentCopy fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title="Generate another">
                <IconButton aria-label="Generate another password" onClick={() => onChange(generatePassword())} edge="end">
                  <Refresh fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
