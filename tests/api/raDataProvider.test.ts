import { randomUUID } from 'node:crypto';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type Identifier, type RaRecord } from 'ra-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import type { FieldMeta, Meta, ResourceMeta } from '../../server/meta/types.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer } from '../support/testServer.js';

/**
 * The real ra-data-simple-rest client — the one the SPA uses — performs all nine
 * dataProvider methods on every resource GET /api/meta lists. Nothing here names a table:
 * which rows to clone, which keys to pick and which values to vary all come from the
 * metadata and the data, so a new table (or another database) is covered as it is.
 *
 * The resource list must be known when vitest collects the tests (one test per resource),
 * so the server is started and /api/meta read by top-level await.
 */
const server = await startTestServer();
afterAll(() => server.close());
const api = new ApiClient(server.url);
await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
const meta: Meta = (await api.get('/api/meta')).json;

type Row = RaRecord & Record<string, unknown>;
/** What ra-core's fetchJson rejects with, plus the request we add for the failure report. */
interface ProviderError extends Error {
  status?: number;
  body?: { message?: string; errors?: Record<string, string> } | null;
  request?: string;
}

// ---------------------------------------------------------------------------------------
// The data provider: ra-data-simple-rest over fetchUtils.fetchJson, with the session cookie
// (a browser sends it by itself). Every HTTP request and every dataProvider call is counted.

let httpRequests = 0;
const providerCalls = new Map<string, number>();

async function httpClient(url: string, options: fetchUtils.Options = {}) {
  httpRequests++;
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set('cookie', api.cookieHeader);
  if (options.method && options.method !== 'GET') headers.set('x-csrf-token', api.cookie('gatehouse_csrf') ?? '');
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    const body = typeof options.body === 'string' ? ` ${options.body.slice(0, 400)}` : '';
    (error as ProviderError).request = `${options.method ?? 'GET'} ${decodeURIComponent(url.slice(server.url.length))}${body}`;
    throw error;
  }
}

