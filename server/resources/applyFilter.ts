import { badRequest } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { labelMatches, type ReadableLabel } from './referenceLabels.js';
import type { FieldMeta } from '../meta/types.js';
import { decodeWireId } from './recordId.js';
import { filterValueSchema } from './valueSchemas.js';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const OPERATORS = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<', _neq: '<>' } as const;
type Suffix = keyof typeof OPERATORS;

/** The part of a Knex or Objection query builder a filter needs. */
interface Where {
  where(column: string, operatorOrValue: unknown, value?: unknown): unknown;
  whereIn(column: string, values: readonly unknown[]): unknown;
  whereNull(column: string): unknown;
  whereRaw(sql: string, bindings?: readonly unknown[]): unknown;
}

/**
 * Applies a react-admin filter object: equality, lists as IN, `q` search over text
 * columns, `<field>_gte|_lte|_gt|_lt|_neq` comparisons, `<field>_null` (empty or not), and `id` (getMany) on the
 * primary key. Values are validated against the column's type so a bad value is a 400
 * with the field named, never a SQL error.
 */
export function applyFilter<Q extends Where>(query: Q, resource: ResourceInfo, filter: Record<string, unknown>, labels: readonly ReadableLabel[] = []): Q {
  const errors: Record<string, string> = {};
  const alias = (c: string) => `${resource.table}.${c}`;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'q') {
      applySearch(query, resource, value, alias, labels);
      continue;
    }
    // `id` is the wire id react-admin knows (getMany), which is a column only when it is the key;
    // where the table also has a column named id, values that are no wire id filter that column.
    if (key === 'id' && !isIdTheKey(resource)) {
      const ids = Array.isArray(value) ? value : [value];
      const keys = decodeWireIds(resource, ids);
      if (keys.length === ids.length || !resource.fieldByName.has('id')) {
        applyKeys(query, resource, keys, alias);
        continue;
      }
    }
    // `<field>_null: true|false`: empty or not (react-admin drops null filter values).
    const emptyField = key.endsWith('_null') ? resource.fieldByName.get(key.slice(0, -5)) : undefined;
    if (emptyField?.filterable) {
      if (typeof value !== 'boolean') errors[key] = 'Must be true or false.';
      else if (value) query.whereNull(alias(emptyField.name));
      else query.whereRaw('?? IS NOT NULL', [alias(emptyField.name)]);
      continue;
    }
    const suffix = (Object.keys(OPERATORS) as Suffix[]).find((s) => key.endsWith(s) && resource.fieldByName.has(key.slice(0, -s.length)));
    const field = resource.fieldByName.get(suffix ? key.slice(0, -suffix.length) : key);
    if (!field) {
      errors[key] = 'Unknown filter.';
      continue;
    }
    if (!field.filterable) {
      errors[key] = 'This field cannot be filtered on.';
      continue;
    }
    const problem = suffix ? compare(query, field, OPERATORS[suffix], value, alias) : equals(query, field, value, alias);
    if (problem) errors[key] = problem;
  }
  if (Object.keys(errors).length) throw badRequest(`Invalid filter: ${Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join(' ')}`, errors);
  return query;
}

export function isIdTheKey(resource: ResourceInfo): boolean {
  return resource.primaryKey.length === 1 && resource.primaryKey[0] === 'id';
}

function parseValue(field: FieldMeta, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = filterValueSchema(field).safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid value.' };
}

function equals(query: Where, field: FieldMeta, value: unknown, alias: (c: string) => string): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  const parsed = values.map((v) => parseValue(field, v));
  const bad = parsed.find((p) => !p.ok);
  if (bad && !bad.ok) return bad.message;
  const clean = parsed.map((p) => (p.ok ? p.value : null));
  if (field.kind === 'array') {
    if (clean.some((v) => v === null)) return 'Cannot match a list against null.';
    query.whereRaw(`?? && ?::${field.pgType}`, [alias(field.name), clean as unknown[]]);
  } else if (!Array.isArray(value)) {
    if (clean[0] === null) query.whereNull(alias(field.name));
    else query.where(alias(field.name), clean[0]);
  } else if (clean.length === 0) {
    query.whereRaw('false');
  } else {
    query.whereIn(alias(field.name), clean);
  }
  return undefined;
}

/** Kinds whose values have no order a person means by "at least" (or, for 'other', perhaps none at all). */
const UNORDERED: ReadonlySet<FieldMeta['kind']> = new Set(['boolean', 'json', 'array', 'other']);

function compare(query: Where, field: FieldMeta, op: string, value: unknown, alias: (c: string) => string): string | undefined {
  // "Not this value" needs no order, and is all a boolean can be asked besides its value.
  const unlike = op === '<>' && field.kind === 'boolean';
  if (UNORDERED.has(field.kind) && !unlike) return 'This field has no order: filter it by its value instead.';
  const parsed = parseValue(field, value);
  if (!parsed.ok) return parsed.message;
  if (parsed.value === null) return 'Cannot compare with null.';
  // "Up to 31 March" on a time stamp means up to the end of that day, not its first instant.
  if (field.kind === 'datetime' && (op === '<=' || op === '>') && typeof parsed.value === 'string' && BARE_DATE.test(parsed.value)) {
    query.whereRaw(`?? ${op === '<=' ? '<' : '>='} (?::date + 1)`, [alias(field.name), parsed.value]);
    return undefined;
  }
  query.where(alias(field.name), op, parsed.value);
  return undefined;
}

/** `q`: the text columns, and the labels of the records its references name ("Serene" finds a vendor's settlements). */
function applySearch(query: Where, resource: ResourceInfo, value: unknown, alias: (c: string) => string, labels: readonly ReadableLabel[]): void {
  if (typeof value !== 'string' || value.trim() === '') return;
  const columns = resource.fields.filter((f) => f.searchable);
  if (columns.length === 0 && labels.length === 0) {
    query.whereRaw('false');
    return;
  }
  const pattern = `%${value.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const sql = [...columns.map(() => '??::text ILIKE ?'), ...labels.map((l) => labelMatches(l, resource.table))].join(' OR ');
  query.whereRaw(`(${sql})`, [...columns.flatMap((c) => [alias(c.name), pattern]), ...labels.map(() => pattern)]);
}

/** The primary-key values of the wire ids that can exist; the others match nothing, as in the database. */
function decodeWireIds(resource: ResourceInfo, ids: unknown[]): Record<string, unknown>[] {
  return ids.flatMap((id) => {
    try {
      return [decodeWireId(resource, id)];
    } catch {
      return [];
    }
  });
}

function applyKeys(query: Where, resource: ResourceInfo, keys: Record<string, unknown>[], alias: (c: string) => string): void {
  if (keys.length === 0) {
    query.whereRaw('false');
    return;
  }
  const pk = resource.primaryKey;
  if (pk.length === 1) {
    query.whereIn(alias(pk[0]!), keys.map((k) => k[pk[0]!]));
    return;
  }
  if (resource.identity === 'row-values') {
    // Row values may hold nulls, which IN never matches.
    const one = `(${pk.map(() => '?? IS NOT DISTINCT FROM ?').join(' AND ')})`;
    query.whereRaw(`(${keys.map(() => one).join(' OR ')})`, keys.flatMap((k) => pk.flatMap((c) => [alias(c), k[c]])));
    return;
  }
  const tuple = `(${pk.map(() => '??').join(', ')})`;
  const rows = keys.map(() => `(${pk.map(() => '?').join(', ')})`).join(', ');
  query.whereRaw(`${tuple} IN (${rows})`, [...pk.map(alias), ...keys.flatMap((k) => pk.map((c) => k[c]))]);
}
