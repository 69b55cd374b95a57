import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { startEmbeddedPostgres } from '../../server/data/embeddedPostgres.js';
import { authenticatorUrl, enableAuthenticatorLogin, hasAuthenticator } from '../../server/data/apiConnection.js';
import { createKnex } from '../../server/data/knex.js';
import { migrate } from '../../server/data/migrate.js';
import { loadEnv } from '../../server/env.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { hasDemoData, seedDemo } from '../../server/seed/ombaro/seedDemo.js';
import { ApiClient } from '../support/httpClient.js';

/**
 * API throughput on the demo data. BENCH_SCALE multiplies the seeded
 * volume (default 1); with DATABASE_URL it measures that (already seeded) database.
 * Prints figures; asserts nothing — performance targets live here, not in tests.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'));
if (dataDir) chmodSync(dataDir, 0o755); // initdb runs as the postgres user
const pg = dataDir ? await startEmbeddedPostgres(dataDir, 55999, false) : undefined;
const ownerUrl = process.env.DATABASE_URL ?? pg!.url('postgres');
const knex = createKnex(ownerUrl, { min: 0, max: 20 });
try {
  await migrate(knex, ['core', 'ombaro']);
  if (!(await hasDemoData(knex))) {
    const started = Date.now();
    await seedDemo(knex, { scale });
    console.log(`seeded scale ${scale} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await knex.raw('ANALYZE');
  const schema = await loadSchemaModel(knex);
  // As in production: the data API logs in as the authenticator and runs under RLS.
  const apiKnex = (await hasAuthenticator(knex)) ? createKnex(authenticatorUrl(ownerUrl, await enableAuthenticatorLogin(knex)), { min: 0, max: 20 }) : knex;
  const app = createApp({ knex, apiKnex, env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), schema, logger: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  // A vendor sees its own rows only: CASL's WHERE and the RLS own-row policy both apply.
  const vendor = new ApiClient(api.baseUrl);
  await vendor.login(demoEmail('vendor'), DEMO_PASSWORD);
  const { rows } = await knex.raw('SELECT count(*)::int AS n FROM bookings');
  console.log(`bookings: ${rows[0].n} rows; ${concurrency} concurrent clients, ${seconds} s per case\n`);

  const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));
  const [booking] = (await api.get(`/api/bookings?range=${enc([0, 0])}`)).json;
  const cases: Record<string, [ApiClient, string]> = Object.fromEntries(Object.entries({
    'list bookings, page 1 (default sort)': `/api/bookings?range=${enc([0, 24])}`,
    'list bookings, status filter': `/api/bookings?range=${enc([0, 24])}&filter=${enc({ status: 'completed' })}`,
    'list bookings, date range + sort': `/api/bookings?range=${enc([0, 24])}&sort=${enc(['booking_date', 'DESC'])}&filter=${enc({ booking_date_gte: '2026-06-01', booking_date_lte: '2026-06-30' })}`,
    'list bookings, q search': `/api/bookings?range=${enc([0, 24])}&filter=${enc({ q: 'OBO-2026' })}`,
    'list bookings, page 200': `/api/bookings?range=${enc([4975, 4999])}`,
    'getOne booking': `/api/bookings/${booking.id}`,
    'getManyReference vendor bookings': `/api/bookings?range=${enc([0, 24])}&filter=${enc({ vendor_id: booking.vendor_id })}`,
  }).map(([label, url]) => [label, [api, url] as [ApiClient, string]]));
  cases['vendor: own bookings, page 1'] = [vendor, `/api/bookings?range=${enc([0, 24])}`];
  cases['vendor: own bookings, status filter'] = [vendor, `/api/bookings?range=${enc([0, 24])}&filter=${enc({ status: 'completed' })}`];
  console.log('case'.padEnd(40), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const [label, [client, url]] of Object.entries(cases)) {
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          const t = performance.now();
          const res = await client.get(url);
          if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.floor(latencies.length * p)]!.toFixed(1);
    console.log(label.padEnd(40), (latencies.length / seconds).toFixed(0).padStart(8), pct(0.5).padStart(8), pct(0.95).padStart(8));
  }

  // Export: every booking as CSV, as super_admin (COPY streamed to the response). The body is
  // read and dropped as it arrives, so the RSS measured is the server's streaming, not a copy.
  console.log('\n' + 'export (all bookings, CSV)'.padEnd(40), 'rows/s'.padStart(10), 's'.padStart(7), 'MB'.padStart(7), 'peak RSS +MB'.padStart(13));
  for (let run = 1; run <= Number(process.env.BENCH_EXPORT_RUNS ?? 3); run++) {
    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    const started = performance.now();
    const res = await fetch(`${api.baseUrl}/api/bookings?format=csv`, { headers: { cookie: api.cookieHeader } });
    if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
    let bytes = 0;
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    console.log(
      `run ${run}`.padEnd(40),
      (rows[0].n / elapsed).toFixed(0).padStart(10),
      elapsed.toFixed(2).padStart(7),
      (bytes / 1e6).toFixed(1).padStart(7),
      ((peak - before) / 1e6).toFixed(1).padStart(13),
    );
  }
  server.close();
  if (apiKnex !== knex) await apiKnex.destroy();
} finally {
  await knex.destroy();
  await pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
