import type { Knex } from 'knex';
import type { QueryBuilder, Model } from 'objection';
import type { ModelClass } from '../data/models.js';
import { badRequest, notFound } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { applyFilter, isIdTheKey } from './applyFilter.js';
import { countRows } from './countRows.js';
import type { ListParams } from './listParams.js';
import { parseBody } from './parseBody.js';
import { decodeWireId, withWireId } from './recordId.js';

type Row = Record<string, unknown>;

export interface ResourceContext {
  trx: Knex.Transaction;
  resource: ResourceInfo;
  model: ModelClass;
}

/** The generic CRUD of one resource, run inside the request's transaction. */
export function resourceService({ trx, resource, model }: ResourceContext) {
  const columns = resource.fields.map((f) => f.name);
  const jsonColumns = resource.fields.filter((f) => f.kind === 'json').map((f) => f.name);
  const query = (): QueryBuilder<Model, Model[]> => model.query(trx) as QueryBuilder<Model, Model[]>;
  const plain = (rows: unknown[], offset = 0): Row[] =>
    rows.map((r, i) => withWireId(resource, (r as Model).toJSON() as Row, offset + i));
  const toDatabase = (values: Row): Row =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, jsonColumns.includes(k) && v !== null ? JSON.stringify(v) : v]));
  const byKey = (id: unknown) => {
    const key = decodeWireId(resource, id);
    return (q: QueryBuilder<Model, Model[]>) => q.where(Object.fromEntries(Object.entries(key).map(([c, v]) => [`${resource.table}.${c}`, v])));
  };

  async function list({ sort, range, filter }: ListParams): Promise<{ rows: Row[]; total: number }> {
    const filtered = query().select(columns);
    applyFilter(filtered, resource, filter);
    const page = filtered.clone();
    for (const [field, order] of sortColumns(resource, sort)) page.orderBy(field, order);
    const rows = await page.offset(range.offset).limit(range.limit);
    const total =
      rows.length < range.limit && (rows.length > 0 || range.offset === 0)
        ? range.offset + rows.length
        : await countRows(trx, filtered.toKnexQuery());
    return { rows: plain(rows, range.offset), total };
  }

  async function getOne(id: unknown): Promise<Row> {
    const row = await byKey(id)(query().select(columns)).first();
    if (!row) throw notFound(`${resource.label}: no record ${String(id)}.`);
    return plain([row])[0]!;
  }

  async function create(body: unknown): Promise<Row> {
    const values = toDatabase(parseBody(resource, body, 'create'));
    const row = await query().insert(values).returning(columns as never);
    return plain([row])[0]!;
  }

  async function update(id: unknown, body: unknown): Promise<Row> {
    const values = toDatabase(parseBody(resource, body, 'update'));
    const rows = await byKey(id)(query().patch(values as never).returning(columns as never) as never);
    const row = (rows as unknown as unknown[])[0];
    if (!row) throw notFound(`${resource.label}: no record ${String(id)}.`);
    return plain([row])[0]!;
  }

  async function remove(id: unknown): Promise<Row> {
    const rows = await byKey(id)(query().delete().returning(columns as never) as never);
    const row = (rows as unknown as unknown[])[0];
    if (!row) throw notFound(`${resource.label}: no record ${String(id)}.`);
    return plain([row])[0]!;
  }

  return { list, getOne, create, update, remove };
}

/** The requested sort, then the primary key, so pages are stable. */
function sortColumns(resource: ResourceInfo, sort: ListParams['sort']): [string, 'asc' | 'desc'][] {
  const order = (sort?.order ?? resource.defaultSort.order).toLowerCase() as 'asc' | 'desc';
  const requested = sort?.field ?? resource.defaultSort.field;
  const columns = requested === 'id' && !isIdTheKey(resource) && resource.primaryKey.length ? resource.primaryKey : [requested];
  for (const c of columns) {
    const f = resource.fieldByName.get(c);
    if (!f) throw badRequest(`Cannot sort by ${requested}: no such field.`, { sort: `Unknown field ${requested}.` });
    if (f.kind === 'json') throw badRequest(`Cannot sort by ${requested}.`, { sort: `${f.label} cannot be sorted.` });
  }
  const tieBreak = resource.primaryKey.filter((c) => !columns.includes(c));
  return [...columns.map((c): [string, 'asc' | 'desc'] => [c, order]), ...tieBreak.map((c): [string, 'asc' | 'desc'] => [c, 'asc'])];
}
