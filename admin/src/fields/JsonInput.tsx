import { TextInput, type TextInputProps, type Validator } from 'react-admin';

/**
 * What the user typed, kept verbatim while they type: re-formatting valid JSON on every
 * keystroke would move the caret to the end. The form turns drafts into values on save.
 */
export class JsonDraft {
  readonly value: unknown;
  readonly error: string | undefined;
  constructor(readonly text: string) {
    let value: unknown = null;
    let error: string | undefined;
    try {
      value = JSON.parse(text) as unknown;
    } catch (e) {
      error = (e as Error).message;
    }
    this.value = value;
    this.error = error;
  }
}

const format = (value: unknown) =>
  value instanceof JsonDraft ? value.text : value === null || value === undefined ? '' : JSON.stringify(value, null, 2);

// Empty text is null, so `required()` still sees an empty field.
const parse = (text: string) => (text.trim() === '' ? null : new JsonDraft(text));

const validJson: Validator = (value: unknown) => (value instanceof JsonDraft && value.error ? `Not valid JSON: ${value.error}` : undefined);

/** A form's values with every JSON draft replaced by the value it parses to (for Create/Edit `transform`). */
export function resolveJsonDrafts<T extends Record<string, unknown>>(data: T): T {
  const entries = Object.entries(data).map(([k, v]) => [k, v instanceof JsonDraft ? v.value : v]);
  return Object.fromEntries(entries) as T;
}

/** A JSON editor: monospace, pretty-printed on load, refuses invalid JSON before it is sent. */
export function JsonInput(props: TextInputProps) {
  const own = props.validate;
  const validate = [validJson, ...(Array.isArray(own) ? own : own ? [own] : [])];
  return (
    <TextInput
      {...props}
      multiline
      minRows={4}
      format={format}
      parse={parse}
      validate={validate}
      sx={{ '& textarea': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
    />
  );
}
