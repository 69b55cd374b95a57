import CalendarMonth from '@mui/icons-material/CalendarMonth';
import { IconButton, InputAdornment, Stack, TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useInput, type Validator } from 'react-admin';
import { datePattern, readTypedDate, typedDate } from './dates';

/** What a date holds while its text is no date: validators name the expected form. */
export const NOT_A_DATE = '\u0000not-a-date';
const notADateMessage = () => `Enter a date as ${datePattern().placeholder}.`;

/** A date column's form state, refusing text that is no date in the locale's form. */
function useDayInput(source: string, validate: Validator[]) {
  const notADate: Validator = (value: unknown) => (value === NOT_A_DATE ? notADateMessage() : undefined);
  return useInput({ source, validate: [notADate, ...validate] });
}

type FieldProps = {
  name: string;
  label: string;
  /** The ISO day, '' for none. */
  value: string;
  /** An ISO day, null when emptied, NOT_A_DATE while the text is no date. */
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  helperText?: string;
};

/**
 * A date typed as the pack's locale writes it ("31/12/2026" in en-GB), whatever the browser's
 * language, and shown the same way; the calendar button opens the browser's own picker.
 */
export function DateTextField({ name, label, value, onChange, onBlur, required, disabled, error, helperText }: FieldProps) {
  const { placeholder } = datePattern();
  const [text, setText] = useState(value ? typedDate(value) : '');
  // Said as soon as one leaves the field, not only on saving.
  const [left, setLeft] = useState(false);
  const unreadable = left && text.trim() !== '' && readTypedDate(text) === undefined ? notADateMessage() : undefined;
  const shown = error ?? unreadable;
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A value set from outside (the picker, a reset) shows in the locale's form; what is being typed is left alone.
    if (value && readTypedDate(text) !== value) setText(typedDate(value));
  }, [value]); // follows the value, not the text
  const commit = (typed: string) => {
    setText(typed);
    onChange(typed.trim() === '' ? null : (readTypedDate(typed) ?? NOT_A_DATE));
  };
  return (
    <TextField
      label={label}
      name={name}
      value={text}
      required={required}
      disabled={disabled}
      onChange={(e) => commit(e.target.value)}
      onBlur={() => {
        setLeft(true);
        onBlur?.();
      }}
      error={Boolean(shown)}
      helperText={shown ?? helperText ?? placeholder}
      placeholder={placeholder}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'numeric' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton aria-label={`Choose ${label.toLowerCase()} on a calendar`} edge="end" disabled={disabled} onClick={() => picker.current?.showPicker()}>
                <CalendarMonth fontSize="small" />
              </IconButton>
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={value}
                onChange={(e) => commit(e.target.value ? typedDate(e.target.value) : '')}
                style={{ position: 'absolute', opacity: 0, pointerEvents: 'none', width: 1, height: 1, right: 0, bottom: 0 }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

/** The form input of a date column: an ISO day in the record, typed in the locale's form. */
export function LocaleDateInput({ source, label, validate, helperText, disabled }: { source: string; label: string; validate: Validator[]; helperText?: string; disabled?: boolean }) {
  const { field, fieldState, isRequired } = useDayInput(source, validate);
  const value = typeof field.value === 'string' && field.value !== NOT_A_DATE ? field.value.slice(0, 10) : '';
  return (
    <DateTextField
      name={source}
      label={label}
      value={value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      required={isRequired}
      disabled={disabled}
      error={fieldState.error?.message}
      helperText={helperText}
    />
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the browser's local day ("2026-12-31") and time ("14:05"). */
function localParts(value: unknown): { day: string; time: string } {
  const d = typeof value === 'string' || value instanceof Date ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime())) return { day: '', time: '' };
  return { day: `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/**
 * A moment: its day typed as the locale writes it (as LocaleDateInput), its time beside it; the
 * value is the instant (ISO, with the browser's offset applied), as the API takes it. A day
 * without a time is its midnight.
 */
export function LocaleDateTimeInput({ source, label, validate, helperText, disabled }: { source: string; label: string; validate: Validator[]; helperText?: string; disabled?: boolean }) {
  const { field, fieldState, isRequired } = useDayInput(source, validate);
  const parts = field.value === NOT_A_DATE ? { day: '', time: '' } : localParts(field.value);
  const [time, setTime] = useState(parts.time);
  const instant = (day: string, hhmm: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const [h, min] = (hhmm || '00:00').split(':').map(Number) as [number, number];
    return new Date(y, m - 1, d, h, min).toISOString();
  };
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
      <DateTextField
        name={source}
        label={label}
        value={parts.day}
        onChange={(day) => field.onChange(day === null ? null : day === NOT_A_DATE ? NOT_A_DATE : instant(day, time))}
        onBlur={field.onBlur}
        required={isRequired}
        disabled={disabled}
        error={fieldState.error?.message}
        helperText={helperText}
      />
      <TextField
        type="time"
        label={`${label}: time`}
        value={time}
        disabled={disabled}
        onChange={(e) => {
          setTime(e.target.value);
          if (parts.day) field.onChange(instant(parts.day, e.target.value));
        }}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: `${source}__time` } }}
        sx={{ width: 140 }}
      />
    </Stack>
  );
}
