import type { Server } from 'node:http';
import { createApp } from './app.js';
import { listen, ListenRefusal } from './http/listen.js';
import { closeGracefully, SHUTDOWN_GRACE_MS } from './http/shutdown.js';
import { createLogger } from './logger.js';
import { startWorkers, type Workers } from './workers.js';
import { ensureAdministrator } from './auth/users.js';
import { openDatabase } from './data/openDatabase.js';
import { loadEnv, servedSchemas, workerCount } from './env.js';
import { loadSchemaModel } from './meta/loadSchemaModel.js';
import { ensureSpaBuilt } from './spa/ensureSpaBuilt.js';
import { printWelcome } from './cli/printWelcome.js';
import { checkPackAgainstCatalog } from './packs/checkPackAgainstCatalog.js';
import { PACK, PACK_FILE } from '../permissions/activePack.js';
import { PackError } from '../permissions/packModel.js';
import { governanceProblem } from './packs/governanceProblem.js';
import { demoSignIns, installDemo } from './seed/installDemo.js';

/** A configuration the server will not start with; its message says what to do. */
class StartupRefusal extends Error {}

/** The server itself (see index.ts): database (embedded unless DATABASE_URL), migrations, demo data, API + SPA. */
const env = loadEnv();
const logger = createLogger(env);

const db = await openDatabase(env);
let server: Server | undefined;
let workers: Workers | undefined;
let stopping = false;

/**
 * Stops accepting, lets the requests in flight finish (up to SHUTDOWN_GRACE_MS: a request still
 * running then is cut, and its transaction rolls back), closes the pools, stops the embedded
 * database, and exits 0.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: shutting down`);
  if (server && (await closeGracefully(server, SHUTDOWN_GRACE_MS)).cut) logger.warn(`requests still running after ${SHUTDOWN_GRACE_MS} ms were cut`);
  await workers?.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const ran = await db.migrate();
  if (ran.length) logger.info(`ran ${ran.length} migrations`);
  if (db.demoName) await installDemo(db.knex, db.demoName, PACK, logger, { production: env.NODE_ENV === 'production' });
  if (env.GATEHOUSE_ADMIN_EMAIL && env.GATEHOUSE_ADMIN_PASSWORD) {
    const done = await ensureAdministrator(db.knex, env.GATEHOUSE_ADMIN_EMAIL, env.GATEHOUSE_ADMIN_PASSWORD);
    if (done === 'created') logger.info(`created administrator ${env.GATEHOUSE_ADMIN_EMAIL}`);
    if (done === 'password set') logger.info(`${env.GATEHOUSE_ADMIN_EMAIL} had no password: GATEHOUSE_ADMIN_PASSWORD is now theirs`);
  }
  await ensureSpaBuilt(logger);
  const schema = await loadSchemaModel(db.knex, servedSchemas(env));
  const mismatch = governanceProblem(schema.governance, PACK, PACK_FILE);
  if (mismatch) throw new StartupRefusal(mismatch);
  // The pack governing this database must fit it: a mistake stops here, naming the file, the path and the fix.
  if (PACK_FILE) await checkPackAgainstCatalog(db.knex, PACK, schema, PACK_FILE);
  // The port first: nothing starts working on the database for a server that cannot listen.
  server = await listen(env.PORT, env.HOST);
  const serving = workerCount(env);
  if (serving === 1) server.on('request', createApp({ knex: db.knex, apiKnex: await db.openApi(), env, schema, logger }));
  else {
    // Several processes: each binds the port through this one, which only checked it was free.
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const apiUrl = await db.apiUrl();
    workers = await startWorkers(
      serving,
      { DATABASE_URL: db.url, ...(apiUrl ? { DATABASE_API_URL: apiUrl } : {}), GATEHOUSE_PACK: PACK_FILE ?? 'none', GATEHOUSE_DEMO: 'false' },
      logger,
    );
    logger.info(`${serving} processes serve requests`);
  }
  printWelcome(env, db, schema.resources.size, db.demo ? await demoSignIns(db.knex, PACK.administrator) : []);
} catch (err) {
  if (err instanceof PackError || err instanceof StartupRefusal || err instanceof ListenRefusal) logger.fatal(err.message);
  else logger.fatal({ err }, 'start-up failed');
  await db.close();
  process.exit(1);
}
