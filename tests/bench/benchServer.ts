import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { createKnex } from '../../server/data/knex.js';
import { loadEnv } from '../../server/env.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';

/**
 * The server under measurement, in a process of its own (forked by scenarios.ts), so its CPU
 * time and memory are its own: asked over IPC, it answers its CPU time, resident memory and the
 * statements its connections have sent (each one round trip to the database).
 */
const ownerUrl = process.env.BENCH_OWNER_URL!;
const apiUrl = process.env.BENCH_API_URL;
const knex = createKnex(ownerUrl, { min: 0, max: 20 });
const apiKnex = apiUrl ? createKnex(apiUrl, { min: 0, max: 20 }) : knex;
let statements = 0;
for (const k of new Set([knex, apiKnex])) k.on('query', () => statements++);
const schema = await loadSchemaModel(knex);
const app = createApp({ knex, apiKnex, env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), schema, logger: pino({ level: 'silent' }) });
const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));

export interface ServerStats {
  cpuMicros: number;
  rss: number;
  statements: number;
}

process.on('message', (message: string) => {
  if (message === 'stats') {
    const cpu = process.cpuUsage();
    const stats: ServerStats = { cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage.rss(), statements };
    process.send!(stats);
  }
  if (message === 'stop') {
    server.close();
    void Promise.all([...new Set([knex, apiKnex])].map((k) => k.destroy())).then(() => process.exit(0));
  }
});
