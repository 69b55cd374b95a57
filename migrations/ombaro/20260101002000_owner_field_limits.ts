import type { Knex } from 'knex';
import { FIELD_RESTRICTIONS, WRITE_ONLY } from '../../permissions/fieldRules.js';
import { API_DB_ROLE, dbRoleOf, grantsSql } from '../../permissions/rlsSql.js';
import { ROLES } from '../../permissions/vocabulary.js';
import { exposedTables } from './20260101001000_role_matrix.js';

/**
 * An owner's grant never covers the business's decisions about that owner: a therapist writes
 * only the status of its assignments, an employee only its comments on its reviews, a customer
 * only whether it has read a notification; vendors and customers may not set their own
 * commission, verification, tier or totals (the pack's writeOnly and fieldRules). A database
 * made before this gets the privileges of every table a field rule names again, from the pack
 * as it is now: revoking a table's privileges revokes its column privileges too, so nothing
 * granted before lingers.
 * The employee may now update (the comments of) its own reviews.
 */
export async function up(knex: Knex): Promise<void> {
  await regrantRuledTables(knex);
  await knex.raw(`
    UPDATE public.role_permissions SET permissions = array_append(permissions, 'update')
     WHERE role_id = 'employee' AND module_id = 'hr' AND sub_module_id = 'performance_reviews' AND NOT 'update' = ANY (permissions);
  `);
}

/** The privileges of every table some field rule names, granted again as grantsSql derives them from the pack. */
export async function regrantRuledTables(knex: Knex): Promise<void> {
  const ruled = new Set([...FIELD_RESTRICTIONS, ...WRITE_ONLY].map((r) => r.table));
  const tables = (await exposedTables(knex)).filter((t) => ruled.has(t.resource));
  const roles = [API_DB_ROLE, ...ROLES.map(dbRoleOf)].map((r) => `"${r}"`).join(', ');
  await knex.raw(`
    ${tables.map((t) => `REVOKE ALL ON ${t.sqlName} FROM ${roles};`).join('\n')}
    ${grantsSql(tables)}
  `);
}

export async function down(): Promise<void> {
  throw new Error('Column privileges follow the pack: restore from a backup instead.');
}
