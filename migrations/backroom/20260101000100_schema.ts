import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { runSqlScript } from '../../server/data/sqlScript.js';

/**
 * Backroom Leeds' schema as its design writes it (schema.sql beside this file, every departure
 * from the design commented there). Its rules come from its pack, by `govern`, not from here.
 */
export async function up(knex: Knex): Promise<void> {
  await runSqlScript(knex, readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'));
}

export async function down(): Promise<void> {
  throw new Error('The backroom demo schema is not taken down table by table: remove its data folder instead.');
}
