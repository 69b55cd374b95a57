import type { Knex } from 'knex';

/**
 * A list of a small table is counted in its page's round trip only while PostgreSQL's
 * statistics still say the table is small (server/resources/countRows.ts). Asked inline, that
 * lookup (pg_class joined to pg_namespace) cost more to plan on every page than counting a few
 * thousand rows; this function answers it from a plan kept per connection.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION gatehouse.estimated_rows(p_table text) RETURNS real
      LANGUAGE plpgsql STABLE
      AS $fn$ BEGIN RETURN (SELECT reltuples FROM pg_catalog.pg_class WHERE oid = to_regclass(p_table)); END $fn$;
    COMMENT ON FUNCTION gatehouse.estimated_rows(text) IS
      'PostgreSQL''s estimate of a table''s rows (pg_class.reltuples; -1 if never analysed), NULL for no such table';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION gatehouse.estimated_rows(text)');
}
