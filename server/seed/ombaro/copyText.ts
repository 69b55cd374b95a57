/**
 * Values in COPY's text format. Each value is first turned into the text node-postgres would
 * have sent as a bind parameter (so a row COPYed is the row an INSERT would have written:
 * arrays become PostgreSQL array literals, other objects JSON, dates ISO instants), then
 * escaped for COPY: backslash, newline, carriage return and tab, with \N for NULL.
 */

/** COPY's NULL marker (its default in text format). */
export const NULL_FIELD = '\\N';

/** The marker declared as COPY's DEFAULT string: the column's default, as Knex sends for an undefined value. */
export const DEFAULT_FIELD = '\\D';

/** The text node-postgres sends for a non-null parameter (its prepareValue, for the types the seed uses). */
export function parameterText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value instanceof Date) return value.toISOString();
      if (Array.isArray(value)) return arrayLiteral(value);
      if (value !== null && !ArrayBuffer.isView(value)) return JSON.stringify(value);
  }
  throw new Error(`cannot COPY a value of type ${typeof value}: ${String(value)}`);
}

/** node-postgres's arrayString: every element quoted, NULL for null and undefined. */
function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${parameterText(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(',')}}`;
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One field of a COPY text line. */
export function copyField(value: unknown): string {
  if (value === null) return NULL_FIELD;
  if (value === undefined) return DEFAULT_FIELD;
  const text = parameterText(value);
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : text;
}
