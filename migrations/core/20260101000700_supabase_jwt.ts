import type { Knex } from 'knex';

/**
 * `auth.jwt()`, as Supabase defines it, for policies written `auth.jwt() ->> 'role'`: the
 * claims the session statement sets for each request (sub, role, email, session_id). A
 * database that has its own keeps it (it reads the same setting).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      IF to_regprocedure('auth.jwt()') IS NULL THEN
        CREATE FUNCTION auth.jwt() RETURNS jsonb
          LANGUAGE sql STABLE
          AS $fn$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $fn$;
        COMMENT ON FUNCTION auth.jwt() IS 'The signed-in caller''s claims (sub, role, email, session_id), set per request by Gatehouse';
      END IF;
    END $$;
  `);
}

export async function down(): Promise<void> {
  // auth.jwt() may have been the database's own: nothing is dropped.
}