const rawProvider = simpleRestProvider(`${server.url}/api`, httpClient);
const dp = Object.fromEntries(
  Object.entries(rawProvider).map(([method, fn]) => [
    method,
    (...args: unknown[]) => {
      providerCalls.set(method, (providerCalls.get(method) ?? 0) + 1);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
  ]),
) as DataProvider;

// ---------------------------------------------------------------------------------------
// Metadata helpers.

/** Time stamps the database keeps itself (a default, usually a trigger): the SPA's forms leave them alone too. */
const SYSTEM_STAMP = /^(created|updated|modified)_at$/;
const isStamp = (f: FieldMeta) => f.hasDefault && SYSTEM_STAMP.test(f.name);
/** Fields an update writes as sent, so an update with the record itself must give them back unchanged. */
const writableFields = (r: ResourceMeta) => r.fields.filter((f) => !f.readOnly && !f.primaryKey && !isStamp(f));
/** Read-only for the caller: no key, a read-only relation, or no update action (the audit trail). */
const listOnly = (r: ResourceMeta) => r.primaryKey.length === 0 || r.readOnly || !r.actions.includes('update');
const creatable = (r: ResourceMeta) => r.actions.includes('create');
const field = (r: ResourceMeta, name: string) => r.fields.find((f) => f.name === name);
const idPath = (r: ResourceMeta, id: Identifier) => `/api/${r.name}/${encodeURIComponent(String(id))}`;
const isMissing = (v: unknown) => v === null || v === undefined;

// ---------------------------------------------------------------------------------------
// Values: fresh ones for unique columns, other ones when a (composite) constraint refuses.

const suffix = () => randomUUID().slice(0, 8);
const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

function withSuffix(f: FieldMeta, value: unknown): string {
  const tail = `-${suffix()}`;
  const base = isMissing(value) ? 'test' : String(value);
  return base.slice(0, Math.max(0, (f.maxLength ?? 200) - tail.length)) + tail;
}

/** The numbers a column holds: its CHECK bounds, else its type's. */
function numberRange(f: FieldMeta): [number, number] {
  let hi: number;
  if (f.kind === 'integer') hi = 2_147_483_647;
  else if (f.kind === 'bigint') hi = Number.MAX_SAFE_INTEGER;
  else hi = f.precision !== undefined ? 10 ** (f.precision - (f.scale ?? 0)) - 1 : 1_000_000_000;
  return [Math.ceil(f.min ?? 0), Math.floor(Math.min(f.max ?? hi, hi))];
}
const randomInt = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const shiftDays = (date: unknown, days: number) =>
  new Date(Date.parse(String(isMissing(date) ? '2026-01-01' : date).slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A value of `f` unlike `value`. `fresh` (unique columns) asks for one nobody else is likely
 * to hold: a suffix, a large random number; otherwise any other admissible value will do.
 */
function vary(f: FieldMeta, value: unknown, fresh: boolean): unknown {
  switch (f.kind) {
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'money': {
      const [lo, hi] = numberRange(f);
      const current = Number(value);
      let n: number;
      if (fresh && hi - lo > 1000) n = randomInt(lo + Math.floor((hi - lo) / 2), hi);
      else if (Number.isFinite(current) && !isMissing(value)) {
        // A neighbour within the bounds (wrapping around), so a year stays a plausible year.
        n = current + randomInt(1, 30);
        if (n > hi) n = lo + ((n - lo) % (hi - lo + 1));
      } else n = randomInt(lo, hi);
      return f.kind === 'bigint' ? String(n) : n;
    }
    case 'date':
      return shiftDays(value, fresh ? randomInt(1000, 20_000) : randomInt(1, 60));
    case 'datetime':
      return new Date(Date.parse(String(value ?? '2026-01-01T00:00:00Z')) + randomInt(1, 10_000_000) * 1000).toISOString();
    case 'time':
      return `${String(randomInt(0, 23)).padStart(2, '0')}:${String(randomInt(0, 59)).padStart(2, '0')}:00`;
    case 'uuid':
      return randomUUID();
    case 'boolean':
      return !value;
    case 'enum': {
      const choices = f.choices ?? [];
      return pick(choices.filter((c) => c !== value)) ?? withSuffix(f, value);
    }
    default:
      return withSuffix(f, value);
  }
}

/** A plausible value of a required column, for a resource with no row to clone. */
function sample(f: FieldMeta): unknown {
  switch (f.kind) {
    case 'integer':
    case 'decimal':
    case 'money': {
      const [lo, hi] = numberRange(f);
      return Math.min(Math.max(1, lo), hi);
    }
    case 'bigint':
      return '1';
    case 'boolean':
      return false;
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'time':
      return '09:00:00';
    case 'datetime':
      return new Date().toISOString();
    case 'uuid':
      return randomUUID();
    case 'json':
      return {};
    case 'enum':
      return f.choices?.[0] ?? withSuffix(f, 'test');
    case 'array':
      return [];
    case 'inet':
      return '127.0.0.1';
    case 'interval':
      return '1 hour';
    default:
      return withSuffix(f, 'test');
  }
}

// ---------------------------------------------------------------------------------------
// References: target keys, found by paging the target resource with the data provider.

class NoFreeKey extends Error {}
const exhausted = new Set<string>();

/** A key of the resource `f` points at that `r` does not use in `f` yet (one-to-one keys). */
async function freeReference(r: ResourceMeta, f: FieldMeta): Promise<unknown> {
  const tag = `${r.name}.${f.name}`;
  if (exhausted.has(tag)) throw new NoFreeKey(`every ${f.reference!.resource} is already used by a ${r.name}`);
  const target = f.reference!;
  const perPage = 100;
  for (let page = 1; ; page++) {
    const { data } = await dp.getList(target.resource, { pagination: { page, perPage }, sort: { field: target.field, order: 'ASC' }, filter: {} });
    const candidates = data.map((row) => row[target.field]).filter((v) => !isMissing(v));
    if (candidates.length) {
      // When the column is the whole key, getMany asks exactly "which of these exist here?".
      const taken =
        r.primaryKey.length === 1 && r.primaryKey[0] === f.name
          ? (await dp.getMany(r.name, { ids: candidates as Identifier[] })).data
          : (await dp.getList(r.name, { pagination: { page: 1, perPage }, sort: { field: f.name, order: 'ASC' }, filter: { [f.name]: candidates } })).data;
      const used = new Set(taken.map((row) => row[f.name]));
      const free = candidates.find((c) => !used.has(c));
      if (free !== undefined) return free;
    }
    if (data.length < perPage) break;
  }
  exhausted.add(tag);
  throw new NoFreeKey(`every ${target.resource} is already used by a ${r.name}`);
}

/** Some key of the target resource other than `current`. */
async function otherReference(f: FieldMeta, current: unknown): Promise<unknown> {
  const target = f.reference!;
  const { data } = await dp.getList(target.resource, { pagination: { page: 1, perPage: 100 }, sort: { field: target.field, order: 'ASC' }, filter: {} });
  return pick(data.map((row) => row[target.field]).filter((v) => !isMissing(v) && v !== current));
}

// ---------------------------------------------------------------------------------------
// Creating records.

/** A create body cloned from `row`: what the SPA's create form would send for a copy of it. */
async function cloneOf(r: ResourceMeta, row: Row): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const f of r.fields) {
    // Read-only and database-kept columns are never sent; a key with a default (a serial, a
    // uuid) is the database's to choose. The wire `id` is not a field unless it is the key,
    // so building from the fields drops it when it is synthetic.
    if (f.readOnly || isStamp(f) || (f.primaryKey && f.hasDefault)) continue;
    let value = row[f.name];
    const single = f.unique || (f.primaryKey && r.primaryKey.length === 1);
    if (f.reference && (single || f.primaryKey)) value = await freeReference(r, f);
    else if (single && !isMissing(value)) value = vary(f, value, true);
    data[f.name] = value;
  }
  return data;
}

/** A create body for a resource that has no row to clone: its required columns only. */
async function sampleOf(r: ResourceMeta): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const f of r.fields.filter((x) => x.required)) {
    if (f.reference) data[f.name] = f.unique || f.primaryKey ? await freeReference(r, f) : await otherReference(f, undefined);
    else data[f.name] = sample(f);
  }
  return data;
}

