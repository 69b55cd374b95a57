import { MenuItem, TextField } from '@mui/material';
import type { FieldKind, FieldMeta } from '../../../server/meta/types';
import { humanizeChoice } from '../fields/choiceColor';

interface Props {
  field: FieldMeta;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}

/** The browser's own input for a kind, where it has one; text otherwise (the server checks every value by its column). */
const INPUT_TYPE: Partial<Record<FieldKind, string>> = { date: 'date', datetime: 'datetime-local', time: 'time', integer: 'number', decimal: 'number', money: 'number' };

/**
 * One of the profile's own fields in the new-user form (a required column, a part of the name),
 * drawn from its metadata like the generated forms' inputs: a choice list for enums and booleans.
 */
export function ProfileFieldInput({ field, value, error, onChange }: Props) {
  const choices = field.kind === 'boolean' ? ['true', 'false'] : field.kind === 'enum' ? (field.choices ?? []) : undefined;
  const common = {
    label: field.label,
    name: `profile.${field.name}`,
    required: field.required,
    value,
    error: Boolean(error),
    helperText: error || field.help,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  if (choices) {
    return (
      <TextField select {...common}>
        {!field.required && <MenuItem value="">—</MenuItem>}
        {choices.map((c) => (
          <MenuItem key={c} value={c}>
            {field.kind === 'boolean' ? (c === 'true' ? 'Yes' : 'No') : humanizeChoice(c)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  const type = INPUT_TYPE[field.kind];
  return (
    <TextField
      {...common}
      type={type ?? 'text'}
      multiline={field.kind === 'longtext'}
      autoComplete="off"
      slotProps={{ htmlInput: { maxLength: field.maxLength }, ...(type && type !== 'number' ? { inputLabel: { shrink: true } } : {}) }}
    />
  );
}
