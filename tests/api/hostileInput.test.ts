import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { MAX_JSON_DEPTH } from '../../server/http/hostileInput.js';
import { httpErrorFromPg, STATUS_BY_SQLSTATE } from '../../server/http/pgErrors.js';
import type { FieldKind, Meta, ResourceMeta } from '../../server/meta/types.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Input no form would send, sent on purpose: each is refused with a 400 naming the field (or
 * the part of the request) at fault, never a 500, never silently changed, and nothing is written.
 */
let server: TestServer;
let api: ApiClient;
let meta: Meta;
/** A table the administrator may write that has a text, a json and a boolean column. */
let target: ResourceMeta;
/** One with a date column. */
let dated: ResourceMeta;
const fieldOf = (kind: FieldKind, resource = target) => resource.fields.find((f) => f.kind === kind && !f.readOnly && !f.reference)!.name;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  meta = (await api.get('/api/meta')).json;
  const has = (r: ResourceMeta, kind: FieldKind) => r.fields.some((f) => f.kind === kind && !f.readOnly && !f.reference);
  const writable = (r: ResourceMeta, kinds: FieldKind[]) => !r.readOnly && r.actions.includes('update') && kinds.every((k) => has(r, k));
  target = meta.resources.find((r) => writable(r, ['text', 'json', 'boolean']))!;
  dated = meta.resources.find((r) => writable(r, ['date']))!;
});
afterAll(() => server.close());

const rowsOf = async () => {
  const { rows } = await server.db.knex.raw(`SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest, count(*)::int AS n FROM "${target.schema}"."${target.table}" t`);
  return rows[0];
};

/** The one record every update below aims at. */
const firstId = async (resource = target) => String((await api.get(`/api/${resource.name}${q({ range: [0, 0] })}`)).json[0].id);

