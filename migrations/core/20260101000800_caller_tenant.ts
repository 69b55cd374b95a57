import type { Knex } from 'knex';
import { callerTenantNoneSql } from '../../permissions/matrixSql.js';

/**
 * `gatehouse.caller_tenant(user)`: the tenant (organisation) a signed-in person belongs to, for
 * tenant scopes. Here it says "no tenant"; `gatehouse govern` replaces it, typed as the pack's
 * people.tenant column, where a pack declares one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      IF to_regprocedure('gatehouse.caller_tenant(uuid)') IS NULL THEN
        ${callerTenantNoneSql()}
      END IF;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS gatehouse.caller_tenant(uuid)');
}
