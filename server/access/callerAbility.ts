import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { MatrixRow } from '../../permissions/defaultMatrix.js';
import { defineAbility, type AppAbility } from '../../permissions/defineAbility.js';
import type { ModuleName } from '../../permissions/modules.js';
import { ACTIONS, isRole, type Action } from '../../permissions/vocabulary.js';
import type { SessionUser } from '../auth/sessions.js';

const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/**
 * The caller's ability, from the matrix rows their session statement brought back. A
 * database without a matrix (one Gatehouse serves as it is) has one rule: the administrator
 * may do everything, everyone else nothing. An unknown role may do nothing.
 */
export function callerAbility(user: SessionUser): AppAbility {
  if (user.matrix === null) {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (user.role === 'super_admin') can([...ACTIONS], 'all');
    return build();
  }
  if (!isRole(user.role)) return createMongoAbility<AppAbility>([]);
  const role = user.role;
  const matrix: MatrixRow[] = user.matrix.map((g) => ({
    role,
    module: g.module as ModuleName,
    ...(g.subModule ? { subModule: g.subModule } : {}),
    actions: g.actions.filter(isAction),
  }));
  return defineAbility(matrix, { id: user.id, role, owned: user.owned });
}
