import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';

/**
 * Runs a whole SQL script (many statements, no parameters) on `knex`'s connection. Knex reads
 * `?` as a parameter even without bindings, which would rewrite a script's own question marks
 * (a CHECK's `\+?` pattern): each is escaped so the script runs as written.
 */
export async function runSqlScript(knex: Knex | Knex.Transaction, sql: string): Promise<void> {
  await knex.raw(sql.replace(/\?/g, '\\?'));
}

/**
 * A migration that runs one SQL file (a demo's schema, written as its design has it). It is not
 * taken down table by table: a demo's database is removed with its data folder.
 */
export function sqlFileMigration(file: URL): { up: (knex: Knex) => Promise<void>; down: () => Promise<void> } {
  return {
    up: (knex) => runSqlScript(knex, readFileSync(file, 'utf8')),
    down: () => Promise.reject(new Error(`${file.pathname} is not undone: remove the demo's data folder instead.`)),
  };
}
