import type { Knex } from 'knex';

/**
 * Runs a whole SQL script (many statements, no parameters) on `knex`'s connection. Knex reads
 * `?` as a parameter even without bindings, which would rewrite a script's own question marks
 * (a CHECK's `\+?` pattern): each is escaped so the script runs as written.
 */
export async function runSqlScript(knex: Knex | Knex.Transaction, sql: string): Promise<void> {
  await knex.raw(sql.replace(/\?/g, '\\?'));
}
