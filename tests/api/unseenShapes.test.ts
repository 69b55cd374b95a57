import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Meta, ResourceMeta } from '../../server/meta/types.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { serveForeignDatabase } from '../support/foreignServer.js';
import type { TestServer } from '../support/testServer.js';

// Served as it is: no pack governs this database (administrator-only mode).
vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'none';
});

/**
 * Shapes found by serving schemas Gatehouse had never seen (tests/fixtures/unseen_shapes.sql),
 * each once a failure: odd uuids, relations without a key, an auth.users of another shape,
 * tables named like Gatehouse's own, partitions and the database's own triggers.
 */
const ADMIN = { email: 'owner@unseen.example', password: 'a long enough passphrase' };

let server: TestServer;
let api: ApiClient;
let meta: Meta;

beforeAll(async () => {
  ({ server, api, meta } = await serveForeignDatabase('tests/fixtures/unseen_shapes.sql', ADMIN));
});
afterAll(() => server?.close());

const resource = (name: string): ResourceMeta => {
  const r = meta.resources.find((x) => x.name === name);
  if (!r) throw new Error(`${name} is not served`);
  return r;
};
const one = (name: string, id: unknown) => api.get(`/api/${name}/${encodeURIComponent(String(id))}`);

describe('uuids are what PostgreSQL accepts, not only RFC 4122', () => {
  const odd = ['11111111-1111-1111-1111-111111111111', '00000000-0000-0000-0000-000000000000'];

  it('opens, filters, updates and deletes records keyed by them', async () => {
    for (const id of odd) {
      const got = await one('devices', id);
      expect(got.status, got.text).toBe(200);
      expect(got.json.id).toBe(id);
    }
    const upper = await one('devices', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11');
    expect(upper.status, upper.text).toBe(200);
    expect(upper.json.label).toBe('random');
    const many = await api.get(`/api/devices${q({ filter: { id: odd } })}`);
    expect(many.status, many.text).toBe(200);
    expect(many.json.map((d: { id: string }) => d.id).sort()).toEqual([...odd].sort());
    const byColumn = await api.get(`/api/readings${q({ filter: { device_id: odd[1] } })}`);
    expect(byColumn.status, byColumn.text).toBe(200);
    expect(byColumn.json).toHaveLength(2);
    const renamed = await api.put(`/api/devices/${odd[0]}`, { label: 'all ones' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json.label).toBe('all ones');
    const created = await api.post('/api/devices', { id: '33333333-3333-3333-3333-333333333333', label: 'threes' });
    expect(created.status, created.text).toBe(201);
    expect((await api.delete('/api/devices/33333333-3333-3333-3333-333333333333')).status).toBe(200);
  });

  it('still refuses what PostgreSQL refuses: 404 for an id, 400 naming the field in a filter or a body', async () => {
    expect((await one('devices', '1111111-1111-1111-1111-111111111111')).status).toBe(404);
    const filter = await api.get(`/api/devices${q({ filter: { id_neq: 'not-a-uuid' } })}`);
    expect(filter.status).toBe(400);
    expect(filter.json.errors).toHaveProperty('id_neq');
    const body = await api.post('/api/devices', { id: 'g1111111-1111-1111-1111-111111111111', label: 'bad' });
    expect(body.status).toBe(400);
    expect(body.json.errors).toHaveProperty('id');
  });
});

describe('every record has a stable id, and meta says how it was found', () => {
  it('chooses the key each relation has', () => {
    const identity = (name: string) => ({ identity: resource(name).identity, key: resource(name).primaryKey, openable: resource(name).openable });
    expect(identity('devices')).toEqual({ identity: 'primary-key', key: ['id'], openable: true });
    expect(identity('tags')).toEqual({ identity: 'unique-key', key: ['code'], openable: true });
    expect(identity('device_labels')).toEqual({ identity: 'view-key', key: ['device'], openable: true });
    expect(identity('labelled_devices')).toEqual({ identity: 'view-key', key: ['device'], openable: true });
    expect(identity('tag_lengths')).toEqual({ identity: 'unique-key', key: ['code'], openable: true });
    expect(identity('readings').identity).toBe('row-values');
    expect(identity('device_readings')).toMatchObject({ identity: 'row-values', openable: false });
    expect(identity('reading_totals').identity).toBe('row-values');
    expect(resource('readings').readOnly).toBe(true);
    expect(resource('device_labels').readOnly).toBe(false);
  });

  it('lists, pages, opens and fetches by id every relation, each record under the id it was listed with', async () => {
    for (const r of meta.resources.filter((x) => x.schema === 'public')) {
      const all = await api.get(`/api/${r.name}${q({ range: [0, 99] })}`);
      expect(all.status, `${r.name}: ${all.text}`).toBe(200);
      const ids = all.json.map((row: { id: unknown }) => row.id);
      expect(ids.every((id: unknown) => id !== undefined && id !== null), r.name).toBe(true);
      // Pages of one record each add up to the whole list, in the same order: the sort is total.
      const paged = [];
      for (let i = 0; i < ids.length; i++) paged.push((await api.get(`/api/${r.name}${q({ range: [i, i] })}`)).json[0].id);
      expect(paged, r.name).toEqual(ids);
      if (!r.openable) continue;
      for (const row of all.json) {
        const got = await one(r.name, row.id);
        expect(got.status, `${r.name} ${String(row.id)}: ${got.text}`).toBe(200);
        expect(got.json).toEqual(row);
      }
      const many = await api.get(`/api/${r.name}${q({ filter: { id: ids.slice(0, 2) } })}`);
      expect(many.status, `${r.name}: ${many.text}`).toBe(200);
      expect(new Set(many.json.map((row: { id: unknown }) => JSON.stringify(row.id)))).toEqual(new Set(ids.slice(0, 2).map((id: unknown) => JSON.stringify(id))));
    }
  });

  it('edits through a view by the key of the table underneath', async () => {
    const changed = await api.put('/api/device_labels/a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', { label: 'renamed through the view' });
    expect(changed.status, changed.text).toBe(200);
    expect((await one('devices', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')).json.label).toBe('renamed through the view');
  });
});

describe("the database's own tables, shapes and rules", () => {
  it('starts on an auth.users of another shape, and its existing users are listed', async () => {
    const users = await api.get(`/api/auth.users${q({ range: [0, 9] })}`);
    expect(users.status, users.text).toBe(200);
    expect(users.json.map((u: { email: string }) => u.email)).toContain('existing@unseen.example');
    const staff = await api.get('/api/auth/users');
    expect(staff.status, staff.text).toBe(200);
  });

  it('serves tables named like Gatehouse objects in OMBARO as the plain tables they are', async () => {
    for (const name of ['user_profiles', 'role_permissions', 'audit_log']) {
      const rows = await api.get(`/api/${name}${q({ range: [0, 9] })}`);
      expect(rows.status, `${name}: ${rows.text}`).toBe(200);
      expect(rows.json).toHaveLength(1);
    }
    const matrix = await api.get('/api/matrix');
    expect(matrix.status).toBe(404);
    expect(matrix.json.message).toMatch(/no role matrix/i);
  });

  it("lets the database's own Supabase-style code see the signed-in caller (auth.uid(), auth.jwt(), request.jwt.claims, request.headers)", async () => {
    const res = await api.post('/api/signed_notes', { body: 'hello' });
    expect(res.status, res.text).toBe(201);
    const { rows } = await server.db.knex.raw(`SELECT u.email, n.written_role, n.session_id, n.written_with FROM public.signed_notes n JOIN auth.users u ON u.id = n.written_by`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: ADMIN.email, written_role: 'administrator' });
    expect(rows[0].session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0].written_with).toBeTruthy();
  });

  it('names the partition key when no partition takes a row', async () => {
    const res = await api.post('/api/measurements', { taken_on: '2030-05-01', amount: 2 });
    expect(res.status, res.text).toBe(400);
    expect(res.json.message).toMatch(/no partition of measurements accepts this value of taken on/i);
    expect(res.json.errors).toHaveProperty('taken_on');
    expect((await api.post('/api/measurements', { taken_on: '2026-05-01', amount: 2 })).status).toBe(201);
  });

  it("passes on what the database's own trigger says: 400 for bad data, 500 naming the function when it is broken", async () => {
    const odd = await api.post('/api/measurements', { taken_on: '2026-05-02', amount: 3 });
    expect(odd.status, odd.text).toBe(400);
    expect(odd.json.message).toMatch(/refuse_odd_amounts\(\).*odd amounts are not booked/);
    const broken = await api.post('/api/measurements', { taken_on: '2026-05-03', amount: 666 });
    expect(broken.status, broken.text).toBe(500);
    expect(broken.json.message).toMatch(/refuse_odd_amounts\(\) failed: column "no_such_column" does not exist/);
    const rows = await api.get(`/api/measurements${q({ filter: { taken_on_gte: '2026-05-02' } })}`);
    expect(rows.json).toEqual([]);
  });
});
