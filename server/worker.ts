import { createServer } from 'node:http';
import { PACK, PACK_FILE } from '../permissions/activePack.js';
import { createApp } from './app.js';
import { openDatabase } from './data/openDatabase.js';
import { loadEnv, servedSchemas } from './env.js';
import { closeGracefully, SHUTDOWN_GRACE_MS, trackConnections } from './http/shutdown.js';
import { createLogger } from './logger.js';
import { loadSchemaModel } from './meta/loadSchemaModel.js';
import { governanceProblem } from './packs/governanceProblem.js';

/**
 * One of several processes serving requests (GATEHOUSE_WORKERS): the primary (start.ts) has
 * migrated, governed and checked the database and holds the port; this process only serves,
 * on the connections the primary hands it (DATABASE_URL, DATABASE_API_URL).
 */
const env = loadEnv();
const logger = createLogger(env);
// DATABASE_URL is set, so this opens connections and starts no database of its own.
const db = await openDatabase(env);
const knex = db.knex;
const apiKnex = await db.openApi();
const schema = await loadSchemaModel(knex, servedSchemas(env));
const mismatch = governanceProblem(schema.governance, PACK, PACK_FILE);
if (mismatch) {
  logger.fatal(mismatch);
  process.exit(1);
}
const server = createServer();
trackConnections(server);
server.on('request', createApp({ knex, apiKnex, env, schema, logger }));
server.listen(env.PORT, env.HOST);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if ((await closeGracefully(server, SHUTDOWN_GRACE_MS)).cut) logger.warn(`requests still running after ${SHUTDOWN_GRACE_MS} ms were cut`);
  await db.close();
  process.exit(0);
}
// Ctrl-C reaches every process of the terminal's group, the primary's SIGTERM this one alone.
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
