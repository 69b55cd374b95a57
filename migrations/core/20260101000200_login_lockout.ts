import type { Knex } from 'knex';

/**
 * Who may sign in (a hook), and failed sign-ins per account, kept in Gatehouse's own schema (never on the served database's
 * tables). Keyed by the normalised email as typed, whether or not such a user exists, so a
 * lock says nothing about which emails are real.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE gatehouse.login_failures (
      account text PRIMARY KEY,
      failed_login_attempts integer NOT NULL DEFAULT 0,
      last_failed_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz
    );
    COMMENT ON TABLE gatehouse.login_failures IS 'Failed sign-ins per account (normalised email) and the lock they earned';

    -- May this user sign in at all? Every user here; a schema with account statuses replaces it.
    CREATE OR REPLACE FUNCTION gatehouse.may_sign_in(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE AS $$ SELECT true $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS gatehouse.may_sign_in(uuid); DROP TABLE IF EXISTS gatehouse.login_failures');
}
