import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Meta, ResourceMeta } from '../../server/meta/types.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { BACKROOM_FIXTURE, serveForeignDatabase } from '../support/foreignServer.js';
import type { TestServer } from '../support/testServer.js';

// Served as it is: no pack governs this database (administrator-only mode).
vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'none';
});

/**
 * Gatehouse pointed at a database it has never seen (the Backroom Leeds schema, seed 000):
 * it adds only its own objects, leaves every existing table as it was, and serves them all.
 */
const ADMIN = { email: 'owner@backroom.example', password: 'a long enough passphrase' };

let server: TestServer;
let api: ApiClient;
let meta: Meta;
let catalogBefore: unknown;

/** Everything PostgreSQL knows about the user's own schemas' tables, to prove nothing changed. */
async function catalogSnapshot(knex: Knex): Promise<unknown> {
  const { rows } = await knex.raw(`
    SELECT c.relname, c.relkind, c.relrowsecurity,
           (SELECT json_agg(json_build_object('n', a.attname, 't', format_type(a.atttypid, a.atttypmod), 'nn', a.attnotnull) ORDER BY a.attnum)
              FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
           (SELECT json_agg(pg_get_constraintdef(k.oid) ORDER BY k.conname) FROM pg_constraint k WHERE k.conrelid = c.oid) AS constraints,
           (SELECT json_agg(t.tgname ORDER BY t.tgname) FROM pg_trigger t WHERE t.tgrelid = c.oid) AS triggers,
           (SELECT json_agg(i.indexrelid::regclass::text ORDER BY 1) FROM pg_index i WHERE i.indrelid = c.oid) AS indexes,
           (SELECT json_agg(p.polname ORDER BY p.polname) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'auth', 'gatehouse') AND c.relkind IN ('r', 'p', 'v', 'm')
     ORDER BY n.nspname, c.relname`);
  return rows;
}


beforeAll(async () => {
  ({ server, api, meta } = await serveForeignDatabase(BACKROOM_FIXTURE, ADMIN, async (db) => {
    catalogBefore = await catalogSnapshot(db.knex);
  }));
});
afterAll(() => server?.close());

const find = (predicate: (r: ResourceMeta) => boolean, what: string): ResourceMeta => {
  const r = meta.resources.find(predicate);
  if (!r) throw new Error(`the fixture has no ${what}`);
  return r;
};

