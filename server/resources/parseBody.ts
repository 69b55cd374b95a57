import { badRequest } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import type { FieldMeta } from '../meta/types.js';
import { fieldValueSchema } from './valueSchemas.js';

export type Mode = 'create' | 'update';

/**
 * Validates a create or update body against the resource's columns and returns the
 * values to write. Read-only columns (generated, identity, keys on update) are dropped
 * rather than refused, because react-admin sends the whole record back on save.
 * Every problem is reported at once, per field.
 */
/** An empty input is no value (null), except in text, where '' is one. */
export const emptyAsNull = (field: FieldMeta, raw: unknown): unknown => (raw === '' && field.kind !== 'text' && field.kind !== 'longtext' ? null : raw);

export function parseBody(resource: ResourceInfo, body: unknown, mode: Mode): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object.');
  }
  const errors: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(body)) {
    const field = resource.fieldByName.get(key);
    if (!field) {
      if (key === 'id' || resource.hiddenColumns.includes(key)) continue;
      errors[key] = 'Unknown field.';
      continue;
    }
    if (field.readOnly || (mode === 'update' && field.primaryKey)) continue;
    if (raw === undefined) continue;
    const value = emptyAsNull(field, raw);
    if (value === null && field.hasDefault && !field.nullable && mode === 'create') continue;
    const parsed = fieldValueSchema(field).safeParse(value);
    if (!parsed.success) {
      errors[key] = value === null ? 'Required.' : (parsed.error.issues[0]?.message ?? 'Invalid value.');
      continue;
    }
    values[key] = parsed.data;
  }
  if (mode === 'create') {
    for (const field of resource.fields) {
      if (field.required && values[field.name] === undefined && !errors[field.name]) errors[field.name] = 'Required.';
    }
  }
  if (Object.keys(errors).length) throw badRequest(summarize(errors), errors);
  if (Object.keys(values).length === 0 && mode === 'update') throw badRequest('Nothing to update.');
  return values;
}

function summarize(errors: Record<string, string>): string {
  const names = Object.keys(errors);
  return names.length === 1 ? `Invalid value for ${names[0]}: ${errors[names[0]!]}` : `Invalid values for ${names.join(', ')}.`;
}
