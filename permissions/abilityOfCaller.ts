import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { LRUCache } from 'lru-cache';
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
  // The same grants give the same ability: built once, not on every request.
  const key = grantsKey(caller);
  let ability = built.get(key);
  if (!ability) built.set(key, (ability = buildAbility(caller)));
  return ability;
}

/**
 * What an ability (and all drawn from it) depends on, as one string: the same key, the same
 * answers. A matrix edit, a new owned row, another tenant or role is another key.
 */
export const grantsKey = (caller: CallerGrants): string => JSON.stringify([caller.id, caller.roles, caller.matrix, caller.owned, caller.tenant ?? null]);

/** The abilities built lately: one per active caller and version of their grants. */
const built = new LRUCache<string, AppAbility>({ max: 1000 });

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
