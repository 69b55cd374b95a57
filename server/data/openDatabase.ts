import path from 'node:path';
import type { Knex } from 'knex';
import { chosenDemo, DEFAULT_DEMO } from '../../permissions/activePack.js';
import { dataApiLimits, type Env } from '../env.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embeddedPostgres.js';
import { authenticatorUrl, enableAuthenticatorLogin, hasAuthenticator } from './apiConnection.js';
import { createKnex } from './knex.js';
import { migrate, type MigrationSet } from './migrate.js';

export interface Database {
  /** The owner's connection: migrations, seeding, sign-in and the catalog. */
  knex: Knex;
  /** A demo's schema and data are wanted here. */
  demo: boolean;
  /** Which demo (a pack folder's name), when one is. */
  demoName?: string;
  embedded: boolean;
  /** Where the embedded PostgreSQL keeps its files (absolute); absent with DATABASE_URL. */
  dataFolder?: string;
  migrate: () => Promise<string[]>;
  /**
   * The data API's connection (after migrating): DATABASE_API_URL, else the authenticator
   * role with a fresh password, else — in a database without a role matrix — the owner's.
   */
  openApi: () => Promise<Knex>;
  /** The owner's connection URL (the embedded server's, or DATABASE_URL). */
  url: string;
  /**
   * The data API's connection URL (as openApi would connect; undefined: the owner's), without
   * opening a pool: for the processes serving requests, which open their own.
   */
  apiUrl: () => Promise<string | undefined>;
  close: () => Promise<void>;
}

const EMBEDDED_DATABASE = 'gatehouse';

/** Connects to DATABASE_URL, or starts the embedded server and its `gatehouse` database. */
export async function openDatabase(env: Env): Promise<Database> {
  let server: EmbeddedServer | undefined;
  let url = env.DATABASE_URL;
  const demoName = chosenDemo(env);
  if (!url) {
    // Each demo but the default keeps its own data folder: switching demos never mixes two schemas.
    const dataDir = demoName === undefined || demoName === DEFAULT_DEMO ? env.DATA_DIR : path.join(env.DATA_DIR, demoName);
    server = await startEmbeddedPostgres(dataDir, env.EMBEDDED_PG_PORT);
    const admin = createKnex(server.url('postgres'), { min: 0, max: 1 });
    const exists = await admin.raw('SELECT 1 FROM pg_database WHERE datname = ?', [EMBEDDED_DATABASE]);
    if (exists.rows.length === 0) await admin.raw(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    await admin.destroy();
    url = server.url(EMBEDDED_DATABASE);
  }
  const knex = createKnex(url);
  let api: Knex | undefined;
  let apiUrl: Promise<string | undefined> | undefined;
  const ownerUrl = url;
  // Asked once: the authenticator's password is set anew when it is made up.
  const resolveApiUrl = () =>
    (apiUrl ??= (async () =>
      env.DATABASE_API_URL ?? ((await hasAuthenticator(knex)) ? authenticatorUrl(ownerUrl, await enableAuthenticatorLogin(knex)) : undefined))());
  const sets: MigrationSet[] = demoName === undefined ? ['core'] : ['core', demoName];
  return {
    knex,
    demo: demoName !== undefined,
    ...(demoName === undefined ? {} : { demoName }),
    embedded: Boolean(server),
    ...(server ? { dataFolder: server.dataFolder } : {}),
    migrate: () => migrate(knex, sets),
    openApi: async () => {
      const apiAt = await resolveApiUrl();
      if (apiAt) api ??= createKnex(apiAt, undefined, dataApiLimits(env));
      return api ?? knex;
    },
    url: ownerUrl,
    apiUrl: resolveApiUrl,
    close: async () => {
      await api?.destroy();
      await knex.destroy();
      await server?.stop();
    },
  };
}
