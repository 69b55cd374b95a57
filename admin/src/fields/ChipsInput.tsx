import { Autocomplete, Chip, TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, type Validator } from 'react-admin';

interface ChipsInputProps {
  source: string;
  label: string;
  validate?: Validator[];
  helperText?: string;
  /** Allowed values (enum arrays); free text when absent. */
  choices?: string[];
  /** Numeric element kinds store numbers, not the typed text. */
  numeric?: boolean;
  disabled?: boolean;
}

/**
 * A scalar array edited as chips: type a value and press Enter (or leave the field).
 * Compact where an ArrayInput would draw one full-width input per element, and free of
 * the caret jumps a "comma separated" text box suffers when it is re-parsed per keystroke.
 */
export function ChipsInput({ source, label, validate, helperText, choices, numeric, disabled }: ChipsInputProps) {
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const value: unknown[] = Array.isArray(field.value) ? (field.value as unknown[]) : [];
  const toValue = (v: string) => (numeric && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v.trim());
  return (
    <Autocomplete<string, true, false, boolean>
      multiple
      freeSolo={!choices}
      autoSelect={!choices}
      options={choices ?? []}
      value={value.map(String)}
      onChange={(_event, next) => field.onChange(next.filter((v) => v.trim() !== '').map(toValue))}
      onBlur={field.onBlur}
      renderValue={(items, getItemProps) =>
        items.map((item, index) => <Chip size="small" label={item} {...getItemProps({ index })} key={`${item}-${index}`} />)
      }
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
          error={fieldState.invalid}
          helperText={<InputHelperText error={fieldState.error?.message} helperText={helperText} />}
          placeholder={value.length ? undefined : choices ? 'Choose…' : 'Type and press Enter'}
        />
      )}
      sx={{ mb: 1 }}
      disabled={disabled}
      fullWidth
    />
  );
}
