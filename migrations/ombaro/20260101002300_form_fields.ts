import type { Knex } from 'knex';
import { regrantRuledTables } from './20260101002000_owner_field_limits.js';

/**
 * What a form offers is what a role may set: a ticket's resolution and rating are customer
 * care's, a message's internal flag is staff's, who sent it is the database's (its default
 * follows the caller's role), and a campaign's metrics are kept by the system (the pack's
 * field rules). The privileges of the tables rules name are granted again from the pack.
 */
export async function up(knex: Knex): Promise<void> {
  await regrantRuledTables(knex);
}

export async function down(): Promise<void> {
  throw new Error('Column privileges follow the pack: restore from a backup instead.');
}
