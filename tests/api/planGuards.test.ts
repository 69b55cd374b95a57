import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { authenticatorUrl } from '../../server/data/apiConnection.js';
import { TEST_AUTHENTICATOR_PASSWORD } from '../support/globalSetup.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { traceRequests, type RequestTrace } from '../support/roundTrips.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The plans of scoped, filtered, sorted pages on a table of a million rows: each is read from
 * an index in the list's order — no sort of all the matching rows, no bitmap AND of two indexes —
 * whatever the caller's row scope. The statements are the ones the API sent, explained in the
 * caller's own transaction (their identity set, as the data API's login), so row security's
 * conditions are in the plan as they are when the page is read.
 */
let server: TestServer;
const traces: RequestTrace[] = [];
const ROWS = 1_000_000;

beforeAll(async () => {
  server = await startTestServer();
  const knex = server.db.knex;
  const { rows } = await knex.raw('SELECT count(*)::int AS n FROM bookings');
  const copies = Math.ceil(ROWS / rows[0].n) - 1;
  // Indexes are built after the rows, as a bulk load would: maintaining them row by row takes twice as long.
  await knex.transaction(async (trx) => {
    const { rows: indexes } = await trx.raw(
      `SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public' AND tablename = 'bookings'
         AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const i of indexes) await trx.raw(`DROP INDEX public.??`, [i.indexname]);
    await trx.raw('ALTER TABLE bookings DISABLE TRIGGER ALL');
    await trx.raw(`SET LOCAL maintenance_work_mem = '256MB'`);
    await trx.raw(
      `INSERT INTO bookings (booking_number, customer_id, vendor_id, booking_type, service_location, booking_date, booking_time, status, payment_status, created_at, updated_at)
       SELECT b.booking_number || '-' || g, b.customer_id, b.vendor_id, b.booking_type, b.service_location, b.booking_date, b.booking_time,
              b.status, b.payment_status, b.created_at - make_interval(days => g), b.updated_at
         FROM bookings b, generate_series(1, ?) g`,
      [copies],
    );
    for (const i of indexes) await trx.raw(i.indexdef);
    await trx.raw('ALTER TABLE bookings ENABLE TRIGGER ALL');
  });
  await knex.raw('ANALYZE bookings');
  traceRequests(server.http, (t) => traces.push(t));
}, 300_000);
afterAll(() => server?.close());

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The plan of the page a request read, as its caller's transaction would run it. */
async function planOfPage(role: string, path: string): Promise<PlanNode[]> {
  const api = new ApiClient(server.url);
  await api.login(demoEmail(role), DEMO_PASSWORD);
  traces.length = 0;
  const res = await api.get(path);
  expect(res.status, res.text).toBe(200);
  expect(res.json.length).toBeGreaterThan(0);
  // The sign-in's own trace may arrive after the reset: this request's is the one for its URL.
  const traced = () => traces.find((t) => t.method === 'GET' && t.url === path);
  await expect.poll(traced).toBeDefined();
  const { statements } = traced()!;
  const session = statements.find((s) => s.name);
  // The page, not the capped count that may ride with it.
  const page = statements.find((s) => /^select\b/i.test(s.text) && !/^select count\b/i.test(s.text) && /\blimit\b/i.test(s.text));
  expect(session && page, 'the session statement and the page').toBeTruthy();
  const client = new pg.Client({ connectionString: authenticatorUrl(server.db.url, TEST_AUTHENTICATOR_PASSWORD) });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query({ text: session!.text, values: session!.values });
    const { rows } = await client.query({ text: `EXPLAIN (FORMAT JSON) ${page!.text}`, values: page!.values });
    return nodesOf((rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const readInOrder = (nodes: PlanNode[]) => {
  const types = nodes.map((n) => n['Node Type']);
  // An incremental sort is allowed: the index gives the list's order and it only orders rows of
  // equal time by the key that makes paging deterministic, a handful at a time under the LIMIT.
  expect(types, JSON.stringify(types)).not.toContain('Sort');
  expect(types, JSON.stringify(types)).not.toContain('BitmapAnd');
  expect(types.some((t) => t === 'Index Scan' || t === 'Index Only Scan'), JSON.stringify(types)).toBe(true);
};

describe(`pages of ${ROWS.toLocaleString('en')} bookings`, () => {
  it('a vendor’s own, newest first: from the scope’s index', async () => {
    const nodes = await planOfPage('vendor', `/api/bookings${q({ range: [0, 24], sort: ['created_at', 'DESC'] })}`);
    readInOrder(nodes);
    expect(nodes.map((n) => n['Index Name']).filter(Boolean)).toContain('bookings_vendor_id_created_at_idx');
  });

  it('a vendor’s own in one status, newest first', async () => {
    readInOrder(await planOfPage('vendor', `/api/bookings${q({ range: [0, 24], sort: ['created_at', 'DESC'], filter: { status: 'completed' } })}`));
  });

  it('a customer’s own, newest first: from the scope’s index', async () => {
    const nodes = await planOfPage('customer', `/api/bookings${q({ range: [0, 24], sort: ['created_at', 'DESC'] })}`);
    readInOrder(nodes);
    expect(nodes.map((n) => n['Index Name']).filter(Boolean)).toContain('bookings_customer_id_created_at_idx');
  });

  it('everyone’s, newest first, for a department that reads them all', async () => {
    readInOrder(await planOfPage('super_admin', `/api/bookings${q({ range: [0, 24], sort: ['created_at', 'DESC'] })}`));
  });
});
