import type { Knex } from 'knex';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { createKnex } from '../../server/data/knex.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Faults against the real PostgreSQL, each bounded to a few seconds: a backend killed under a
 * write, the pool exhausted, a statement or a transaction that runs too long. The request
 * concerned fails cleanly (503 with Retry-After, nothing written), the others go on.
 */
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const API_LOGIN = 'gatehouse_authenticator';

async function signedIn(s: TestServer): Promise<ApiClient> {
  const api = new ApiClient(s.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  return api;
}

/** A service row locked by another transaction (the owner's), so a write to it waits. */
async function lockedService(s: TestServer): Promise<{ id: string; description: string | null; release: () => Promise<void> }> {
  const lock: Knex.Transaction = await s.db.knex.transaction();
  const { rows } = await lock.raw(`SELECT id, description FROM public.services ORDER BY id LIMIT 1 FOR UPDATE`);
  return { ...rows[0], release: () => lock.rollback() };
}

/** The data API's backend waiting for that lock, once it is. */
async function waitingBackend(s: TestServer): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await s.db.knex.raw(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename = ? AND wait_event_type = 'Lock'`,
      [API_LOGIN],
    );
    if (rows[0]) return rows[0].pid as number;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the write never started waiting');
}

const descriptionOf = async (s: TestServer, id: string) => (await s.db.knex('public.services').where({ id }).first('description')).description as string | null;

describe('faults', () => {
  it('a backend killed during a write fails that request cleanly; the others go on, and no connection keeps a caller', async () => {
    server = await startTestServer();
    const api = await signedIn(server);
    const service = await lockedService(server);
    const write = api.put(`/api/services/${service.id}`, { description: 'written while the backend dies' });
    try {
      const pid = await waitingBackend(server);
      await server.db.knex.raw('SELECT pg_terminate_backend(?)', [pid]);
    } finally {
      await service.release();
    }
    const answer = await write;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBeTruthy();
    expect(answer.json.message).toMatch(/try again/);
    expect(await descriptionOf(server, service.id)).toBe(service.description);
    // The pool has let the dead connection go: the next requests are served.
    for (let n = 0; n < 6; n++) expect((await api.get('/api/services?range=[0,0]')).status).toBe(200);
    // Outside a request's transaction, no pooled connection carries anyone's identity.
    for (let n = 0; n < 5; n++) {
      const { rows } = await server.apiKnex.raw(`SELECT coalesce(current_setting('app.user_id', true), '') AS who, current_user AS login`);
      expect(rows[0]).toEqual({ who: '', login: API_LOGIN });
    }
  });

  it('an exhausted pool makes a request wait up to its bound, then answers 503; none hangs', async () => {
    server = await startTestServer({ env: { DB_POOL_MAX: '1', DB_POOL_WAIT_MS: '300' } });
    const api = await signedIn(server);
    const service = await lockedService(server);
    const write = api.put(`/api/services/${service.id}`, { description: 'waited for its lock' });
    let starved: Awaited<ReturnType<ApiClient['get']>>;
    const started = Date.now();
    try {
      await waitingBackend(server);
      starved = await api.get('/api/services?range=[0,0]');
    } finally {
      await service.release();
    }
    expect(starved.status).toBe(503);
    expect(starved.headers.get('retry-after')).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await write).status).toBe(200);
    expect((await api.get('/api/services?range=[0,0]')).status).toBe(200);
  });

  it('a statement running past the timeout is cancelled, answered 503, and writes nothing', async () => {
    server = await startTestServer({ env: { DB_STATEMENT_TIMEOUT_MS: '300' } });
    const api = await signedIn(server);
    const service = await lockedService(server);
    const answer = await api.put(`/api/services/${service.id}`, { description: 'too slow to be saved' }).finally(() => service.release());
    expect(answer.status).toBe(503);
    expect(answer.json.message).toMatch(/longer than the server allows/);
    expect(await descriptionOf(server, service.id)).toBe(service.description);
    expect((await api.get('/api/services?range=[0,0]')).status).toBe(200);
  });

  it('a transaction left idle is ended by PostgreSQL after the configured time', async () => {
    server = await startTestServer({ env: { DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '200' } });
    expect((await server.apiKnex.raw('SHOW idle_in_transaction_session_timeout')).rows[0].idle_in_transaction_session_timeout).toBe('200ms');
    const stuck = await server.apiKnex.transaction();
    await stuck.raw('SELECT 1');
    await new Promise((r) => setTimeout(r, 600));
    await expect(stuck.raw('SELECT 1')).rejects.toThrow();
    await stuck.rollback().catch(() => undefined);
    const api = await signedIn(server);
    expect((await api.get('/api/services?range=[0,0]')).status).toBe(200);
  });
});

describe('an audit trail that cannot be written', () => {
  it('rolls the whole write back, and says the server failed', async () => {
    server = await startTestServer();
    const api = await signedIn(server);
    const { rows } = await server.db.knex.raw(`SELECT id, description FROM public.services ORDER BY id LIMIT 1`);
    const before = rows[0] as { id: string; description: string | null };
    const trail = Number((await server.db.knex('public.audit_log').count({ n: '*' }))[0]!.n);
    // The trail's table gone from under its trigger: every audited write fails inside the database.
    await server.db.knex.raw('ALTER TABLE public.audit_log RENAME TO audit_log_away');
    try {
      const answer = await api.put(`/api/services/${before.id}`, { description: 'not without its audit record' });
      expect(answer.status).toBe(500);
      expect(answer.json.message).toMatch(/Nothing was saved/);
    } finally {
      await server.db.knex.raw('ALTER TABLE public.audit_log_away RENAME TO audit_log');
    }
    expect(await descriptionOf(server, before.id)).toBe(before.description);
    expect(Number((await server.db.knex('public.audit_log').count({ n: '*' }))[0]!.n)).toBe(trail);
    expect((await api.put(`/api/services/${before.id}`, { description: 'with its audit record' })).status).toBe(200);
    expect(Number((await server.db.knex('public.audit_log').count({ n: '*' }))[0]!.n)).toBe(trail + 1);
  });
});

describe('the database going away under load', () => {
  it('answers 503 while it is away, reconnects by itself, and loses no write it answered 2xx', async () => {
    server = await startTestServer();
    const api = await signedIn(server);
    // From outside the database, as whoever restarts it would be.
    const control = createKnex(inject('pgAdminUrl'), { min: 1, max: 1 });
    const name = server.db.name;
    const answered: { status: number; id?: string }[] = [];
    let stop = false;
    // Eight writers, each creating services as fast as they are answered.
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let n = 0; !stop; n++) {
        const res = await api.post('/api/services', { code: `FAULT-${w}-${n}-${Date.now()}`, name: 'Fault drill', category: 'wellness', base_price_60min: 1000 });
        answered.push({ status: res.status, id: res.json?.id });
      }
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      // As a restart looks to the server: every connection dies, and new ones are refused for a while.
      await control.raw(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await control.raw(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?`, [name]);
      await new Promise((r) => setTimeout(r, 700));
      await control.raw(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await new Promise((r) => setTimeout(r, 700));
    } finally {
      stop = true;
      await Promise.all(writers);
      await control.raw(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await control.destroy();
    }
    const statuses = [...new Set(answered.map((a) => a.status))].sort();
    expect(statuses.every((s) => s === 201 || s === 503), statuses.join()).toBe(true);
    expect(answered.some((a) => a.status === 503)).toBe(true);
    const created = answered.filter((a) => a.status === 201).map((a) => a.id!);
    expect(created.length).toBeGreaterThan(0);
    const present = await server.db.knex('public.services').whereIn('id', created).count({ n: '*' });
    expect(Number(present[0]!.n)).toBe(created.length);
    // Back to normal without a restart of the server.
    expect((await api.get('/api/services?range=[0,0]')).status).toBe(200);
  }, 30_000);
});
