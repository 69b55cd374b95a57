import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { MatrixRow } from './defaultMatrix.js';
import { grantOn } from './grants.js';
import { MODULES, MODULE_NAMES } from './modules.js';
import { OWN_ROWS, type OwnerSet } from './ownRows.js';
import { isRole, type Action, type Role } from './vocabulary.js';

/** A row checked against the rules: `subject(table, row)`. */
export type RowSubject = ForcedSubject<string> & Record<string, unknown>;
export type AppAbility = MongoAbility<[Action, string | RowSubject]>;

export interface Caller {
  id: string;
  role: string;
  /** The ids behind indirect ownership (a vendor's or therapist's therapists, a customer's bookings and tickets). */
  owned?: Partial<Record<OwnerSet, string[]>>;
}

/** Subjects are table names (strings), for which CASL cannot type a row's columns. */
const where = (query: Record<string, unknown>) => query as MongoQuery<never>;

/** Roles that may see bank details of every employee and therapist (MATRIX.md field restrictions). */
const BANK_READERS: readonly Role[] = ['hr_department', 'finance_department', 'super_admin'];
const BANK_TABLES = ['employees', 'therapists'];
/** Roles that never see internal notes on tickets. */
const OUTSIDERS: readonly Role[] = ['customer', 'vendor'];

/**
 * The caller's CASL ability from the matrix rows: pure and isomorphic, so the server enforces
 * it and the SPA draws from the same rules. No rule for a table means nothing on it.
 */
export function defineAbility(matrix: readonly MatrixRow[], caller: Caller): AppAbility {
  if (!isRole(caller.role)) throw new Error(`Unknown role "${caller.role}"`);
  const role = caller.role;
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const table of MODULE_NAMES.flatMap((m) => [...MODULES[m].tables])) {
    const grant = grantOn(matrix, role, table);
    if (grant.actions.length === 0) continue;
    if (!grant.own) {
      can(grant.actions, table);
      continue;
    }
    const rule = OWN_ROWS[role]?.[table];
    if (!rule) continue; // an "own" grant without a known owner column grants nothing
    const owned = 'equalsUser' in rule ? caller.id : { $in: caller.owned?.[rule.in] ?? [] };
    can(grant.actions, table, where({ [rule.column]: owned }));
  }
  if (!BANK_READERS.includes(role)) {
    for (const table of BANK_TABLES) {
      const own = grantOn(matrix, role, table).own;
      if (!own) cannot(['read', 'update', 'create', 'export'], table, ['bank_details']);
    }
  }
  // Only super_admin changes roles and statuses, and never their own.
  if (role !== 'super_admin') cannot(['create', 'update'], 'user_profiles', ['role', 'status']);
  else cannot('update', 'user_profiles', ['role', 'status'], where({ id: caller.id }));
  if (OUTSIDERS.includes(role)) {
    cannot(['read', 'update', 'delete', 'export', 'create'], 'ticket_messages', where({ is_internal: true }));
  }
  return build();
}
