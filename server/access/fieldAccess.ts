import { subject } from '@casl/ability';
import type { AppAbility } from '../../permissions/defineAbility.js';
import { forbidden } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { inSentence, listOf } from '../../permissions/words.js';

/**
 * The resource as the caller may read it: fields they may not read are gone, so they are
 * never selected, searched, filtered or sorted on, and never named back to them.
 */
export function readableResource(resource: ResourceInfo, ability: AppAbility): ResourceInfo {
  const fields = resource.fields.filter((f) => ability.can('read', resource.name, f.name));
  if (fields.length === resource.fields.length) return resource;
  return { ...resource, fields, fieldByName: new Map(fields.map((f) => [f.name, f])) };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Refuses, with 403 and the fields named, a write of a field the caller may not write.
 * On update a field sent back unchanged is no write (react-admin sends the whole record):
 * it is dropped instead. Returns the values to write.
 */
export function writableValues(
  ability: AppAbility,
  action: 'create' | 'update',
  resource: ResourceInfo,
  values: Record<string, unknown>,
  existing?: Record<string, unknown>,
): Record<string, unknown> {
  const row = subject(resource.name, { ...(existing ?? values) });
  const kept: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    if (ability.can(action, row, field)) kept[field] = value;
    else if (existing && sameValue(existing[field], value)) continue;
    else if (action === 'create' && value === null) continue;
    else errors[field] = 'You are not allowed to change this field.';
  }
  if (Object.keys(errors).length) {
    const labels = Object.keys(errors).map((f) => inSentence(resource.fieldByName.get(f)?.label ?? f));
    throw forbidden(`You are not allowed to change ${listOf(labels)}.`, errors);
  }
  return kept;
}
