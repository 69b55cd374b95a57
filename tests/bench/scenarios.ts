import { fork, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { startEmbeddedPostgres } from '../../server/data/embeddedPostgres.js';
import { authenticatorUrl, enableAuthenticatorLogin, hasAuthenticator } from '../../server/data/apiConnection.js';
import { createKnex } from '../../server/data/knex.js';
import { migrate } from '../../server/data/migrate.js';
import { hasDemoData, seedDemo } from '../../server/seed/ombaro/seedDemo.js';
import { ApiClient } from '../support/httpClient.js';
import type { ServerStats } from './benchServer.js';

/**
 * API throughput on the demo data. BENCH_SCALE multiplies the seeded volume (default 1); with
 * DATABASE_URL it measures that (already seeded) database. The server runs in a process of its
 * own (benchServer.ts), so what it costs is its own: for each case, at 1 and at
 * BENCH_CONCURRENCY clients, the rate, p50 and p99, the server's CPU time per request and the
 * statements it sent per request (each a round trip to the database).
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
let server: ChildProcess | undefined;

/** Asks the server process for its counters. */
const statsOf = (child: ChildProcess): Promise<ServerStats> =>
  new Promise((resolve) => {
    child.once('message', (m) => resolve(m as ServerStats));
    child.send('stats');
  });

try {
  await migrate(knex, ['core', 'ombaro']);
  if (!(await hasDemoData(knex))) {
    const started = Date.now();
    await seedDemo(knex, { scale });
    console.log(`seeded scale ${scale} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await knex.raw('ANALYZE');
  // As in production: the data API logs in as the authenticator and runs under RLS.
  const apiUrl = (await hasAuthenticator(knex)) ? authenticatorUrl(ownerUrl, await enableAuthenticatorLogin(knex)) : undefined;
  const child = (server = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'benchServer.ts'), {
    env: { ...process.env, BENCH_OWNER_URL: ownerUrl, ...(apiUrl ? { BENCH_API_URL: apiUrl } : {}) },
  }));
  const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })));
  const api = new ApiClient(`http://127.0.0.1:${port}`);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  // A vendor sees its own rows only: CASL's WHERE and the RLS own-row policy both apply.
  const vendor = new ApiClient(api.baseUrl);
  await vendor.login(demoEmail('vendor'), DEMO_PASSWORD);
  const { rows } = await knex.raw('SELECT count(*)::int AS n FROM bookings');
  console.log(`bookings: ${rows[0].n} rows; ${seconds} s per case and level of concurrency\n`);

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
    '/api/meta (super_admin)': '/api/meta',
  }).map(([label, url]) => [label, [api, url] as [ApiClient, string]]));
  cases['vendor: own bookings, page 1'] = [vendor, `/api/bookings?range=${enc([0, 24])}`];
  cases['vendor: own bookings, status filter'] = [vendor, `/api/bookings?range=${enc([0, 24])}&filter=${enc({ status: 'completed' })}`];
  console.log('case'.padEnd(40), 'clients'.padStart(7), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'CPU µs/req'.padStart(11), 'stmts/req'.padStart(10));
  for (const [label, [client, url]] of Object.entries(cases)) {
    for (const clients of [...new Set([1, concurrency])]) {
      const latencies: number[] = [];
      const before = await statsOf(child);
      const until = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (Date.now() < until) {
            const t = performance.now();
            const res = await client.request('GET', url, undefined, { 'accept-encoding': process.env.BENCH_ACCEPT_ENCODING ?? 'gzip, deflate, br' });
            if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
            latencies.push(performance.now() - t);
          }
        }),
      );
      const after = await statsOf(child);
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
      const n = latencies.length;
      console.log(
        label.padEnd(40),
        String(clients).padStart(7),
        (n / seconds).toFixed(0).padStart(8),
        pct(0.5).padStart(8),
        pct(0.99).padStart(8),
        ((after.cpuMicros - before.cpuMicros) / n).toFixed(0).padStart(11),
        ((after.statements - before.statements) / n).toFixed(1).padStart(10),
      );
    }
  }

  // Export: every booking as CSV, as super_admin (COPY streamed to the response). The body is
  // read and dropped as it arrives; the memory measured is the server process's.
  console.log('\n' + 'export (all bookings, CSV)'.padEnd(40), 'rows/s'.padStart(10), 's'.padStart(7), 'MB'.padStart(7), 'server RSS +MB'.padStart(15));
  for (let run = 1; run <= Number(process.env.BENCH_EXPORT_RUNS ?? 3); run++) {
    const before = (await statsOf(child)).rss;
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await statsOf(child)).rss);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    const res = await fetch(`${api.baseUrl}/api/bookings?format=csv`, { headers: { cookie: api.cookieHeader } });
    if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
    let bytes = 0;
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    const elapsed = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    console.log(
      `run ${run}`.padEnd(40),
      (rows[0].n / elapsed).toFixed(0).padStart(10),
      elapsed.toFixed(2).padStart(7),
      (bytes / 1e6).toFixed(1).padStart(7),
      ((peak - before) / 1e6).toFixed(1).padStart(15),
    );
  }
} finally {
  if (server?.connected) {
    server.send('stop');
    await new Promise((r) => server!.once('exit', r));
  }
  await knex.destroy();
  await pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
