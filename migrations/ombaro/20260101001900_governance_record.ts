import type { Knex } from 'knex';

/** OMBARO's declaration names its profile table, its role matrix and its audit trail. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    INSERT INTO gatehouse.governance (pack, people, matrix_table, audit_table)
    VALUES ('ombaro',
            '{"table": "public.user_profiles", "id": "id", "name": "name", "role": "role", "status": "status", "mobile": "mobile"}',
            'public.role_permissions', 'public.audit_log')
    ON CONFLICT (singleton) DO UPDATE
      SET pack = EXCLUDED.pack, people = EXCLUDED.people, matrix_table = EXCLUDED.matrix_table,
          audit_table = EXCLUDED.audit_table, recorded_at = now();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DELETE FROM gatehouse.governance WHERE pack = 'ombaro'`);
}
