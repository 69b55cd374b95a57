import type { Knex } from 'knex';
import { personFunction } from '../../permissions/workflowSql.js';
import type { Person, Transition } from '../../permissions/workflows.js';
import { badRequest, forbidden } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { fieldValueSchema } from '../resources/valueSchemas.js';
import { inSentence, listOf } from '../../permissions/words.js';

type Row = Record<string, unknown>;


async function personOf(trx: Knex.Transaction, person: Person, record: Row): Promise<unknown> {
  const value = record[person.column];
  if (!person.via || value === null || value === undefined) return value;
  const { rows } = await trx.raw(`SELECT ${personFunction(person.via)}(?) AS person`, [value as string]);
  return rows[0]?.person;
}

/** Separation of duties: never one's own approval; some transitions only by the record's owner. */
export async function checkPersons(trx: Knex.Transaction, t: Transition, record: Row, callerId: string, label: string): Promise<void> {
  if (t.notBy && (await personOf(trx, t.notBy, record)) === callerId) {
    throw forbidden(`You cannot ${t.label.toLowerCase()} your own ${label.toLowerCase()} record: someone else must.`);
  }
  if (t.onlyBy && (await personOf(trx, t.onlyBy, record)) !== callerId) {
    throw forbidden(`Only the person this ${label.toLowerCase()} record belongs to may ${t.label.toLowerCase()} it.`);
  }
}

/** The fields a transition asks for, validated like any input; a missing one is a 400 naming it. */
export function requiredValues(resource: ResourceInfo, t: Transition, body: unknown): Row {
  const given = (typeof body === 'object' && body !== null ? body : {}) as Row;
  const values: Row = {};
  const errors: Record<string, string> = {};
  for (const name of t.requires ?? []) {
    const field = resource.fieldByName.get(name);
    const raw = given[name];
    if (!field) continue;
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      errors[name] = `Required to ${t.label.toLowerCase()}.`;
      continue;
    }
    const parsed = fieldValueSchema(field).safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? 'Invalid value.';
  }
  if (Object.keys(errors).length) {
    const labels = Object.keys(errors).map((n) => inSentence(resource.fieldByName.get(n)?.label ?? n));
    throw badRequest(`${t.label} needs ${listOf(labels)}.`, errors);
  }
  return values;
}
