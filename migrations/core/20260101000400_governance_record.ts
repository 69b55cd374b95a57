import type { Knex } from 'knex';

/**
 * Which declaration governs this database, and where it keeps what Gatehouse must find:
 * the table of people's profiles (and its columns), the role matrix, the audit trail.
 * Gatehouse looks its objects up here, never by a public table's name, so a database
 * with its own profile or log tables keeps them as the plain tables they are.
 * No row: nothing governs this database (administrator-only mode).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS gatehouse.governance (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      pack text NOT NULL,
      administrator text NOT NULL,
      people jsonb,
      matrix_table text,
      audit_table text,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE gatehouse.governance IS 'The declaration (pack) governing this database and the objects it names; one row or none';
    COMMENT ON COLUMN gatehouse.governance.administrator IS 'The role that may do everything';
    COMMENT ON COLUMN gatehouse.governance.people IS
      '{"table": "schema.table", "id", "name", "role", "status"?, "mobile"?}: column names of the profile table keyed by the user id';
  `);
  // Without a pack's matrix, "may the caller do this?" has one answer: only the administrator
  // may, named by the governance record ("administrator" where nothing governs). A database
  // whose matrix is already installed keeps its own gatehouse.allows.
  await knex.raw(`
    DO $$
    BEGIN
      IF to_regprocedure('gatehouse.role_allows(text, text, text)') IS NULL THEN
        CREATE OR REPLACE FUNCTION gatehouse.allows(p_resource text, p_action text) RETURNS boolean
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
          AS $fn$ SELECT auth.role() IS NOT DISTINCT FROM coalesce((SELECT administrator FROM gatehouse.governance), 'administrator') $fn$;
      END IF;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS gatehouse.governance');
}
