import type { Knex } from 'knex';

/**
 * Every `gatehouse govern --apply`: which pack, a hash of what it ran, the SQL it ran, and the
 * SQL that undoes it (`--revert` runs the latest one not yet reverted). Nothing a pack needs
 * is installed in a served database any other way.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS gatehouse.govern_runs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      pack text NOT NULL,
      hash text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      applied_by text NOT NULL DEFAULT current_user,
      apply_sql text NOT NULL,
      revert_sql text NOT NULL,
      reverted_at timestamptz
    );
    COMMENT ON TABLE gatehouse.govern_runs IS 'What "gatehouse govern --apply" ran on this database, and how to undo it';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS gatehouse.govern_runs');
}