/** Refusals a create was retried after, counted per resource, status and fields named. */
const retries = new Map<string, number>();

/**
 * dp.create; when the server refuses with 409/400 naming fields (a composite unique key,
 * a rule across rows), those fields get other values and it tries again. Every retry is
 * logged at the end, so a refusal that should not have happened stays visible.
 */
async function createWithRetries(r: ResourceMeta, data: Record<string, unknown>): Promise<Row> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await dp.create(r.name, { data })).data as Row;
    } catch (error) {
      const e = error as ProviderError;
      const named = Object.keys(e.body?.errors ?? {});
      if (attempt >= 8 || (e.status !== 409 && e.status !== 400) || named.length === 0) throw error;
      const reason = `${r.name}: ${e.status} on ${named.join(', ')}`;
      retries.set(reason, (retries.get(reason) ?? 0) + 1);
      for (const name of named) {
        const f = field(r, name);
        if (!f) throw error;
        data[name] = f.reference ? await otherReference(f, data[name]) : vary(f, data[name], Boolean(f.unique));
      }
    }
  }
}

const recycled = new Map<string, number>();

/**
 * A new record of `r` that may be deleted. Normally a clone of `template`. Where every key
 * the table can take is in use (e.g. one row per user and every user has one, or one row
 * per therapist and weekday and all are there), no new row can exist beside the old ones:
 * then an existing row from `spares` is deleted (itself a dp.delete that must succeed) and
 * created again from its own values, which is still a create the API must accept.
 */
