import type { FieldMeta } from './types.js';

const MAX_LIST_COLUMNS = 7;
const AUDIT_COLUMNS = /^(updated_at|modified_at|deleted_at)$/;

/**
 * Picks the handful of columns a list shows: the record's name, then what people scan a
 * list for (references, states, amounts, dates), never blobs (json, long text, arrays).
 */
export function chooseListFields(fields: FieldMeta[], displayField: string): Set<string> {
  const score = (f: FieldMeta): number => {
    // A bare uuid names nothing to a person: the row opens the record all the same.
    if (f.kind === 'uuid' && !f.reference) return -1;
    if (f.name === displayField) return 100;
    if (['json', 'longtext', 'array'].includes(f.kind) || AUDIT_COLUMNS.test(f.name)) return -1;
    if (f.reference) return 60;
    if (f.choices) return 55;
    if (f.kind === 'money') return 50;
    if (f.name === 'created_at') return 20;
    if (f.kind === 'date' || f.kind === 'datetime') return 40;
    if (f.kind === 'boolean') return 30;
    if (f.kind === 'text' && !f.nullable) return 35;
    if (f.kind === 'integer' || f.kind === 'decimal' || f.kind === 'bigint') return f.primaryKey ? 45 : 25;
    return 10;
  };
  const ranked = fields
    .map((f, i) => ({ f, s: score(f), i }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, MAX_LIST_COLUMNS);
  return new Set(ranked.map((x) => x.f.name));
}
