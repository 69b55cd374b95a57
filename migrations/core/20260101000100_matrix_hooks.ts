import type { Knex } from 'knex';

/**
 * The hooks the session statement calls to learn the caller's grants, owned ids and database
 * role. Here they say "this database has no matrix": the API then grants the administrator
 * everything and everyone else nothing, and never switches database role. A schema that
 * brings its own matrix (the OMBARO migrations) replaces them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION gatehouse.caller_matrix(p_role text) RETURNS jsonb
      LANGUAGE sql STABLE AS $$ SELECT NULL::jsonb $$;
    CREATE OR REPLACE FUNCTION gatehouse.caller_owned(p_user uuid, p_role text) RETURNS jsonb
      LANGUAGE sql STABLE AS $$ SELECT '{}'::jsonb $$;
    CREATE OR REPLACE FUNCTION gatehouse.db_role(p_role text) RETURNS text
      LANGUAGE sql STABLE AS $$ SELECT NULL::text $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION IF EXISTS gatehouse.db_role(text);
    DROP FUNCTION IF EXISTS gatehouse.caller_owned(uuid, text);
    DROP FUNCTION IF EXISTS gatehouse.caller_matrix(text);
  `);
}
