import type { SchemaModel } from '../meta/schemaModel.js';
import { databaseMessage } from '../data/knex.js';
import { HttpError } from './errors.js';

interface PgError {
  code: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  detail?: string;
  /** The call stack inside the database (PL/pgSQL and SQL functions, triggers). */
  where?: string;
  message: string;
}

export function isPgError(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((err as PgError).code);
}

/**
 * SQLSTATE -> HTTP status. Only these classes are the client's fault; anything else is
 * a 500 (and the transaction has rolled back). No SQL text reaches the response.
 */
export const STATUS_BY_SQLSTATE: Readonly<Record<string, { status: number; message: string }>> = {
  '23505': { status: 409, message: 'already exists' }, // unique_violation
  '23503': { status: 400, message: 'refers to a record that does not exist' }, // foreign_key_violation
  '23001': { status: 409, message: 'is still referred to' }, // restrict_violation (ON DELETE RESTRICT)
  '23502': { status: 400, message: 'is required' }, // not_null_violation
  '23514': { status: 400, message: 'is not allowed by a rule of this table' }, // check_violation
  '23P01': { status: 409, message: 'overlaps an existing record' }, // exclusion_violation
  '22001': { status: 400, message: 'is too long' }, // string_data_right_truncation
  '22003': { status: 400, message: 'is out of range' }, // numeric_value_out_of_range
  '22007': { status: 400, message: 'is not a valid date or time' }, // invalid_datetime_format
  '22008': { status: 400, message: 'is not a valid date or time' }, // datetime_field_overflow
  '22P02': { status: 400, message: 'has an invalid value' }, // invalid_text_representation
  '22023': { status: 400, message: 'has an invalid value' }, // invalid_parameter_value
  '22004': { status: 400, message: 'is required' }, // null_value_not_allowed
  '22009': { status: 400, message: 'has a time zone offset out of range' }, // invalid_time_zone_displacement_value
  '22015': { status: 400, message: 'is out of range' }, // interval_field_overflow
  '22018': { status: 400, message: 'has an invalid value' }, // invalid_character_value_for_cast
  '22021': { status: 400, message: 'contains a character that cannot be stored' }, // character_not_in_repertoire (NUL, bad UTF-8)
  '22025': { status: 400, message: 'has an invalid escape sequence' }, // invalid_escape_sequence
  '22026': { status: 400, message: 'has the wrong length' }, // string_data_length_mismatch (bit(n))
  '2202E': { status: 400, message: 'has an invalid value' }, // array_subscript_error
  '22030': { status: 400, message: 'has a key twice' }, // duplicate_json_object_key_value
  '22032': { status: 400, message: 'is not valid JSON' }, // invalid_json_text
  '22P03': { status: 400, message: 'has an invalid value' }, // invalid_binary_representation
  '22P05': { status: 400, message: 'contains a character that cannot be stored' }, // untranslatable_character (\u0000 in jsonb)
  '2200N': { status: 400, message: 'is not valid XML' }, // invalid_xml_content
  '54001': { status: 400, message: 'is nested too deeply' }, // statement_too_complex (stack depth)
  '42501': { status: 403, message: 'You are not allowed to do this.' }, // insufficient_privilege
  '55000': { status: 409, message: 'This change is not possible in the record\'s current state.' }, // object_not_in_prerequisite_state (workflow guard)
  '40001': { status: 409, message: 'Someone else changed this record at the same time; try again.' }, // serialization_failure
  '40P01': { status: 409, message: 'Someone else changed this record at the same time; try again.' }, // deadlock_detected
  P0001: { status: 400, message: '' }, // raise_exception from a trigger: its message is meant for people
};

/** "PL/pgSQL function refuse_odd() line 3 at RAISE" -> "refuse_odd()": the innermost function an error came from. */
function functionOf(where: string | undefined): string | undefined {
  return where?.match(/(?:PL\/pgSQL|SQL) function ([^\s]+\(.*?\))/)?.[1];
}

/**
 * A row no partition takes: PostgreSQL reports it as a check violation on the parent, with
 * the partition key in the detail ("Partition key of the failing row contains (at) = (...)").
 */
function partitionRefusal(err: PgError, schema: SchemaModel): HttpError | undefined {
  if (err.code !== '23514' || !/^no partition of relation/.test(databaseMessage(err))) return undefined;
  const resource = err.schema && err.table ? schema.resources.get(schema.byTable.get(`${err.schema}.${err.table}`) ?? '') : undefined;
  const keyText = err.detail?.match(/contains \((.*?)\) = /)?.[1] ?? '';
  const columns = keyText.split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter((c) => resource?.fieldByName.has(c));
  const labels = columns.map((c) => resource!.fieldByName.get(c)!.label);
  const what = labels.length ? `this value of ${labels.join(', ')}` : 'this record';
  const message = `No partition of ${resource?.label ?? 'this table'} accepts ${what}.`;
  return new HttpError(400, message, columns.length ? Object.fromEntries(columns.map((c) => [c, 'No partition accepts this value.'])) : undefined);
}

/**
 * An error raised inside one of the database's own functions (a trigger, a rule) that
 * Gatehouse does not know: bad data (classes 22 and 23) is the request's fault, anything
 * else the function's; either way the caller learns where it came from and what it said.
 */
function functionRefusal(err: PgError): HttpError | undefined {
  const fn = functionOf(err.where);
  if (!fn) return undefined;
  const said = databaseMessage(err);
  if (err.code.startsWith('22') || err.code.startsWith('23')) return new HttpError(400, `The database refused this (its function ${fn} says: ${said}).`);
  return new HttpError(500, `The database's own function ${fn} failed: ${said}. Nothing was saved.`);
}

export function httpErrorFromPg(err: PgError, schema: SchemaModel, operation: 'write' | 'delete'): HttpError | undefined {
  const partition = partitionRefusal(err, schema);
  if (partition) return partition;
  const known = STATUS_BY_SQLSTATE[err.code];
  if (!known) return functionRefusal(err);
  if (err.code === '42501' || err.code === '55000') return new HttpError(known.status, known.message);
  if (err.code === 'P0001') return new HttpError(400, databaseMessage(err));
  if (err.code.startsWith('40')) return new HttpError(409, known.message);
  const resourceName = err.schema && err.table ? schema.byTable.get(`${err.schema}.${err.table}`) : undefined;
  const resource = resourceName ? schema.resources.get(resourceName) : undefined;
  const named = err.column ? [err.column] : (err.constraint && resource?.constraintColumns[err.constraint]) || [];
  // A hidden column (a secret) is never named to the client.
  const columns = named.filter((c) => !resource?.hiddenColumns.includes(c));
  const labels = columns.map((c) => resource?.fieldByName.get(c)?.label ?? c);
  const subject = labels.length ? labels.join(', ') : 'A value';
  if (err.code === '23001' || (err.code === '23503' && operation === 'delete')) {
    const referrer = resourceName ? schema.resources.get(resourceName)?.label : undefined;
    return new HttpError(409, `This record is still referred to${referrer ? ` by ${referrer}` : ''}; remove those first.`);
  }
  const rule = err.code === '23514' && err.constraint && columns.length === named.length ? resource?.checkRules[err.constraint] : undefined;
  const message = rule ?? `${subject} ${known.message}.`;
  const errors = Object.fromEntries(columns.map((c) => [c, rule ?? `${capitalize(known.message)}.`]));
  return new HttpError(known.status, message, columns.length ? errors : undefined);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
