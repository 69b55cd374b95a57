import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { createKnex } from '../../server/data/knex.js';
import { dataApiLimits, loadEnv } from '../../server/env.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { countStatements, traceRequests, type RequestTrace } from '../support/roundTrips.js';

/**
 * The server under measurement, in a process of its own (forked by scenarios.ts), so its CPU
 * time and memory are its own. Asked over IPC, it answers its CPU time, resident memory, the
 * statements its requests sent and the round trips they waited for, and, for a request it was
 * told to trace, its statements (for the bench to replay them without Gatehouse).
 */
const ownerUrl = process.env.BENCH_OWNER_URL!;
const apiUrl = process.env.BENCH_API_URL;
const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const knex = createKnex(ownerUrl, { min: 0, max: 20 });
// The data API's pool as the server opens it in production: its limits, pipelined connections.
const apiKnex = apiUrl ? createKnex(apiUrl, { min: 0, max: 20 }, { ...dataApiLimits(env), poolMax: 20 }) : knex;
const schema = await loadSchemaModel(knex);
const app = createApp({ knex, apiKnex, env, schema, logger: pino({ level: 'silent' }) });
const counts = countStatements();
let lastTrace: RequestTrace | undefined;
// Only the request the bench asks for is traced: tracing puts a hook on every promise.
let tracing = false;
const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
traceRequests(
  server,
  (trace) => {
    lastTrace = trace;
    tracing = false;
  },
  () => tracing,
);

export interface ServerStats {
  cpuMicros: number;
  rss: number;
  statements: number;
  /** Round trips the answers waited for. */
  trips: number;
}

process.on('message', (message: string) => {
  if (message === 'stats') {
    const cpu = process.cpuUsage();
    // The bench's requests are reads, whose COMMIT goes behind the answer in a round trip of its own.
    const stats: ServerStats = { cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage.rss(), statements: counts.statements, trips: counts.trips - counts.commitTrips };
    process.send!(stats);
  }
  if (message === 'trace next') {
    tracing = true;
    process.send!({ tracing });
  }
  if (message === 'trace') process.send!({ trace: lastTrace });
  if (message === 'stop') {
    server.close();
    void Promise.all([...new Set([knex, apiKnex])].map((k) => k.destroy())).then(() => process.exit(0));
  }
});
