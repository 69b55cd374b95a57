import type { Knex } from 'knex';

/**
 * The hooks the session statement (and the export) calls to learn the caller's grants, owned ids and database
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
    -- The database's answer to "may the caller do this action here?", for what RLS cannot
    -- express (export): without a matrix, only the administrator may.
    CREATE OR REPLACE FUNCTION gatehouse.allows(p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE AS $$ SELECT auth.role() IS NOT DISTINCT FROM 'administrator' $$;
    -- Is the workflow transition named in app.action one the caller may run here? (None without workflows.)
    CREATE OR REPLACE FUNCTION gatehouse.allows_transition(p_resource text) RETURNS boolean
      LANGUAGE sql STABLE AS $$ SELECT false $$;
    -- The same as a refusal: raises insufficient_privilege unless allowed (always through
    -- whichever gatehouse.allows the database has).
    CREATE OR REPLACE FUNCTION gatehouse.require(p_resource text, p_action text) RETURNS boolean
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF gatehouse.allows(p_resource, p_action) IS NOT TRUE THEN
          RAISE EXCEPTION 'not allowed to % %', p_action, p_resource USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN true;
      END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION IF EXISTS gatehouse.require(text, text);
    DROP FUNCTION IF EXISTS gatehouse.allows_transition(text);
    DROP FUNCTION IF EXISTS gatehouse.allows(text, text);
    DROP FUNCTION IF EXISTS gatehouse.db_role(text);
    DROP FUNCTION IF EXISTS gatehouse.caller_owned(uuid, text);
    DROP FUNCTION IF EXISTS gatehouse.caller_matrix(text);
  `);
}
