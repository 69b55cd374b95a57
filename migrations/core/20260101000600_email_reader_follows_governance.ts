import type { Knex } from 'knex';

/**
 * The emails of people named in the security log go to whoever may read the audit trail the
 * governance record names (where nothing governs, to the administrator alone), not to readers
 * of whatever table happens to carry a log-like name.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION gatehouse.email_of(p_user uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
        SELECT u.email FROM auth.users u
         WHERE u.id = p_user
           AND gatehouse.allows((SELECT CASE WHEN split_part(g.audit_table, '.', 1) = 'public' THEN split_part(g.audit_table, '.', 2) ELSE g.audit_table END
                                   FROM gatehouse.governance g), 'read')
      $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION gatehouse.email_of(p_user uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT NULL::text $$;
  `);
}
