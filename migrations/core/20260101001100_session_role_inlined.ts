import type { Knex } from 'knex';
import { API_DB_ROLE } from '../../permissions/rlsSql.js';
import { literal } from '../../permissions/sqlText.js';

/**
 * Every request's session statement asks `gatehouse.session_db_role`. A SQL function whose body
 * holds a sub-select is run as a function call each time (the planner inlines only bodies
 * without one), which cost a noticeable share of the statement; with the role lookup moved into
 * a function of its own, the body is one expression the planner writes into the statement, and
 * the lookup runs only for a set of several roles. Same answers as before.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION gatehouse.role_exists(p_name text) RETURNS boolean
      LANGUAGE sql STABLE
      AS $fn$ SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_name) $fn$;

    CREATE OR REPLACE FUNCTION gatehouse.session_db_role(p_roles text[]) RETURNS text
      LANGUAGE sql STABLE
      AS $fn$
        SELECT CASE
          WHEN cardinality(p_roles) <= 1 THEN gatehouse.db_role(coalesce(p_roles[1], ''))
          WHEN gatehouse.db_role(p_roles[1]) IS NULL THEN NULL
          WHEN gatehouse.role_exists(gatehouse.combined_role_name(p_roles)) THEN gatehouse.combined_role_name(p_roles)
          ELSE ${literal(API_DB_ROLE)} END
      $fn$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION gatehouse.session_db_role(p_roles text[]) RETURNS text
      LANGUAGE sql STABLE
      AS $fn$
        SELECT CASE
          WHEN cardinality(p_roles) <= 1 THEN gatehouse.db_role(coalesce(p_roles[1], ''))
          WHEN gatehouse.db_role(p_roles[1]) IS NULL THEN NULL
          WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = gatehouse.combined_role_name(p_roles)) THEN gatehouse.combined_role_name(p_roles)
          ELSE ${literal(API_DB_ROLE)} END
      $fn$;
    DROP FUNCTION gatehouse.role_exists(text);
  `);
}
