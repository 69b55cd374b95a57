import type { Knex } from 'knex';
import { z } from 'zod';
import type { AppAbility } from '../../permissions/defineAbility.js';
import type { Operation } from '../../permissions/operations.js';
import { badRequest, conflict, forbidden } from '../http/errors.js';
import { PACK } from '../../permissions/activePack.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import type { OperationPreview } from '../meta/types.js';
import { withWireId } from '../resources/recordId.js';
import { inSentence, listOf } from '../../permissions/words.js';

const PARAM_SCHEMA = {
  date: z.iso.date('Enter a date (YYYY-MM-DD).'),
  text: z.string().trim().min(1, 'Required.').max(1000),
  integer: z.coerce.number().int('Enter a whole number.'),
} as const;
const CAST = { date: 'date', text: 'text', integer: 'integer' } as const;

/**
 * Runs a declared operation in the caller's transaction: their action checked, parameters
 * validated per field. With `preview: true` it runs inside a savepoint that is rolled back,
 * and answers what it would have made. A period that has not ended (this month's payroll) is
 * refused unless the body says `confirmed: true`: the preview says so first.
 */
export async function runOperation(trx: Knex.Transaction, ability: AppAbility, resource: ResourceInfo, op: Operation, body: unknown) {
  if (!ability.can(op.needs, resource.name)) throw forbidden(`You are not allowed to ${op.label.toLowerCase()}.`);
  const given = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values: unknown[] = [];
  const byName: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const p of op.params) {
    const parsed = PARAM_SCHEMA[p.kind].safeParse(given[p.name]);
    if (parsed.success) {
      values.push(parsed.data);
      byName[p.name] = parsed.data;
    } else errors[p.name] = given[p.name] === undefined ? 'Required.' : (parsed.error.issues[0]?.message ?? 'Invalid value.');
  }
  if (Object.keys(errors).length) {
    const labels = op.params.filter((p) => errors[p.name]).map((p) => inSentence(p.label));
    throw badRequest(`${op.label} needs ${listOf(labels)}.`, errors);
  }
  const period = op.period ? await periodOf(trx, op, byName) : undefined;
  const call = async (t: Knex.Transaction) => {
    const placeholders = op.params.map((p) => `?::${CAST[p.kind]}`).join(', ');
    const { rows } = await t.raw(`SELECT * FROM ${op.sqlFunction}(${placeholders})`, values as Knex.Value[]);
    return rows as Record<string, unknown>[];
  };
  if (given.preview === true) return previewOf(trx, resource, op, call, period);
  if (period && !period.ended && given.confirmed !== true) {
    const params = op.period && 'month' in op.period ? [op.period.year, op.period.month] : op.period ? [op.period.to] : [];
    throw conflict(
      `${period.label} has not ended (it ends on ${period.ends}): ${inSentence(op.label)} for it only on purpose, by confirming.`,
      Object.fromEntries(params.map((p) => [p, 'This period has not ended.'])),
    );
  }
  return (await call(trx)).map((row, i) => withWireId(resource, row, i));
}

async function previewOf(
  trx: Knex.Transaction,
  resource: ResourceInfo,
  op: Operation,
  call: (t: Knex.Transaction) => Promise<Record<string, unknown>[]>,
  period: OperationPreview['period'],
): Promise<OperationPreview> {
  // The operation runs for real inside a savepoint, so the preview is what it would do, to the row; then nothing of it stays.
  const savepoint = await trx.transaction();
  try {
    const rows = await call(savepoint);
    const sums = op.sums.flatMap((field) => {
      const meta = resource.fieldByName.get(field);
      if (!meta) return [];
      const total = rows.reduce((sum, r) => sum + (Number(r[field]) || 0), 0);
      return [{ field, label: meta.label, kind: meta.kind, total: Math.round(total * 100) / 100 }];
    });
    return { count: rows.length, sums, ...(period ? { period } : {}) };
  } finally {
    await savepoint.rollback();
  }
}

/** The period the parameters name, in the pack's language, and whether its last day is behind us (by the database's date). */
async function periodOf(trx: Knex.Transaction, op: Operation, params: Record<string, unknown>): Promise<OperationPreview['period']> {
  const { rows } = await trx.raw<{ rows: { today: string }[] }>(`SELECT current_date::text AS today`);
  const today = rows[0]!.today;
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(PACK.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  let label: string;
  let ends: string;
  if (op.period && 'month' in op.period) {
    const year = Number(params[op.period.year]);
    const month = Number(params[op.period.month]);
    // Out of range: no period at all; the function itself says what is wrong.
    if (!(month >= 1 && month <= 12)) return undefined;
    const last = new Date(Date.UTC(year, month, 0));
    ends = last.toISOString().slice(0, 10);
    label = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(PACK.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  } else {
    const { from, to } = op.period as { from: string; to: string };
    ends = String(params[to]);
    label = `${day(String(params[from]))} – ${day(ends)}`;
  }
  return { label, ends: day(ends), ended: ends < today };
}
