import { notFound } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { filterValueSchema } from './valueSchemas.js';

/** The row as sent to react-admin: every record carries `id` (see WireId in meta/types). */
export function withWireId(resource: ResourceInfo, row: Record<string, unknown>, fallback: number): Record<string, unknown> {
  const pk = resource.primaryKey;
  if (pk.length === 1 && pk[0] === 'id') return row;
  if (pk.length === 1) return { ...row, id: row[pk[0]!] };
  if (pk.length === 0) return { ...row, id: fallback };
  return { ...row, id: JSON.stringify(pk.map((c) => row[c])) };
}

/** Turns a wire id back into primary-key column values; an id that cannot exist is a 404. */
export function decodeWireId(resource: ResourceInfo, wire: unknown): Record<string, unknown> {
  const pk = resource.primaryKey;
  if (pk.length === 0) throw notFound(`${resource.label} rows cannot be addressed one by one.`);
  let parts: unknown[];
  if (pk.length === 1) parts = [wire];
  else {
    try {
      parts = typeof wire === 'string' ? (JSON.parse(wire) as unknown[]) : [];
    } catch {
      parts = [];
    }
    if (!Array.isArray(parts) || parts.length !== pk.length) throw notFound();
  }
  const values: Record<string, unknown> = {};
  // Row values may be empty (null matches null there); a key column never is.
  const nullable = resource.identity === 'row-values';
  pk.forEach((column, i) => {
    const parsed = filterValueSchema(resource.fieldByName.get(column)!).safeParse(parts[i]);
    if (!parsed.success || (parsed.data === null && !nullable)) throw notFound();
    values[column] = parsed.data;
  });
  return values;
}
