import { PACK } from './activePack.js';
import type { OwnerRule } from './packModel.js';

/**
 * What "own rows" means per role and table (the pack's scopes): a column equal to the
 * caller's id, or a column within a set of ids that belong to the caller, which the server
 * resolves once per request and RLS with a subquery.
 */
export type { OwnerRule };
export type OwnerSet = string;

export const OWN_ROWS: Readonly<Record<string, Readonly<Record<string, OwnerRule>> | undefined>> = PACK.ownRows;

/**
 * How each owner set is found from the caller's id (`$1`): the one definition behind both
 * the API's CASL conditions and the database's policies (through `gatehouse.owned_ids`).
 */
export const OWNER_SETS: Readonly<Record<OwnerSet, string>> = PACK.ownerSets;

/**
 * Which rows of a table a role's grants reach: all of them (a role without scopes, or one
 * whose pack says so outside its scopes), only its own (its scope there), or none (a scoped
 * role elsewhere: whatever the matrix grants it, it reaches nothing it does not own).
 */
export function rowsOf(role: string, table: string): OwnerRule | 'all' | 'none' {
  const rules = OWN_ROWS[role];
  if (!rules) return 'all';
  return rules[table] ?? (PACK.everyRowOutsideScopes.includes(role) ? 'all' : 'none');
}

/**
 * The column that makes a row the caller's when every role they hold reaches only rows where
 * that column is the caller (an employee's leave requests: employee_id): what they create there
 * is theirs, so the column is filled with them rather than asked. Undefined when one of their
 * roles reaches other rows, or their roles disagree on the column.
 */
export function ownerColumnOf(roles: readonly string[], table: string): string | undefined {
  return scopeColumnOf(roles, table, 'equalsUser');
}

/**
 * Likewise the column naming the caller's tenant where every role they hold reaches only their
 * tenant's rows (an organisation's bookings: organization_id): filled with their tenant on create.
 */
export function tenantColumnOf(roles: readonly string[], table: string): string | undefined {
  return scopeColumnOf(roles, table, 'sameTenant');
}

function scopeColumnOf(roles: readonly string[], table: string, kind: 'equalsUser' | 'sameTenant'): string | undefined {
  const reaches = roles.map((role) => rowsOf(role, table)).filter((r) => r !== 'none');
  const columns = new Set(reaches.map((r) => (r !== 'all' && kind in r ? r.column : undefined)));
  const [column] = columns;
  return columns.size === 1 ? column : undefined;
}
