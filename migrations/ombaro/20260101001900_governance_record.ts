import type { Knex } from 'knex';
import { PACK } from '../../permissions/activePack.js';

/**
 * The governance record of OMBARO's database: its pack, and the tables Gatehouse must find
 * there (the profile table, as the pack's "people" declares it; the role matrix; the audit trail).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `INSERT INTO gatehouse.governance (pack, administrator, people, matrix_table, audit_table)
     VALUES (?, ?, ?::jsonb, 'public.role_permissions', 'public.audit_log')
     ON CONFLICT (singleton) DO UPDATE
       SET pack = EXCLUDED.pack, administrator = EXCLUDED.administrator, people = EXCLUDED.people, matrix_table = EXCLUDED.matrix_table,
           audit_table = EXCLUDED.audit_table, recorded_at = now()`,
    [PACK.name, PACK.administrator, PACK.people ? JSON.stringify(PACK.people) : null],
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DELETE FROM gatehouse.governance WHERE pack = ?`, [PACK.name]);
}
