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
import { drainingGet } from './drainingGet.js';
import { freePort } from '../support/freePort.js';
import type { ServerStats } from './benchServer.js';
import type { RequestTrace } from '../support/roundTrips.js';
import { pipelinedClient, replay } from './replay.js';

/**
 * API throughput on the demo data. BENCH_SCALE multiplies the seeded volume (default 1); with
 * DATABASE_URL it measures that (already seeded) database. The server runs in a process of its
 * own (benchServer.ts), so what it costs is its own: for each case, at 1 and at
 * BENCH_CONCURRENCY clients, the rate, p50 and p99, the server's CPU time per request, the
 * statements it sent and the round trips its answer waited for. Beside it, in the same run, the
 * same statements (captured from a request of the case) sent by a bare Node `http` + `pg`
 * server in the same round trips (bareServer.ts), and sent all at once straight to the database
 * over as many connections (the SQL ceiling), both as the API's database login; the ratios
 * are Gatehouse's rate over theirs. Prints figures; asserts nothing — performance targets
 * live here, not in tests.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** Unmeasured load before each measured one, so that a case is timed warm (JIT-compiled), not on its first calls. */
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const acceptEncoding = process.env.BENCH_ACCEPT_ENCODING ?? 'gzip, deflate, br';

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'));
if (dataDir) chmodSync(dataDir, 0o755); // initdb runs as the postgres user
// A port of its own: a fixed one may still be held by the database of a bench that was killed.
const pg = dataDir ? await startEmbeddedPostgres(dataDir, await freePort(), false) : undefined;
const ownerUrl = process.env.DATABASE_URL ?? pg!.url('postgres');
const knex = createKnex(ownerUrl, { min: 0, max: 20 });
let server: ChildProcess | undefined;
let bare: ChildProcess | undefined;

/** Sends a child process a message and waits for its answer. */
const ask = <T>(child: ChildProcess, message: unknown): Promise<T> =>
  new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message as string);
  });
/** The server's counters, once the requests before have reported (a trace reports just after its answer). */
const statsOf = async (child: ChildProcess): Promise<ServerStats> => {
  await new Promise((r) => setTimeout(r, 50));
  return ask<ServerStats>(child, 'stats');
};
const here = path.dirname(fileURLToPath(import.meta.url));

/** `clients` loops calling `once` for `duration` seconds: how many calls, and their latencies (ms), sorted. */
async function load(clients: number, once: (loop: number) => Promise<void>, duration = seconds): Promise<number[]> {
  const latencies: number[] = [];
  const until = Date.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, loop) => {
      while (Date.now() < until) {
        const t = performance.now();
        await once(loop);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

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
  const childEnv = { ...process.env, BENCH_OWNER_URL: ownerUrl, ...(apiUrl ? { BENCH_API_URL: apiUrl } : {}) };
  const child = (server = fork(path.join(here, 'benchServer.ts'), { env: childEnv }));
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
    'getMany 25 bookings': `/api/bookings?filter=${enc({ id: ((await api.get(`/api/bookings?range=${enc([100, 124])}`)).json as { id: string }[]).map((b) => b.id) })}`,
    'getManyReference vendor bookings': `/api/bookings?range=${enc([0, 24])}&filter=${enc({ vendor_id: booking.vendor_id })}`,
    '/api/meta (super_admin)': '/api/meta',
  }).map(([label, url]) => [label, [api, url] as [ApiClient, string]]));
  cases['vendor: own bookings, page 1'] = [vendor, `/api/bookings?range=${enc([0, 24])}`];
  cases['vendor: own bookings, status filter'] = [vendor, `/api/bookings?range=${enc([0, 24])}&filter=${enc({ status: 'completed' })}`];
  // One request of each case, as the server sent it: what the bare server and the ceiling replay.
  const traces: RequestTrace[] = [];
  for (const [label, [client, url]] of Object.entries(cases)) {
    await ask(child, 'trace next');
    const res = await client.get(url);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
    await new Promise((r) => setTimeout(r, 50));
    traces.push((await ask<{ trace: RequestTrace }>(child, 'trace')).trace);
  }
  const bareChild = (bare = fork(path.join(here, 'bareServer.ts'), { env: childEnv }));
  const barePort = (await new Promise<{ port: number }>((resolve) => bareChild.once('message', (m) => resolve(m as { port: number })))).port;
  await ask(bareChild, { traces });
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const sqlClients = await Promise.all(Array.from({ length: concurrency }, () => pipelinedClient(apiUrl ?? ownerUrl)));

  const columns: [string, number][] = [
    ['case', -38], ['clients', 7], ['req/s', 7], ['p50 ms', 7], ['p99 ms', 7], ['CPU µs/req', 10], ['stmts/req', 9], ['trips/req', 9],
    ['bare req/s', 10], ['×bare', 6], ['SQL tx/s', 8], ['×SQL', 6],
  ];
  const row = (cells: (string | number)[]) =>
    console.log(cells.map((c, i) => (columns[i]![1] < 0 ? String(c).padEnd(-columns[i]![1]) : String(c).padStart(columns[i]![1]))).join(' '));
  row(columns.map(([name]) => name));
  for (const [i, [label, [client, url]]] of Object.entries(cases).entries()) {
    const trace = traces[i]!;
    const gatehouseOnce = async () => {
      const res = await drainingGet(client.baseUrl, url, { cookie: client.cookieHeader, 'accept-encoding': acceptEncoding });
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
    };
    const bareOnce = async () => {
      const res = await drainingGet(bareUrl, `/${i}`, { 'accept-encoding': acceptEncoding });
      if (res.status !== 200) throw new Error(`${label}, bare: ${res.status} ${res.text}`);
    };
    const sqlOnce = async (loop: number) => void (await replay(sqlClients[loop]!, trace, false));
    for (const clients of [...new Set([1, concurrency])]) {
      await load(clients, gatehouseOnce, warmupSeconds);
      const before = await statsOf(child);
      const latencies = await load(clients, gatehouseOnce);
      const after = await statsOf(child);
      await load(clients, bareOnce, warmupSeconds);
      const bareRuns = await load(clients, bareOnce);
      await load(clients, sqlOnce, warmupSeconds);
      const sqlRuns = await load(clients, sqlOnce);
      const n = latencies.length;
      const pct = (p: number) => latencies[Math.min(n - 1, Math.floor(n * p))]!.toFixed(1);
      const rate = n / seconds;
      row([
        label, clients, rate.toFixed(0), pct(0.5), pct(0.99),
        ((after.cpuMicros - before.cpuMicros) / n).toFixed(0),
        ((after.statements - before.statements) / n).toFixed(1),
        ((after.trips - before.trips) / n).toFixed(1),
        (bareRuns.length / seconds).toFixed(0), (rate / (bareRuns.length / seconds)).toFixed(2),
        (sqlRuns.length / seconds).toFixed(0), (rate / (sqlRuns.length / seconds)).toFixed(2),
      ]);
    }
  }
  await Promise.all(sqlClients.map((c) => c.end()));

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
  for (const childProcess of [server, bare]) {
    if (!childProcess?.connected) continue;
    childProcess.send('stop');
    await new Promise((r) => childProcess.once('exit', r));
  }
  await knex.destroy();
  await pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
