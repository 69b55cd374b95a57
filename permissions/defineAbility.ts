import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { MatrixRow } from './defaultMatrix.js';
import { FIELD_RESTRICTIONS, HIDDEN_ROWS, SELF_LOCKED, mayUseRestricted } from './fieldRules.js';
import { grantOn } from './grants.js';
import { MODULE_NAMES, moduleInfo } from './modules.js';
import { rowsOf, type OwnerSet } from './ownRows.js';
import { isRole, type Action } from './vocabulary.js';

/** A row checked against the rules: `subject(table, row)`. */
export type RowSubject = ForcedSubject<string> & Record<string, unknown>;
export type AppAbility = MongoAbility<[Action, string | RowSubject]>;

export interface Caller {
  id: string;
  role: string;
  /** The caller's tenant (their organisation), for tenant scopes; null when they have none. */
  tenant?: string | number | null;
  /** The ids behind indirect ownership (the pack's owner sets: a customer's orders, a manager's team). */
  owned?: Partial<Record<OwnerSet, string[]>>;
}

/** Subjects are table names (strings), for which CASL cannot type a row's columns. */
const where = (query: Record<string, unknown>) => query as MongoQuery<never>;

const READS: Action[] = ['read', 'export'];
const WRITES: Action[] = ['create', 'update'];

/**
 * The caller's CASL ability from the matrix rows: pure and isomorphic, so the server enforces
 * it and the SPA draws from the same rules. No rule for a table means nothing on it. Roles
 * with scopes only ever reach their own rows where a scope is defined, and elsewhere nothing
 * (unless their pack lets their grants reach every row outside their scopes), whatever the
 * matrix grants them.
 */
export function defineAbility(matrix: readonly MatrixRow[], caller: Caller): AppAbility {
  if (!isRole(caller.role)) throw new Error(`Unknown role "${caller.role}"`);
  const role = caller.role;
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const table of MODULE_NAMES.flatMap((m) => [...moduleInfo(m).tables])) {
    const { actions } = grantOn(matrix, role, table);
    if (actions.length === 0) continue;
    const rule = rowsOf(role, table);
    if (rule === 'none') continue;
    if (rule === 'all') {
      can(actions, table);
      continue;
    }
    // No tenant (or a tenant that matches nothing) reaches nothing: never "no condition".
    const owned = 'equalsUser' in rule ? caller.id : 'in' in rule ? { $in: caller.owned?.[rule.in] ?? [] } : (caller.tenant ?? { $in: [] });
    can(actions, table, where({ [rule.column]: owned }));
  }
  for (const restriction of FIELD_RESTRICTIONS) {
    const columns = [...restriction.columns];
    if (!mayUseRestricted(restriction, role, 'read')) cannot(READS, restriction.table, columns);
    if (!mayUseRestricted(restriction, role, 'write')) cannot(WRITES, restriction.table, columns);
  }
  for (const locked of SELF_LOCKED) cannot('update', locked.table, [...locked.columns], where({ [locked.key]: caller.id }));
  for (const hidden of HIDDEN_ROWS) {
    if (hidden.from.includes(role)) cannot(['read', 'update', 'delete', 'export', 'create'], hidden.table, where({ [hidden.column]: true }));
  }
  return build();
}