async function newRecord(r: ResourceMeta, template: Row, spares: Row[]): Promise<Row> {
  try {
    return await createWithRetries(r, await cloneOf(r, template));
  } catch (error) {
    const full = error instanceof NoFreeKey || (error as ProviderError).status === 409;
    if (!full) throw error;
    while (spares.length) {
      const spare = spares.shift()!;
      try {
        await dp.delete(r.name, { id: spare.id, previousData: spare });
      } catch (e) {
        if ((e as ProviderError).status === 409) continue; // still referred to: try another
        throw e;
      }
      recycled.set(r.name, (recycled.get(r.name) ?? 0) + 1);
      const data = Object.fromEntries(r.fields.filter((f) => !f.readOnly).map((f) => [f.name, spare[f.name]]));
      return (await dp.create(r.name, { data })).data as Row;
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// Failure reporting: one line per failed step, naming the resource, the method, the request
// and the answer.

function describeError(error: unknown): string {
  const e = error as ProviderError;
  if (e.request) return `${e.request} -> ${e.status ?? '?'} ${JSON.stringify(e.body ?? e.message)}`;
  return String(e.message ?? e).replace(/\s+/g, ' ').slice(0, 800);
}

function stepper(r: ResourceMeta, failures: string[]) {
  return async <T>(method: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      failures.push(`${r.name} ${method}: ${describeError(error)}`);
      return undefined;
    }
  };
}

const visited = new Set<string>();
const skippedWrites: string[] = [];

describe('ra-data-simple-rest against every resource of /api/meta', () => {
  it.each(meta.resources.map((r) => ({ name: r.name, r })))('$name', async ({ r }) => {
    visited.add(r.name);
    const failures: string[] = [];
    const step = stepper(r, failures);

    // getList: page 1 of 5, in the resource's default order.
    const list = () =>
      dp.getList(r.name, { pagination: { page: 1, perPage: 5 }, sort: r.defaultSort, filter: {} }).then(({ data, total }) => {
        expect(data.length).toBeLessThanOrEqual(5);
        expect(total).toBeGreaterThanOrEqual(data.length);
        expect(new Set(data.map((x) => x.id)).size, 'ids are unique').toBe(data.length);
        return data as Row[];
      });
    let rows = await step('getList', list);
    if (!rows) return expect(failures, failures.join('\n')).toEqual([]);

    if (listOnly(r)) {
      // Read-only: nothing but reading. A write must be refused, and with a 4xx.
      const res = await api.put(idPath(r, rows[0]?.id ?? 1), rows[0] ?? {});
      if (res.status < 400 || res.status >= 500) failures.push(`${r.name} PUT (read-only): ${res.status} ${res.text.slice(0, 300)}`);
      return expect(failures, failures.join('\n')).toEqual([]);
    }

    if (rows.length === 0) {
      // Nothing to clone: create one record from the metadata alone, then read the list again.
      if (!creatable(r)) return expect.fail(`${r.name} is empty and cannot be created: nothing to exercise`);
      await step('create (first record of an empty resource)', async () => createWithRetries(r, await sampleOf(r)));
      rows = (await step('getList', list)) ?? [];
      if (rows.length === 0) return expect(failures, failures.join('\n')).toEqual([]);
    }
    const row = rows[0]!;

    await step('getOne', async () => {
      expect((await dp.getOne(r.name, { id: row.id })).data).toEqual(row);
    });

    await step('getMany', async () => {
      const ids = rows.map((x) => x.id);
      const { data } = await dp.getMany(r.name, { ids });
      expect(data.map((x) => x.id).sort()).toEqual([...ids].sort());
      for (const x of data) expect(x).toEqual(rows.find((y) => y.id === x.id));
    });

    await step('getManyReference', async () => {
      // The first reference holding a value; a resource without one (no foreign keys, or all
      // null here) is asked by its first key column instead, which is what a "referenced
      // by" list of a one-to-one child does.
      const ref =
        r.fields.find((f) => f.reference && !isMissing(row[f.name])) ??
        r.fields.find((f) => f.name === r.primaryKey[0] && f.name !== 'id') ??
        r.fields.find((f) => f.name === r.primaryKey[0])!;
      const value = ref.name === 'id' ? row.id : row[ref.name];
      const { data, total } = await dp.getManyReference(r.name, {
        target: ref.name,
        id: value as Identifier,
        pagination: { page: 1, perPage: 10 },
        sort: r.defaultSort,
        filter: {},
      });
      expect(data.length, `rows with ${ref.name} = ${String(value)}`).toBeGreaterThan(0);
      expect(total).toBeGreaterThanOrEqual(data.length);
      const wrong = data.filter((x) => (ref.name === 'id' ? x.id : x[ref.name]) !== value);
      expect(wrong, `rows whose ${ref.name} is not ${String(value)}`).toEqual([]);
    });

    await step('update', async () => {
      const { data } = await dp.update(r.name, { id: row.id, data: row, previousData: row });
      expect(data.id).toEqual(row.id);
      for (const f of writableFields(r)) expect(data[f.name], f.name).toEqual(row[f.name]);
      // What the update answered is what is stored.
      expect((await dp.getOne(r.name, { id: row.id })).data).toEqual(data);
    });

    await step('updateMany', async () => {
      const f = writableFields(r)[0];
      if (!f) throw new Error('no writable field to update');
      const { data } = await dp.updateMany(r.name, { ids: [row.id], data: { [f.name]: row[f.name] } });
      expect(data).toEqual([row.id]);
    });

    if (!creatable(r)) {
      // The metadata offers no create (the table needs a column the API never handles, such
      // as a password hash): the API must refuse it with a 4xx rather than fail. Without a
      // record of our own, delete and deleteMany would destroy referenced demo data: skipped.
      skippedWrites.push(r.name);
      await step('create (not offered)', async () => {
        const refused = await dp.create(r.name, { data: await cloneOf(r, row) }).then(
          () => undefined,
          (e: ProviderError) => e,
        );
        expect(refused?.status, 'create must be refused').toBeGreaterThanOrEqual(400);
        expect(refused?.status).toBeLessThan(500);
      });
      return expect(failures, failures.join('\n')).toEqual([]);
    }

    const spares = rows.slice(1);
    await step('create + delete', async () => {
      const created = await newRecord(r, row, spares);
      expect((await dp.getOne(r.name, { id: created.id })).data).toEqual(created);
      const { data } = await dp.delete(r.name, { id: created.id, previousData: created });
      expect(data).toEqual(created);
      expect((await dp.getMany(r.name, { ids: [created.id] })).data).toEqual([]);
    });

    await step('create x2 + deleteMany', async () => {
      const a = await newRecord(r, row, spares);
      const b = await newRecord(r, row, spares);
      const { data } = await dp.deleteMany(r.name, { ids: [a.id, b.id] });
      expect([...(data ?? [])].sort()).toEqual([a.id, b.id].sort());
      expect((await dp.getMany(r.name, { ids: [a.id, b.id] })).data).toEqual([]);
    });

    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('reports what it covered', () => {
    const calls = [...providerCalls.values()].reduce((a, b) => a + b, 0);
    const perMethod = [...providerCalls].map(([m, n]) => `${m} ${n}`).join(', ');
    const full = meta.resources.filter((r) => !listOnly(r) && creatable(r)).length;
    console.log(
      [
        `ra-data-simple-rest: ${visited.size} resources (${full} with all nine methods, ` +
          `${meta.resources.filter(listOnly).length} list-only, ${skippedWrites.length} not creatable: ${skippedWrites.join(', ') || 'none'})`,
        `${calls} dataProvider calls (${perMethod}), ${httpRequests} HTTP requests`,
        `records deleted and created again because every key was taken: ${[...recycled].map(([n, c]) => `${n} x${c}`).join(', ') || 'none'}`,
        `create retries after a refusal naming fields: ${[...retries].map(([reason, n]) => `\n  ${reason} (x${n})`).join('') || 'none'}`,
      ].join('\n'),
    );
    expect([...visited].sort()).toEqual(meta.resources.map((r) => r.name).sort());
  });
});

// ---------------------------------------------------------------------------------------

describe('bad writes on every resource', () => {
  const rowCount = async (r: ResourceMeta) => {
    const { rows } = await server.db.knex.raw('SELECT count(*)::int AS n FROM ??.??', [r.schema, r.table]);
    return rows[0].n as number;
  };

  it.each(meta.resources.map((r) => ({ name: r.name, r })))('$name: POST {} and PUT with garbage types answer 4xx, change nothing', async ({ r }) => {
    const problems: string[] = [];
    const before = await rowCount(r);
    const [row] = (await api.get(`/api/${r.name}?range=[0,0]`)).json as Row[];

    const empty = await api.post(`/api/${r.name}`, {});
    if (empty.status === 201 && creatable(r) && !r.fields.some((f) => f.required)) {
      // Every column optional: {} is a valid record. Not this schema's case; undone if it happens.
      await api.delete(idPath(r, empty.json.id));
    } else if (empty.status < 400 || empty.status >= 500) {
      problems.push(`POST /api/${r.name} {} -> ${empty.status} ${empty.text.slice(0, 300)}`);
    }

    const garbage = Object.fromEntries(r.fields.filter((f) => !f.readOnly && f.kind !== 'json').map((f) => [f.name, { nested: [1] }]));
    const path = idPath(r, row?.id ?? 1);
    const put = await api.put(path, garbage);
    if (put.status < 400 || put.status >= 500) problems.push(`PUT ${path} ${JSON.stringify(garbage).slice(0, 200)} -> ${put.status} ${put.text.slice(0, 300)}`);
    if (row && !listOnly(r)) {
      const after = await api.get(path);
      if (JSON.stringify(after.json) !== JSON.stringify(row)) problems.push(`PUT ${path}: the record changed`);
    }

    const after = await rowCount(r);
    if (after !== before) problems.push(`row count changed from ${before} to ${after}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
