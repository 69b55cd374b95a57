import { randomUUID } from 'node:crypto';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type RaRecord } from 'ra-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import type { FieldMeta, Meta, ResourceMeta } from '../../server/meta/types.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The real ra-data-simple-rest client, as the SPA uses it, performs all nine dataProvider
 * methods on every resource of /api/meta. Nothing here names a table: rows to clone, keys
 * to pick and values to vary all come from the metadata and the data.
 */
let server: TestServer;
let meta: Meta;
let dp: DataProvider;
let calls = 0;

beforeAll(async () => {
  server = await startTestServer();
  const api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  meta = (await api.get('/api/meta')).json;
  const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    calls++;
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('cookie', api.cookieHeader);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
  dp = simpleRestProvider(`${server.url}/api`, httpClient);
});
afterAll(() => server.close());

/** Columns a write sets as sent; time stamps the database keeps itself are left out. */
const writableFields = (r: ResourceMeta) =>
  r.fields.filter((f) => !f.readOnly && !f.primaryKey && !(f.hasDefault && /^(created|updated)_at$/.test(f.name)));

/** A value unlike `value` that the column still accepts. */
function vary(field: FieldMeta, value: unknown, attempt: number): unknown {
  const n = attempt + 1;
  switch (field.kind) {
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'money': {
      const lo = field.min ?? 0;
      const hi = field.max ?? 1_000_000;
      return lo + ((Number(value ?? 0) - lo + 7 * n) % (hi - lo + 1));
    }
    case 'date':
      return new Date(Date.parse(String(value ?? '2026-01-01')) + 86_400_000 * 3 * n).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(Date.parse(String(value ?? '2026-01-01')) + 3_600_000 * n).toISOString();
    case 'uuid':
      return randomUUID();
    case 'enum':
      return field.choices![(field.choices!.indexOf(String(value)) + n) % field.choices!.length];
    default:
      return `${String(value ?? 'x')}-${randomUUID().slice(0, 6)}`.slice(0, field.maxLength ?? 200);
  }
}

