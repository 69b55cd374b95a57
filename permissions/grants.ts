import type { MatrixRow } from './defaultMatrix.js';
import { moduleOfResource } from './modules.js';
import type { Action, Role } from './vocabulary.js';

export interface Grant {
  actions: Action[];
  /** Only the caller's own rows. */
  own: boolean;
}

const NOTHING: Grant = { actions: [], own: false };

/**
 * What a role may do on one table: its sub-module row if there is one, else its module's
 * row, else nothing — "no rule" means "no rows", never "no filter".
 */
export function grantOn(matrix: readonly MatrixRow[], role: Role, table: string): Grant {
  const module = moduleOfResource(table);
  if (!module) return NOTHING;
  const mine = matrix.filter((r) => r.role === role && r.module === module);
  const chosen = mine.find((r) => r.subModule === table) ?? mine.find((r) => !r.subModule);
  return chosen ? { actions: chosen.actions, own: Boolean(chosen.own) } : NOTHING;
}
