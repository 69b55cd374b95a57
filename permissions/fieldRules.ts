import { OWN_ROWS } from './ownRows.js';
import { AUTHORS } from './authors.js';
import { WORKFLOWS } from './workflows.js';
import type { Role } from './vocabulary.js';

/**
 * The fixed field restrictions of MATRIX.md. Unlike the grants they are not edited at run
 * time, so the database enforces them with column privileges per role and the API with CASL
 * field rules, both generated from this one list.
 */
export interface FieldRestriction {
  table: string;
  columns: readonly string[];
  /** Roles that may read these columns; absent = every role that may read the table. */
  readers?: readonly Role[];
  /** Roles that may write these columns (create and update). */
  writers: readonly Role[];
  /** The row's owner (a role with an own rule on the table) may read and write them too. */
  owner?: boolean;
}

const BANK_ROLES: readonly Role[] = ['hr_department', 'finance_department', 'super_admin'];

export const FIELD_RESTRICTIONS: readonly FieldRestriction[] = [
  { table: 'employees', columns: ['bank_details'], readers: BANK_ROLES, writers: BANK_ROLES, owner: true },
  { table: 'therapists', columns: ['bank_details'], readers: BANK_ROLES, writers: BANK_ROLES, owner: true },
  // Only super_admin changes roles and statuses (and never their own: SELF_LOCKED below).
  { table: 'user_profiles', columns: ['role', 'status'], writers: ['super_admin'] },
  { table: 'auth.users', columns: ['raw_app_meta_data'], writers: ['super_admin'] },
  // The database stamps who last changed a grant (and logs every change): nobody writes these.
  { table: 'role_permissions', columns: ['updated_by', 'updated_at'], writers: [] },
  // A request's decision belongs to its approvers (the status itself moves only through the
  // workflow, and who decided and when are written by the database: see below).
  { table: 'leave_requests', columns: ['rejection_reason'], writers: ['hr_department', 'directors', 'super_admin'] },
  { table: 'therapist_leaves', columns: ['rejection_reason'], writers: ['hr_department', 'vendor', 'super_admin'] },
  // What a workflow records about its own steps (who approved, when), and who wrote a record: nobody writes it.
  ...WORKFLOWS.map((w) => ({ table: w.table, columns: [...new Set(w.transitions.flatMap((t) => Object.keys(t.sets ?? {})))], writers: [] })),
  ...AUTHORS.map((a) => ({ table: a.table, columns: [a.column], writers: [] })),
];

/** Columns nobody may change on their own row (the row whose `key` is the caller), whatever their role. */
export interface SelfLocked {
  table: string;
  key: string;
  columns: readonly string[];
}

export const SELF_LOCKED: readonly SelfLocked[] = [
  { table: 'user_profiles', key: 'id', columns: ['role', 'status'] },
  { table: 'auth.users', key: 'id', columns: ['raw_app_meta_data'] },
];

/** Rows some roles never see, whatever they are granted. */
export interface HiddenRows {
  table: string;
  /** A boolean column: rows where it is true are hidden. */
  column: string;
  from: readonly Role[];
}

export const HIDDEN_ROWS: readonly HiddenRows[] = [
  { table: 'ticket_messages', column: 'is_internal', from: ['customer', 'vendor'] },
];

/** Roles whose every grant is limited to their own rows (MATRIX.md's "own" roles). */
export const isOwnScoped = (role: Role): boolean => OWN_ROWS[role] !== undefined;

/** May this role read (or write) the restricted columns of `restriction`? */
export function mayUseRestricted(restriction: FieldRestriction, role: Role, use: 'read' | 'write'): boolean {
  if (restriction.owner && OWN_ROWS[role]?.[restriction.table]) return true;
  if (use === 'read') return !restriction.readers || restriction.readers.includes(role);
  return restriction.writers.includes(role);
}
