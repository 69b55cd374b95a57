import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { PACK } from './activePack.js';
import type { MatrixRow } from './defaultMatrix.js';
import { defineAbility, type AppAbility } from './defineAbility.js';
import type { ModuleName } from './modules.js';
import { ACTIONS, isRole, type Action } from './vocabulary.js';

/** What the server knows of a caller and sends the SPA (`/api/auth/me`): enough to build their ability. */
export interface CallerGrants {
  id: string;
  role: string;
  /** The caller's rows of the matrix; null where the database has no matrix. */
  matrix: { module: string; subModule: string | null; actions: string[] }[] | null;
  owned: Record<string, string[]>;
  /** The caller's tenant (`gatehouse.caller_tenant`), for tenant scopes; null without one. */
  tenant?: string | number | null;
}

/** The role that may do everything, matrix or not: the pack's administrator ("administrator" without a pack). */
export const ADMINISTRATOR_ROLE = PACK.administrator;
export const isAdministrator = (caller: Pick<CallerGrants, 'role'>): boolean => caller.role === ADMINISTRATOR_ROLE;

const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/**
 * The caller's ability from their rows of the matrix: the one function the API enforces
 * and the SPA draws with. A database without a matrix (one Gatehouse serves as it is) has one
 * rule: the administrator may do everything, everyone else nothing. An unknown role may do nothing.
 */
export function abilityOfCaller(caller: CallerGrants): AppAbility {
  if (caller.matrix === null) {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (isAdministrator(caller)) can([...ACTIONS], 'all');
    return build();
  }
  if (!isRole(caller.role)) return createMongoAbility<AppAbility>([]);
  const role = caller.role;
  const matrix: MatrixRow[] = caller.matrix.map((g) => ({
    role,
    module: g.module as ModuleName,
    ...(g.subModule ? { subModule: g.subModule } : {}),
    actions: g.actions.filter(isAction),
  }));
  return defineAbility(matrix, { id: caller.id, role, owned: caller.owned, tenant: caller.tenant ?? null });
}
