import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { PACK } from './activePack.js';
import type { MatrixRow } from './defaultMatrix.js';
import { defineAbility, type AppAbility } from './defineAbility.js';
import type { ModuleName } from './modules.js';
import { ACTIONS, isRole, type Action } from './vocabulary.js';

/** What the server knows of a caller and sends the SPA (`/api/auth/me`): enough to build their ability. */
export interface CallerGrants {
  id: string;
  /** The role the caller is known by (the first of their roles): labels, `auth.role()`. */
  role: string;
  /** Every role the caller holds; their grants add up. */
  roles: string[];
  /** The matrix rows of the caller's roles; null where the database has no matrix. */
  matrix: { role: string; module: string; subModule: string | null; actions: string[] }[] | null;
  owned: Record<string, string[]>;
  /** The caller's tenant (`gatehouse.caller_tenant`), for tenant scopes; null without one. */
  tenant?: string | number | null;
}

/** The role that may do everything, matrix or not: the pack's administrator ("administrator" without a pack). */
export const ADMINISTRATOR_ROLE = PACK.administrator;
export const isAdministrator = (caller: Pick<CallerGrants, 'roles'>): boolean => caller.roles.includes(ADMINISTRATOR_ROLE);

const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/**
 * The caller's ability from their rows of the matrix: the one function the API enforces
 * and the SPA draws with. A database without a matrix (one Gatehouse serves as it is) has one
 * rule: the administrator may do everything, everyone else nothing. An unknown role may do nothing.
 */
export function abilityOfCaller(caller: CallerGrants): AppAbility {
  // The same grants give the same ability: built once, not on every request (a matrix edit,
  // a new owned row or another role is another key).
  const key = JSON.stringify([caller.id, caller.roles, caller.matrix, caller.owned, caller.tenant ?? null]);
  const known = built.get(key);
  if (known) {
    built.delete(key);
    built.set(key, known);
    return known;
  }
  const ability = buildAbility(caller);
  built.set(key, ability);
  if (built.size > BUILT_KEPT) built.delete(built.keys().next().value!);
  return ability;
}

/** The abilities built lately, most recent last (a small LRU: one per active caller and version of their grants). */
const built = new Map<string, AppAbility>();
const BUILT_KEPT = 1000;

function buildAbility(caller: CallerGrants): AppAbility {
  if (caller.matrix === null) {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (isAdministrator(caller)) can([...ACTIONS], 'all');
    return build();
  }
  // A role the pack does not know (a stale value in the database) grants nothing.
  const roles = caller.roles.filter(isRole);
  if (roles.length === 0) return createMongoAbility<AppAbility>([]);
  const matrix: MatrixRow[] = caller.matrix.map((g) => ({
    role: g.role,
    module: g.module as ModuleName,
    ...(g.subModule ? { subModule: g.subModule } : {}),
    actions: g.actions.filter(isAction),
  }));
  return defineAbility(matrix, { id: caller.id, roles, owned: caller.owned, tenant: caller.tenant ?? null });
}