describe('a database Gatehouse has never seen', () => {
  it('gains only Gatehouse objects: every existing table is exactly as it was, no OMBARO table appears', async () => {
    expect(await catalogSnapshot(server.db.knex)).toEqual(catalogBefore);
    const names = meta.resources.map((r) => r.name);
    for (const ombaro of ['vendors', 'therapists', 'payment_settlements', 'user_profiles']) expect(names).not.toContain(ombaro);
    const { rows } = await server.db.knex.raw(`SELECT nspname FROM pg_namespace WHERE nspname IN ('auth', 'gatehouse') ORDER BY 1`);
    expect(rows.map((r: { nspname: string }) => r.nspname)).toEqual(['auth', 'gatehouse']);
  });

  it('lists every table and view without an error', async () => {
    const userResources = meta.resources.filter((r) => r.schema !== 'auth');
    expect(userResources.length).toBeGreaterThan(5);
    for (const r of userResources) {
      const res = await api.get(`/api/${r.name}${q({ range: [0, 9], sort: [r.defaultSort.field, r.defaultSort.order] })}`);
      expect(res.status, `${r.name}: ${res.text}`).toBe(200);
      expect(res.headers.get('content-range'), r.name).toMatch(/\/\d+$/);
    }
  });

  it('serves composite, text and bigint keys with full CRUD', async () => {
    const composite = find((r) => r.primaryKey.length > 1 && !r.readOnly, 'composite key');
    const textKey = find((r) => r.primaryKey.length === 1 && r.fields.find((f) => f.name === r.primaryKey[0])!.kind === 'text', 'text key');
    const bigKey = find((r) => r.primaryKey.length === 1 && r.fields.find((f) => f.name === r.primaryKey[0])!.kind === 'bigint', 'bigint key');
    for (const r of [composite, textKey, bigKey]) {
      const [row] = (await api.get(`/api/${r.name}${q({ range: [0, 0] })}`)).json;
      expect(row, r.name).toBeDefined();
      const one = await api.get(`/api/${r.name}/${encodeURIComponent(String(row.id))}`);
      expect(one.status, r.name).toBe(200);
      expect(one.json).toEqual(row);
      const many = await api.get(`/api/${r.name}${q({ filter: { id: [row.id] } })}`);
      expect(many.status, `${r.name}: ${many.text}`).toBe(200);
      expect(many.json.map((x: { id: unknown }) => x.id)).toEqual([row.id]);
      const writable = r.fields.find((f) => !f.readOnly && !f.primaryKey && ['text', 'longtext'].includes(f.kind) && !f.reference && !f.unique);
      if (writable) {
        const updated = await api.put(`/api/${r.name}/${encodeURIComponent(String(row.id))}`, { [writable.name]: `${row[writable.name] ?? ''}!` });
        expect(updated.status, `${r.name}: ${updated.text}`).toBe(200);
        expect(updated.json[writable.name]).toBe(`${row[writable.name] ?? ''}!`);
      }
    }
  });

  it('reads enums, domains, arrays, jsonb and inet from the catalog', async () => {
    const fields = meta.resources.flatMap((r) => r.fields);
    expect(fields.some((f) => f.kind === 'enum' && f.choices && f.choices.length > 1)).toBe(true);
    expect(fields.some((f) => f.kind === 'array')).toBe(true);
    expect(fields.some((f) => f.kind === 'json')).toBe(true);
    expect(fields.some((f) => f.kind === 'inet')).toBe(true);
    const { rows } = await server.db.knex.raw(
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND n.nspname = 'public'`,
    );
    const domains = rows.map((r: { typname: string }) => r.typname);
    expect(domains.length, 'the fixture declares a domain').toBeGreaterThan(0);
    const domainField = fields.find((f) => domains.includes(f.pgType));
    expect(domainField, 'a column of a domain type').toBeDefined();
    expect(domainField!.kind).not.toBe('other');
    // The fixture's users keep TOTP secrets and backup codes, its sessions token hashes: never served.
    expect(fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['totp_secret']));
    expect(fields.filter((f) => ['totp_secret', 'backup_codes', 'token_hash'].includes(f.name))).toEqual([]);
    const [user] = (await api.get(`/api/users${q({ range: [0, 0] })}`)).json;
    expect(user).toBeDefined();
    expect(Object.keys(user)).not.toContain('totp_secret');
  });

  it('lists a view of live statistics but does not offer to open its records: nothing but its moving values tells them apart', () => {
    const stats = find((r) => r.name === 'connection_stats', 'connection_stats view');
    expect({ identity: stats.identity, openable: stats.openable }).toEqual({ identity: 'row-values', openable: false });
  });

  it('serves a partitioned table as one resource and views as read-only unless updatable', async () => {
    const partitioned = find((r) => r.kind === 'partitioned', 'partitioned table');
    expect(meta.resources.filter((r) => r.name.startsWith(`${partitioned.name}_`) && r.kind !== 'view')).toEqual([]);
    const views = meta.resources.filter((r) => r.kind === 'view');
    const frozen = views.find((v) => v.readOnly);
    expect(frozen, 'a non-updatable view').toBeDefined();
    expect(frozen!.actions).not.toContain('create');
    const [row] = (await api.get(`/api/${frozen!.name}${q({ range: [0, 0] })}`)).json;
    expect((await api.put(`/api/${frozen!.name}/${encodeURIComponent(String(row?.id ?? 1))}`, {})).status).toBeGreaterThanOrEqual(400);
    expect((await api.post(`/api/${frozen!.name}`, {})).status).toBe(400);
    expect(views.some((v) => !v.readOnly), 'an updatable view').toBe(true);
  });
});
