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
  message: string;
}

export function isPgError(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((err as PgError).code);
}

/**
 * SQLSTATE -> HTTP status. Only these classes are the client's fault; anything else is
 * a 500 (and the transaction has rolled back). No SQL text reaches the response.
 */
const STATUS_BY_SQLSTATE: Record<string, { status: number; message: string }> = {
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
  '42501': { status: 403, message: 'You are not allowed to do this.' }, // insufficient_privilege
  '55000': { status: 409, message: 'This change is not possible in the record\'s current state.' }, // object_not_in_prerequisite_state (workflow guard)
  '40001': { status: 409, message: 'Someone else changed this record at the same time; try again.' }, // serialization_failure
  '40P01': { status: 409, message: 'Someone else changed this record at the same time; try again.' }, // deadlock_detected
  P0001: { status: 400, message: '' }, // raise_exception from a trigger: its message is meant for people
};

export function httpErrorFromPg(err: PgError, schema: SchemaModel, operation: 'write' | 'delete'): HttpError | undefined {
  const known = STATUS_BY_SQLSTATE[err.code];
  if (!known) return undefined;
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
  const message = `${subject} ${known.message}.`;
  const errors = Object.fromEntries(columns.map((c) => [c, `${capitalize(known.message)}.`]));
  return new HttpError(known.status, message, columns.length ? errors : undefined);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
