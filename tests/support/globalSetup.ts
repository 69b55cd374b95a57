import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../server/data/embeddedPostgres.js';
import { createKnex } from '../../server/data/knex.js';
import { migrate } from '../../server/data/migrate.js';
import { enableAuthenticatorLogin } from '../../server/data/apiConnection.js';
import { seedDemo } from '../../server/seed/ombaro/seedDemo.js';
import { releaseExitHooks } from './releaseExitHooks.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection URL of the test server's maintenance database (`postgres`). */
    pgAdminUrl: string;
    /** Name of the migrated, seeded template every test file clones. */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL per test run (embedded unless DATABASE_URL is set) and one template
 * database, migrated and seeded once; each test file clones it (CREATE DATABASE ... TEMPLATE),
 * which takes a fraction of a second and keeps files isolated.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-test-'));
    chmodSync(dataDir, 0o755); // initdb runs as the postgres user, which must reach the folder
    const port = 55000 + (process.pid % 4000);
    server = await startEmbeddedPostgres(dataDir, port, false);
    adminUrl = server.url('postgres');
  }
  const template = `gatehouse_template_${process.pid}`;
  const admin = createKnex(adminUrl, { min: 0, max: 1 });
  await admin.raw(`DROP DATABASE IF EXISTS ${template}`);
  await admin.raw(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const knex = createKnex(templateUrl, { min: 0, max: 2 });
  try {
    await migrate(knex, ['core', 'ombaro']);
    const started = Date.now();
    await seedDemo(knex, {});
    await enableAuthenticatorLogin(knex, TEST_AUTHENTICATOR_PASSWORD);
    console.log(`test template ${template}: migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await knex.destroy();
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await admin.raw(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await admin.destroy();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (server) releaseExitHooks();
  };
}

/** One fixed password for the whole run: parallel test files must not reset each other's. */
export const TEST_AUTHENTICATOR_PASSWORD = 'gatehouse-test-authenticator';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
