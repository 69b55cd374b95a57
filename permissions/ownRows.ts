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
