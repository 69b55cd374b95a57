import { PACK } from './activePack.js';
import { OWN_ROWS } from './ownRows.js';
import type { FieldRestriction, HiddenRows, SelfLocked, WriteOnly } from './packModel.js';
import type { Role } from './vocabulary.js';

export type { FieldRestriction, HiddenRows, SelfLocked, WriteOnly };

/**
 * The pack's fixed field restrictions. Unlike the grants they are not edited at run time, so
 * the database enforces them with column privileges per role and the API with CASL field
 * rules, both generated from this one list (which includes what the workflows and authors
 * imply: nobody writes the columns the database stamps).
 */
export const FIELD_RESTRICTIONS: readonly FieldRestriction[] = PACK.fieldRestrictions;

/** Roles that may write only some columns of a table. */
export const WRITE_ONLY: readonly WriteOnly[] = PACK.writeOnly;

/** The only columns `role` may write on `table`, where the pack limits it; undefined where it may write every column it is granted. */
export function writeOnlyColumns(role: Role, table: string): readonly string[] | undefined {
  const limits = WRITE_ONLY.filter((w) => w.table === table && w.roles.includes(role));
  return limits.length ? [...new Set(limits.flatMap((w) => w.columns))] : undefined;
}

/** Columns nobody may change on their own row (the row whose `key` is the caller), whatever their role. */
export const SELF_LOCKED: readonly SelfLocked[] = PACK.selfLocked;

/** Rows some roles never see, whatever they are granted. */
export const HIDDEN_ROWS: readonly HiddenRows[] = PACK.hiddenRows;

/** The boolean columns whose true rows a role's grants never reach on a table (the pack's hidden rows). */
export const hiddenFrom = (role: Role, table: string): string[] =>
  HIDDEN_ROWS.filter((h) => h.table === table && h.from.includes(role)).map((h) => h.column);

/** May this role read (or write) the restricted columns of `restriction`? */
export function mayUseRestricted(restriction: FieldRestriction, role: Role, use: 'read' | 'write'): boolean {
  if (use === 'read') return (restriction.owner && OWN_ROWS[role]?.[restriction.table] !== undefined) || !restriction.readers || restriction.readers.includes(role);
  return (Boolean(restriction.owner && OWN_ROWS[role]?.[restriction.table]) || restriction.writers.includes(role)) && writableUnderLimits(role, restriction.table, restriction.columns);
}

/** Does a write-only limit of the role's on the table leave every one of these columns writable? */
function writableUnderLimits(role: Role, table: string, columns: readonly string[]): boolean {
  const only = writeOnlyColumns(role, table);
  return !only || columns.every((c) => only.includes(c));
}
