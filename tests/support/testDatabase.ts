import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { inject } from 'vitest';
import { createKnex } from '../../server/data/knex.js';
import { withDatabase } from './globalSetup.js';

export interface TestDatabase {
  name: string;
  url: string;
  knex: Knex;
  drop: () => Promise<void>;
}

/** A private copy of a database for one test file: the seeded template, or an empty one. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = createKnex(adminUrl, { min: 0, max: 1 });
  await admin.raw(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  const url = withDatabase(adminUrl, name);
  const knex = createKnex(url, { min: 0, max: 5 });
  return {
    name,
    url,
    knex,
    drop: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