describe('hostile input', () => {
  it('refuses text and JSON that PostgreSQL cannot store or that would be changed on the way, naming the field', async () => {
    const before = await rowsOf();
    const id = await firstId();
    const text = fieldOf('text');
    const json = fieldOf('json');
    const cases: [unknown, string][] = [
      [{ [text]: 'a\u0000b' }, text],
      [{ [json]: { note: 'a\u0000b' } }, json],
      [{ [json]: { 'k\u0000': 1 } }, json],
      [{ [text]: 'lone \ud800 surrogate' }, text],
      [{ [text]: 'lone \udc00 surrogate' }, text],
      [{ [json]: ['\ud83d'] }, json],
    ];
    for (const [body, field] of cases) {
      for (const [method, path] of [['PUT', `/api/${target.name}/${encodeURIComponent(id)}`], ['POST', `/api/${target.name}`]] as const) {
        const res = await api.request(method, path, body);
        expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(400);
        expect(Object.keys(res.json.errors ?? {}), `${method} ${JSON.stringify(body)}`).toEqual([field]);
      }
    }
    expect(await rowsOf()).toEqual(before);
    // A surrogate pair (one emoji) is text like any other.
    const emoji = await api.put(`/api/${target.name}/${encodeURIComponent(id)}`, { [text]: 'ok \ud83d\ude00' });
    expect(emoji.status).toBe(200);
    expect(emoji.json[text]).toBe('ok 😀');
  });

  it('refuses prototype keys in bodies and filters instead of dropping them and applying the rest', async () => {
    const before = await rowsOf();
    const id = await firstId();
    const text = fieldOf('text');
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const raw = `{"${key}": {"polluted": true}, "${text}": "changed by a hostile body"}`;
      const res = await api.request('PUT', `/api/${target.name}/${encodeURIComponent(id)}`, raw);
      expect(res.status, key).toBe(400);
      expect(res.json.errors, key).toHaveProperty([key]);
      const filtered = await api.get(`/api/${target.name}?filter=${encodeURIComponent(`{"${key}": {"x": 1}}`)}`);
      expect(filtered.status, key).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await rowsOf()).toEqual(before);
  });

  it('refuses NUL characters and lone surrogates in searches, filters, exports and summaries', async () => {
    const text = fieldOf('text');
    const paths = [
      `/api/${target.name}${q({ filter: { q: 'a\u0000' } })}`,
      `/api/${target.name}${q({ filter: { [text]: 'a\u0000' } })}`,
      `/api/${target.name}${q({ filter: { [text]: '\ud800' } })}`,
      `/api/${target.name}?format=csv&filter=${encodeURIComponent(JSON.stringify({ q: 'x\u0000' }))}`,
      `/api/${target.name}?groupBy=${text}&filter=${encodeURIComponent(JSON.stringify({ [text]: 'x\u0000' }))}`,
      `/api/${target.name}?filter=${encodeURIComponent('{"q":"\\ud800"}')}`,
      `/api/${target.name}?q=%00`,
    ];
    for (const path of paths) {
      const res = await api.get(path);
      expect(res.status, path).toBe(400);
      expect(res.json.message, path).toBeTruthy();
    }
  });

  it('refuses JSON nested deeper than the limit before it reaches anything that recurses', async () => {
    const before = await rowsOf();
    const deep = `{"${fieldOf('json')}": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(deep.length).toBeLessThan(11_000);
    const res = await api.request('POST', `/api/${target.name}`, deep);
    expect(res.status).toBe(400);
    expect(res.json.message).toContain(`${MAX_JSON_DEPTH}`);
    expect(await rowsOf()).toEqual(before);
    const justInside = `{"${fieldOf('json')}": ${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    const id = await firstId();
    expect((await api.request('PUT', `/api/${target.name}/${encodeURIComponent(id)}`, justInside)).status).toBe(200);
    // (A filter's nesting is bounded by the URL's length first: 16 kB of headers.)
    const filter = await api.get(`/api/${target.name}?filter=${encodeURIComponent(`{"q": ${'['.repeat(MAX_JSON_DEPTH * 2)}${']'.repeat(MAX_JSON_DEPTH * 2)}}`)}`);
    expect(filter.status).toBe(400);
    expect(filter.json.message).toContain(`${MAX_JSON_DEPTH}`);
  });

  it('refuses a body whose Content-Encoding it does not carry, or one the server does not accept, with a 4xx', async () => {
    const id = await firstId();
    const path = `/api/${target.name}/${encodeURIComponent(id)}`;
    const body = JSON.stringify({ [fieldOf('text')]: 'encoded' });
    const send = (headers: Record<string, string>, payload: BodyInit) =>
      fetch(`${server.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: api.cookieHeader, 'x-csrf-token': api.cookie('gatehouse_csrf') ?? '', ...headers }, body: payload });
    const lying = await send({ 'content-encoding': 'gzip' }, body);
    expect(lying.status).toBe(400);
    expect((await lying.json()).message).toMatch(/gzip/i);
    const unknown = await send({ 'content-encoding': 'compress' }, body);
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).message).toMatch(/compress/);
    // What it says it is, it is: a gzip body is read.
    expect((await send({ 'content-encoding': 'gzip' }, gzipSync(body))).status).toBe(200);
  });

  it('refuses range operators on values without an order, and dates PostgreSQL cannot hold', async () => {
    const bool = fieldOf('boolean');
    const date = fieldOf('date', dated);
    for (const op of ['_gte', '_lte', '_gt', '_lt']) {
      const res = await api.get(`/api/${target.name}${q({ filter: { [`${bool}${op}`]: true } })}`);
      expect(res.status, op).toBe(400);
      expect(Object.keys(res.json.errors ?? {}), op).toEqual([`${bool}${op}`]);
    }
    const id = await firstId(dated);
    for (const value of ['0000-01-01', '5874898-01-01', '-4714-11-23', '2026-02-30']) {
      const res = await api.put(`/api/${dated.name}/${encodeURIComponent(id)}`, { [date]: value });
      expect(res.status, value).toBe(400);
      expect(Object.keys(res.json.errors ?? {}), value).toEqual([date]);
      const filtered = await api.get(`/api/${dated.name}${q({ filter: { [`${date}_gte`]: value } })}`);
      expect(filtered.status, value).toBe(400);
    }
  });
});

describe('the one table of SQLSTATEs a request can cause', () => {
  /** Raises `sql`'s error in the real database and maps it as a write would be. */
  const mapped = async (sql: string) => {
    const err = await server.db.knex.raw(sql).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err, sql).toBeDefined();
    return httpErrorFromPg(err as Parameters<typeof httpErrorFromPg>[0], server.schema, 'write')!;
  };

  it('maps every code it lists, raised by PostgreSQL itself, to the status it lists and a message without SQL', async () => {
    for (const [code, known] of Object.entries(STATUS_BY_SQLSTATE)) {
      const http = await mapped(`DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '${code}', MESSAGE = 'raised for the table'; END $$`);
      expect(http?.status, code).toBe(known.status);
      expect(http.message, code).toBeTruthy();
      expect(http.message, code).not.toMatch(/\bDO\b|RAISE|\$\$/);
    }
  });

  it('answers the input errors PostgreSQL raises for text, JSON, dates and time zones with a 400', async () => {
    const cases: [string, string][] = [
      ['22021', `SELECT convert_from('\\x00'::bytea, 'UTF8')`],
      ['22P05', `SELECT '{"a": "\\u0000"}'::jsonb`],
      ['22008', `SELECT '0000-01-01'::date`],
      ['22009', `SELECT '12:00+25'::timetz`],
    ];
    for (const [code, sql] of cases) {
      const err = await server.db.knex.raw(sql).then(() => undefined, (e: { code?: string }) => e);
      expect(err?.code, sql).toBe(code);
      expect((await mapped(sql)).status, sql).toBe(400);
    }
  });
});