/** A key value of `field` (a reference) that `resource` does not use yet. */
async function freeReference(resource: ResourceMeta, field: FieldMeta): Promise<unknown> {
  const target = field.reference!;
  for (let page = 1; page <= 20; page++) {
    const { data } = await dp.getList(target.resource, { pagination: { page, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    const candidates = data.map((row) => row[target.field]);
    const { data: taken } = await dp.getList(resource.name, {
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'id', order: 'ASC' },
      filter: { [field.name]: candidates },
    });
    const used = new Set(taken.map((row) => row[field.name]));
    const free = candidates.find((c) => !used.has(c));
    if (free !== undefined) return free;
    if (data.length < 100) break;
  }
  throw new Error(`no unused ${target.resource} left for ${resource.name}.${field.name}`);
}

/** A new record like `row`, with fresh values where the table wants them unique. */
async function cloneFor(resource: ResourceMeta, row: RaRecord): Promise<RaRecord> {
  const data: Record<string, unknown> = {};
  for (const f of resource.fields) {
    if (f.readOnly || (f.primaryKey && f.hasDefault)) continue;
    data[f.name] = row[f.name];
    if (f.primaryKey && f.reference) data[f.name] = await freeReference(resource, f);
    else if (f.primaryKey || f.unique) data[f.name] = vary(f, row[f.name], 0);
  }
  return data as RaRecord;
}

/** create, varying the fields a 400/409 names (composite unique keys) until it goes in. */
async function createLike(resource: ResourceMeta, row: RaRecord): Promise<RaRecord> {
  const data = await cloneFor(resource, row);
  for (let attempt = 0; ; attempt++) {
    try {
      return (await dp.create(resource.name, { data })).data;
    } catch (error) {
      const named = Object.keys((error as { body?: { errors?: object } }).body?.errors ?? {});
      if (attempt >= 8 || named.length === 0) throw error;
      for (const name of named) {
        const f = resource.fields.find((x) => x.name === name);
        if (!f) throw error;
        data[name] = f.reference && !f.primaryKey ? await otherReference(f, data[name]) : vary(f, data[name], attempt);
      }
    }
  }
}

/**
 * A record that may be deleted: a clone of `rows[0]`, or — where every key the table could
 * take is in use (one profile per user, one schedule per therapist and weekday) — `rows[spare]`
 * deleted and created again from its own values.
 */
async function deletableRecord(resource: ResourceMeta, rows: RaRecord[], spare: number): Promise<RaRecord> {
  try {
    return await createLike(resource, rows[0]!);
  } catch (error) {
    const row = rows[spare];
    if (!row) throw error;
    await dp.delete(resource.name, { id: row.id, previousData: row });
    const data = Object.fromEntries(resource.fields.filter((f) => !f.readOnly).map((f) => [f.name, row[f.name]]));
    return (await dp.create(resource.name, { data })).data;
  }
}

async function otherReference(field: FieldMeta, current: unknown): Promise<unknown> {
  const { data } = await dp.getList(field.reference!.resource, { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
  const others = data.map((r) => r[field.reference!.field]).filter((v) => v !== current);
  return others[Math.floor(Math.random() * others.length)];
}

describe('ra-data-simple-rest against every resource', () => {
  it('performs all nine dataProvider methods on every resource', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const resource of meta.resources) {
      const step = async (method: string, fn: () => Promise<void>) => {
        try {
          await fn();
        } catch (e) {
          const body = (e as { body?: unknown }).body;
          failures.push(`${resource.name} ${method}: ${(e as Error).message} ${body ? JSON.stringify(body) : ''}`);
        }
      };
      const { data: rows, total } = await dp.getList(resource.name, {
        pagination: { page: 1, perPage: 5 },
        sort: resource.defaultSort,
        filter: {},
      });
      expect(total, resource.name).toBeGreaterThanOrEqual(rows.length);
      checked++;
      if (resource.primaryKey.length === 0 || resource.readOnly || rows.length === 0) continue;
      const row = rows[0]!;
      await step('getOne', async () => expect((await dp.getOne(resource.name, { id: row.id })).data).toEqual(row));
      await step('getMany', async () => {
        const ids = rows.slice(0, 3).map((r) => r.id);
        expect((await dp.getMany(resource.name, { ids })).data.map((r) => r.id).sort()).toEqual([...ids].sort());
      });
      await step('getManyReference', async () => {
        const ref = resource.fields.find((f) => f.reference && row[f.name] !== null && row[f.name] !== undefined) ?? resource.fields.find((f) => f.name === resource.primaryKey[0])!;
        const { data } = await dp.getManyReference(resource.name, {
          target: ref.name, id: row[ref.name], pagination: { page: 1, perPage: 10 }, sort: resource.defaultSort, filter: {},
        });
        expect(data.length).toBeGreaterThan(0);
        expect(data.every((r) => r[ref.name] === row[ref.name])).toBe(true);
      });
      await step('update', async () => {
        const { data } = await dp.update(resource.name, { id: row.id, data: row, previousData: row });
        for (const f of writableFields(resource)) expect(data[f.name], f.name).toEqual(row[f.name]);
      });
      await step('updateMany', async () => {
        const f = writableFields(resource)[0];
        if (!f) return;
        const { data } = await dp.updateMany(resource.name, { ids: [row.id], data: { [f.name]: row[f.name] } });
        expect(data).toEqual([row.id]);
      });
      if (!resource.actions.includes('create')) continue;
      await step('create and delete', async () => {
        const created = await deletableRecord(resource, rows, 1);
        expect((await dp.delete(resource.name, { id: created.id, previousData: created })).data.id).toEqual(created.id);
      });
      await step('deleteMany', async () => {
        const a = await deletableRecord(resource, rows, 2);
        const b = await deletableRecord(resource, rows, 3);
        const { data } = await dp.deleteMany(resource.name, { ids: [a.id, b.id] });
        expect([...(data ?? [])].sort()).toEqual([a.id, b.id].sort());
        expect((await dp.getMany(resource.name, { ids: [a.id, b.id] })).data).toEqual([]);
      });
    }
    console.log(`ra-data-simple-rest: ${checked} resources, ${calls} HTTP calls, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(checked).toBe(meta.resources.length);
  });

  it('refuses writes to read-only resources with 4xx', async () => {
    for (const resource of meta.resources.filter((r) => r.readOnly)) {
      await expect(dp.create(resource.name, { data: {} })).rejects.toMatchObject({ status: 400 });
    }
  });
});
