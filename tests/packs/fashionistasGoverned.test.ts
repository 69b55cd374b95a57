import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { buildCases, compareEnforcers, signInEveryRole } from '../security/enforcers.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { demoServer } from '../support/demoServer.js';
import type { TestServer } from '../support/testServer.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/fashionistas/pack.json';
});

/**
 * Fashionistas: people hold roles through its roles / user_roles tables (the demo organiser is a
 * designer too: both roles' grants add up), organisers reach their own events and what hangs
 * off them, and a ticket order completes in one step.
 */
const fashionistas = (options: { rollbackWrites?: boolean } = {}) => demoServer('fashionistas', options.rollbackWrites ? { switches: { rollbackWrites: true } } : {});

describe('Fashionistas, governed by its pack', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await fashionistas({ rollbackWrites: true });
  }, 180_000);
  afterAll(() => server?.close());

  it('agree on every role x resource x action, for each role and for the organiser who also designs', async () => {
    const callers = await signInEveryRole(server.db.knex, server.url);
    // The demo organiser also designs: asked about as both.
    const both = callers.find((c) => c.role === 'organizer+designer')!;
    expect(both).toBeDefined();
    const cases = await buildCases(server.db.knex, callers, [...server.schema.resources.values()].filter((r) => r.schema === 'public'));
    const { disagreements } = await compareEnforcers(server.db.knex, cases);
    console.log(`fashionistas differential: ${cases.length} cases, ${disagreements.length} disagreements`);
    expect(cases.filter((c) => c.caller === both).length).toBeGreaterThan(50);
    expect(disagreements).toEqual([]);
  }, 600_000);
});

describe('an organiser of Fashionistas', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await fashionistas();
  }, 180_000);
  afterAll(() => server?.close());

  it("reaches the orders of their own events only, and completes a pending one in one step", async () => {
    const knex = server.db.knex;
    const organiser = new ApiClient(server.url);
    await organiser.login(demoEmail('organizer'), DEMO_PASSWORD);
    const me = (await organiser.get('/api/auth/me')).json as { id: string; roles: string[] };
    expect(me.roles).toEqual(expect.arrayContaining(['organizer', 'designer']));
    const { rows } = await knex.raw(
      `SELECT DISTINCT o.id::text AS id FROM orders o JOIN order_items i ON i.order_id = o.id JOIN ticket_types t ON t.id = i.ticket_type_id
         JOIN events e ON e.id = t.event_id WHERE e.organizer_id = ?`,
      [me.id],
    );
    const theirs = new Set((rows as { id: string }[]).map((r) => r.id));
    expect(theirs.size).toBeGreaterThan(0);
    const total = Number((await knex('orders').count({ n: '*' }))[0]!.n);
    expect(total).toBeGreaterThan(theirs.size);
    const listed = await organiser.get(`/api/orders${q({ range: [0, 999] })}`);
    expect(listed.status, listed.text).toBe(200);
    expect(new Set((listed.json as { id: string }[]).map((o) => o.id))).toEqual(theirs);

    const pending = (await knex('orders').whereIn('id', [...theirs]).where({ status: 'pending' }).first('id')) as { id: string };
    const done = await organiser.post(`/api/orders/${pending.id}/complete`, {});
    expect(done.status, done.text).toBe(200);
    const after = await knex('orders').where({ id: pending.id }).first('status', 'completed_at');
    expect(after.status).toBe('completed');
    expect(after.completed_at).not.toBeNull();
    const stranger = (await knex('orders').whereNotIn('id', [...theirs]).where({ status: 'pending' }).first('id')) as { id: string };
    expect((await organiser.post(`/api/orders/${stranger.id}/complete`, {})).status).toBe(404);
  });

  it('serves a partitioned table through its parent: every partition\'s rows, to marketing only, and never a partition alone', async () => {
    const marketing = new ApiClient(server.url);
    await marketing.login(demoEmail('marketing'), DEMO_PASSWORD);
    const meta = await marketing.get('/api/meta');
    const names = (meta.json.resources as { name: string }[]).map((r) => r.name);
    expect(names).toContain('sponsor_analytics_partitioned');
    expect(names.filter((n) => /_y20\d\dq\d$|_default$/.test(n))).toEqual([]);
    const listed = await marketing.get(`/api/sponsor_analytics_partitioned${q({ range: [0, 999], sort: ['date', 'ASC'] })}`);
    expect(listed.status, listed.text).toBe(200);
    const rows = listed.json as { id: string; date: string }[];
    const stored = Number((await server.db.knex('sponsor_analytics_partitioned').count({ n: '*' }))[0]!.n);
    expect(rows.length).toBe(stored);
    expect(new Set(rows.map((r) => r.date.slice(0, 4)))).toEqual(new Set(['2024', '2026']));
    const one = await marketing.get(`/api/sponsor_analytics_partitioned/${encodeURIComponent(rows[0]!.id)}`);
    expect(one.status, one.text).toBe(200);
    expect((await marketing.get('/api/sponsor_analytics_y2026q1')).status).toBe(404);
    expect((await marketing.put(`/api/sponsor_analytics_partitioned/${encodeURIComponent(rows[0]!.id)}`, { clicks: 1 })).status).toBe(403);
    const attendee = new ApiClient(server.url);
    await attendee.login(demoEmail('attendee'), DEMO_PASSWORD);
    expect((await attendee.get('/api/sponsor_analytics_partitioned')).status).toBe(403);
  });

  it('serves the integrations (API keys, webhooks, their logs) to the administrator only, their secrets never', async () => {
    const admin = new ApiClient(server.url);
    await admin.login(demoEmail('admin'), DEMO_PASSWORD);
    const keys = await admin.get(`/api/api_keys${q({ range: [0, 99] })}`);
    expect(keys.status, keys.text).toBe(200);
    const key = (keys.json as Record<string, unknown>[])[0]!;
    expect(key).toHaveProperty('key_prefix');
    expect(key).not.toHaveProperty('key_hash');
    const hooks = await admin.get(`/api/webhooks${q({ range: [0, 99] })}`);
    expect(hooks.status, hooks.text).toBe(200);
    const hook = (hooks.json as Record<string, unknown>[])[0]!;
    expect(hook).not.toHaveProperty('secret_key');
    const paused = await admin.put(`/api/webhooks/${hook.id as string}`, { is_active: false });
    expect(paused.status, paused.text).toBe(200);
    expect((paused.json as { is_active: boolean }).is_active).toBe(false);
    for (const resource of ['api_usage_logs_partitioned', 'audit_logs_partitioned', 'encryption_keys', 'webhook_delivery_logs']) {
      const listed = await admin.get(`/api/${resource}${q({ range: [0, 9] })}`);
      expect(listed.status, `${resource}: ${listed.text}`).toBe(200);
    }
    const marketing = new ApiClient(server.url);
    await marketing.login(demoEmail('marketing'), DEMO_PASSWORD);
    expect((await marketing.get('/api/api_keys')).status).toBe(403);
    expect((await marketing.get('/api/webhooks')).status).toBe(403);
  });
});
