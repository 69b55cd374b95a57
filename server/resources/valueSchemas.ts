import { isIP } from 'node:net';
import { z } from 'zod';
import type { FieldKind, FieldMeta } from '../meta/types.js';
import { shapeSchema } from './shapeSchema.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([+-]\d{2}(:?\d{2})?)?$/;
const INTEGER_TEXT = /^-?\d+$/;
/**
 * What PostgreSQL's uuid input accepts: 32 hex digits in either case, a hyphen allowed after
 * any group of four, optionally in braces. Any version or variant (the nil uuid too): the
 * column's type is the rule, not RFC 4122.
 */
const PG_UUID = /^(?:[0-9a-f]{4}-?){7}[0-9a-f]{4}$|^\{(?:[0-9a-f]{4}-?){7}[0-9a-f]{4}\}$/i;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

/** The zod schema of one scalar value of a kind, before nullability. */
function scalarSchema(kind: FieldKind, field: FieldMeta): z.ZodType {
  switch (kind) {
    case 'text':
    case 'longtext':
    case 'other':
    case 'interval':
      return field.maxLength
        ? z.string().max(field.maxLength, `At most ${field.maxLength} characters.`)
        : z.string();
    case 'integer':
      // Numbers, or text that is one (query strings); never true, [] or {} coerced into 1 or 0.
      return z
        .union([z.number(), z.string().regex(INTEGER_TEXT).transform(Number)], { message: 'Must be a whole number.' })
        .pipe(
          z
            .number()
            .int('Must be a whole number.')
            .min(field.min ?? INT4_MIN, `Must be at least ${field.min ?? INT4_MIN}.`)
            .max(field.max ?? INT4_MAX, `Must be at most ${field.max ?? INT4_MAX}.`),
        );
    case 'bigint':
      return z
        .union([z.number().int(), z.string().regex(INTEGER_TEXT)], { message: 'Must be a whole number.' })
        .transform(String);
    case 'decimal':
    case 'money':
      return decimalSchema(field);
    case 'boolean':
      return z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
        message: 'Must be true or false.',
      });
    case 'date':
      return z.string().regex(ISO_DATE, 'Must be a date (YYYY-MM-DD).').refine(validDate, 'Not a valid date.');
    case 'time':
      return z.string().regex(TIME, 'Must be a time (HH:MM or HH:MM:SS).');
    case 'datetime':
      return z
        .string()
        .refine((v) => !Number.isNaN(Date.parse(v)), 'Must be a date and time.')
        .refine((v) => Number.isNaN(Date.parse(v)) || new Date(v).getUTCFullYear() >= 1, 'Must be a date in the common era (year 1 or later).');
    case 'uuid':
      return z.string().regex(PG_UUID, 'Must be a UUID.');
    case 'json':
      return field.shape ? shapeSchema(field.shape) : z.unknown();
    case 'enum':
      return field.choices?.length
        ? z.enum(field.choices as [string, ...string[]], { message: `Must be one of: ${field.choices.join(', ')}.` })
        : z.string();
    case 'inet':
      return z.string().refine((v) => isIP(v.split('/')[0] ?? '') !== 0 || /^[0-9a-f:.-]+$/i.test(v), 'Must be an IP address.');
    case 'array':
      return z.array(scalarSchema(field.elementKind ?? 'text', { ...field, kind: field.elementKind ?? 'text' }), {
        message: 'Must be a list.',
      });
  }
}

function decimalSchema(field: FieldMeta): z.ZodType {
  const limit = field.precision !== undefined ? 10 ** (field.precision - (field.scale ?? 0)) : undefined;
  return z
    .union([z.number(), z.string().regex(DECIMAL_TEXT)], { message: 'Must be a number.' })
    .transform(Number)
    .refine((n) => Number.isFinite(n), 'Must be a number.')
    .refine((n) => limit === undefined || Math.abs(n) < limit, `Must be less than ${limit ?? ''} in size.`)
    .refine((n) => field.min === undefined || n >= field.min, `Must be at least ${field.min}.`)
    .refine((n) => field.max === undefined || n <= field.max, `Must be at most ${field.max}.`);
}

/** A calendar date PostgreSQL holds: year 1 to 9999 (the format's four digits), no year zero. */
function validDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getUTCFullYear() >= 1;
}

/** Field metadata lives as long as the schema model, so each schema is built once, not per request. */
function memoized(build: (field: FieldMeta) => z.ZodType): (field: FieldMeta) => z.ZodType {
  const cache = new WeakMap<FieldMeta, z.ZodType>();
  return (field) => {
    let schema = cache.get(field);
    if (!schema) cache.set(field, (schema = build(field)));
    return schema;
  };
}

/** The schema of a value written to a field (nullable columns accept null). */
export const fieldValueSchema = memoized((field) => {
  const base = scalarSchema(field.kind, field);
  return field.nullable ? base.nullable() : base;
});

/** The schema of a value compared with a field in a filter (one element for arrays). */
export const filterValueSchema = memoized((field) => {
  const kind = field.kind === 'array' ? (field.elementKind ?? 'text') : field.kind;
  return scalarSchema(kind, { ...field, kind, min: undefined, max: undefined, maxLength: undefined }).nullable();
});
