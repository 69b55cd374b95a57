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
