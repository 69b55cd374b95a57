import { PACK } from './activePack.js';
import type { Action } from './packModel.js';
import type { Role } from './vocabulary.js';

/** The actions that put a role on a person or take one away: a new person, a changed one, a removed one. */
export const GIVING_ACTIONS: readonly Action[] = ['create', 'update', 'delete'];

/**
 * Where `role` writes people's role column on `table`, that column and the roles it may give
 * (and take away): it writes only people holding one of them, before and after the change.
 * Undefined where no limit applies (another table, the administrator, a role the column is kept from).
 */
export function givableBy(role: Role, table: string): { column: string; roles: readonly Role[] } | undefined {
  const giving = PACK.roleGiving;
  if (!giving || giving.table !== table) return undefined;
  const roles = giving.givable[role];
  return roles ? { column: giving.column, roles } : undefined;
}

/** The roles a person holding `roles` may give others: every role for the administrator, else what each role may give. */
export function rolesGivenBy(roles: readonly Role[]): readonly Role[] {
  if (roles.includes(PACK.administrator)) return PACK.roles;
  const given = new Set(roles.flatMap((role) => PACK.roleGiving?.givable[role] ?? []));
  return PACK.roles.filter((role) => given.has(role));
}
