import type { Knex } from 'knex';
import { z } from 'zod';
import type { AppAbility } from '../../permissions/defineAbility.js';
import type { Operation } from '../../permissions/operations.js';
import { badRequest, forbidden } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { withWireId } from '../resources/recordId.js';
import { inSentence, listOf } from '../../permissions/words.js';

const PARAM_SCHEMA = {
  date: z.iso.date('Enter a date (YYYY-MM-DD).'),
  text: z.string().trim().min(1, 'Required.').max(1000),
  integer: z.coerce.number().int('Enter a whole number.'),
} as const;
const CAST = { date: 'date', text: 'text', integer: 'integer' } as const;

/** Runs a declared operation in the caller's transaction: their action checked, parameters validated per field. */
export async function runOperation(trx: Knex.Transaction, ability: AppAbility, resource: ResourceInfo, op: Operation, body: unknown) {
  if (!ability.can(op.needs, resource.name)) throw forbidden(`You are not allowed to ${op.label.toLowerCase()}.`);
  const given = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values: unknown[] = [];
  const errors: Record<string, string> = {};
  for (const p of op.params) {
    const parsed = PARAM_SCHEMA[p.kind].safeParse(given[p.name]);
    if (parsed.success) values.push(parsed.data);
    else errors[p.name] = given[p.name] === undefined ? 'Required.' : (parsed.error.issues[0]?.message ?? 'Invalid value.');
  }
  if (Object.keys(errors).length) {
    const labels = op.params.filter((p) => errors[p.name]).map((p) => inSentence(p.label));
    throw badRequest(`${op.label} needs ${listOf(labels)}.`, errors);
  }
  const placeholders = op.params.map((p) => `?::${CAST[p.kind]}`).join(', ');
  const { rows } = await trx.raw(`SELECT * FROM ${op.sqlFunction}(${placeholders})`, values as Knex.Value[]);
  return (rows as Record<string, unknown>[]).map((row, i) => withWireId(resource, row, i));
}
