import { TextInput, type TextInputProps } from 'react-admin';

/** Text that does not parse is kept in this wrapper, so the validator can refuse it. */
interface InvalidJson {
  invalidJsonText: string;
  error: string;
}
const isInvalid = (v: unknown): v is InvalidJson => typeof v === 'object' && v !== null && 'invalidJsonText' in v;

const format = (value: unknown) =>
  value === null || value === undefined ? '' : isInvalid(value) ? value.invalidJsonText : JSON.stringify(value, null, 2);

const parse = (text: string): unknown => {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return { invalidJsonText: text, error: (e as Error).message } satisfies InvalidJson;
  }
};

const validJson = (value: unknown) => (isInvalid(value) ? `Not valid JSON: ${value.error}` : undefined);

/** A JSON editor: monospace, formatted on load, refuses invalid JSON before it is sent. */
export function JsonInput(props: TextInputProps) {
  const validate = [validJson, ...(Array.isArray(props.validate) ? props.validate : props.validate ? [props.validate] : [])];
  return (
    <TextInput
      {...props}
      multiline
      minRows={4}
      format={format}
      parse={parse}
      validate={validate}
      sx={{ '& textarea': { fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 13 } }}
    />
  );
}
