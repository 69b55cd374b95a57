import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { MatrixRow } from './defaultMatrix.js';
import { FIELD_RESTRICTIONS, SELF_LOCKED, hiddenFrom, mayUseRestricted, writeOnlyColumns } from './fieldRules.js';
import { grantOn } from './grants.js';
import { MODULE_NAMES, moduleInfo } from './modules.js';
import { rowsOf, type OwnerSet } from './ownRows.js';
import { GIVING_ACTIONS, givableBy } from './roleGiving.js';
import { isRole, type Action } from './vocabulary.js';

/** A row checked against the rules: `subject(table, row)`. */
export type RowSubject = ForcedSubject<string> & Record<string, unknown>;
export type AppAbility = MongoAbility<[Action, string | RowSubject]>;

export interface Caller {
  id: string;
  /** Every role the caller holds: their grants add up (a person may be a clerk and a reader). */
  roles: readonly string[];
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
 *
 * Several roles add up, as the database's role for the same set inherits each role's
 * privileges and policies: a row any role reaches (rows hidden from a role are outside its
 * reach, not another's), a restricted column any role may use (column privileges hold on
 * every row the caller sees).
 */
export function defineAbility(matrix: readonly MatrixRow[], caller: Caller): AppAbility {
  const unknown = caller.roles.find((r) => !isRole(r));
  if (unknown !== undefined || caller.roles.length === 0) throw new Error(`Unknown role "${unknown ?? ''}"`);
  const roles = caller.roles;
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const table of MODULE_NAMES.flatMap((m) => [...moduleInfo(m).tables])) {
    for (const role of roles) {
      const { actions } = grantOn(matrix, role, table);
      if (actions.length === 0) continue;
      const rule = rowsOf(role, table);
      if (rule === 'none') continue;
      // Rows hidden from this role are outside what its grants reach (another role may reach them).
      const visible = Object.fromEntries(hiddenFrom(role, table).map((column) => [column, { $ne: true }]));
      // No tenant (or a tenant that matches nothing) reaches nothing: never "no condition".
      const owned = rule === 'all' ? undefined : 'equalsUser' in rule ? caller.id : 'in' in rule ? { $in: caller.owned?.[rule.in] ?? [] } : (caller.tenant ?? { $in: [] });
      const reach = rule === 'all' ? visible : { ...visible, [rule.column]: owned };
      // A role that gives people roles writes only people holding a role it may give, before and after.
      const giving = givableBy(role, table);
      const reachOf = (action: Action) => (giving && GIVING_ACTIONS.includes(action) ? { ...reach, [giving.column]: { $in: [...giving.roles] } } : reach);
      // A role limited to some columns writes those only; its other actions are whole-row.
      const only = writeOnlyColumns(role, table);
      const limitedTo = (action: Action) => (only && WRITES.includes(action) ? only : undefined);
      // One rule per set of actions sharing their columns and condition (rules travel to the SPA).
      const kinds = new Map<string, Action[]>();
      for (const action of actions) {
        const kind = `${limitedTo(action) ? 'columns' : 'row'}:${reachOf(action) === reach ? 'reach' : 'giving'}`;
        kinds.set(kind, [...(kinds.get(kind) ?? []), action]);
      }
      for (const group of kinds.values()) {
        const condition = reachOf(group[0]!);
        const fields = limitedTo(group[0]!);
        const conditions = Object.keys(condition).length ? where(condition) : undefined;
        if (fields) can(group, table, [...fields], conditions);
        else if (conditions) can(group, table, conditions);
        else can(group, table);
      }
    }
  }
  for (const restriction of FIELD_RESTRICTIONS) {
    const columns = [...restriction.columns];
    if (!roles.some((role) => mayUseRestricted(restriction, role, 'read'))) cannot(READS, restriction.table, columns);
    if (!roles.some((role) => mayUseRestricted(restriction, role, 'write'))) cannot(WRITES, restriction.table, columns);
  }
  for (const locked of SELF_LOCKED) cannot('update', locked.table, [...locked.columns], where({ [locked.key]: caller.id }));
  return build();
}
