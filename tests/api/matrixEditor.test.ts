import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The role matrix editor (/api/matrix): who may see and change the matrix, and that a change
 * is in force at once for a user already signed in, in the API (CASL) and in the database (RLS).
 */
let server: TestServer;
let superAdmin: ApiClient;
let marketing: ApiClient;
let it_: ApiClient;

interface Row {
  role: string;
  module: string;
  subModule: string | null;
  actions: string[];
}

const GRANT = { role: 'marketing_department', module: 'hr', subModule: 'salary_records' };

const userId = async (role: string): Promise<string> =>
  (await server.db.knex('auth.users').where({ email: demoEmail(role) }).first('id')).id;

/** The database's rows, read as the owner (no RLS), in the API's order. */
async function dbRows(): Promise<Row[]> {
  const { rows } = await server.db.knex.raw(
    `SELECT role_id AS role, module_id AS module, sub_module_id AS "subModule", coalesce(permissions, '{}') AS actions
       FROM public.role_permissions ORDER BY role_id, module_id, sub_module_id NULLS FIRST`,
  );
  return rows;
}

const changeCount = async (): Promise<number> =>
  (await server.db.knex.raw('SELECT count(*)::int AS n FROM gatehouse.matrix_changes')).rows[0].n;

/** What the database itself lets marketing_department see of salary_records, under its own role and RLS. */
async function salaryRowsSeenByMarketing(): Promise<number> {
  const id = await userId('marketing_department');
  return server.db.knex.transaction(async (trx) => {
    await trx.raw(
      `SELECT set_config('app.user_id', ?, true), set_config('app.role', 'marketing_department', true),
              set_config('role', 'gatehouse_role_marketing_department', true)`,
      [id],
    );
    const { rows } = await trx.raw('SELECT count(*)::int AS n FROM salary_records');
    return rows[0].n as number;
  });
}

const metaNames = async (api: ApiClient): Promise<string[]> =>
  (await api.get('/api/meta')).json.resources.map((r: { name: string }) => r.name);

beforeAll(async () => {
  server = await startTestServer();
  superAdmin = new ApiClient(server.url);
  marketing = new ApiClient(server.url);
  it_ = new ApiClient(server.url);
  await Promise.all([
    superAdmin.login(demoEmail('super_admin'), DEMO_PASSWORD),
    marketing.login(demoEmail('marketing_department'), DEMO_PASSWORD),
    it_.login(demoEmail('it_department'), DEMO_PASSWORD),
  ]);
});
afterAll(() => server.close());

describe('GET /api/matrix', () => {
  it('gives super_admin the whole matrix, as the database holds it, editable', async () => {
    const res = await superAdmin.get('/api/matrix');
    expect(res.status).toBe(200);
    expect(res.json.editable).toBe(true);
    expect(res.json.actions).toEqual(['read', 'create', 'update', 'delete', 'approve', 'export']);
    expect(res.json.roles).toContain('marketing_department');
    expect(res.json.modules.find((m: { name: string }) => m.name === 'hr')).toMatchObject({
      label: 'HR',
      tables: expect.arrayContaining(['salary_records', 'employees']),
    });
    expect(res.json.rows).toEqual(await dbRows());
    expect(res.json.rows.length).toBeGreaterThan(20);
  });

  it('lets it_department read the matrix and its changes, not edit it', async () => {
    const res = await it_.get('/api/matrix');
    expect(res.status).toBe(200);
    expect(res.json.editable).toBe(false);
    expect(res.json.rows).toEqual(await dbRows());
    expect((await it_.get('/api/matrix/changes')).status).toBe(200);
  });

  it('refuses the matrix and its changes to marketing_department', async () => {
    expect((await marketing.get('/api/matrix')).status).toBe(403);
    expect((await marketing.get('/api/matrix/changes')).status).toBe(403);
  });

  it('asks for a session', async () => {
    expect((await new ApiClient(server.url).get('/api/matrix')).status).toBe(401);
  });
});

describe('PUT /api/matrix', () => {
  it('grants marketing read on hr/salary_records, in force at once for the signed-in user in the API and the database', async () => {
    // Before: neither enforcer lets marketing near salaries.
    expect((await marketing.get('/api/salary_records')).status).toBe(403);
    expect(await metaNames(marketing)).not.toContain('salary_records');
    expect(await salaryRowsSeenByMarketing()).toBe(0);
    const total = (await server.db.knex.raw('SELECT count(*)::int AS n FROM salary_records')).rows[0].n;
    expect(total).toBeGreaterThan(0);

    const res = await superAdmin.put('/api/matrix', { ...GRANT, actions: ['read'] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ...GRANT, actions: ['read'] });
    const stored = await server.db.knex('public.role_permissions')
      .where({ role_id: GRANT.role, module_id: GRANT.module, sub_module_id: GRANT.subModule })
      .first('permissions', 'updated_by', 'updated_at');
    expect(stored.permissions).toEqual(['read']);
    expect(stored.updated_by).toBe(await userId('super_admin'));

    // After: the same session, its next request.
    const list = await marketing.get('/api/salary_records');
    expect(list.status).toBe(200);
    expect(list.json.length).toBeGreaterThan(0);
    expect(await metaNames(marketing)).toContain('salary_records');
    expect(await salaryRowsSeenByMarketing()).toBe(total);
    // Read only: still no writing.
    expect((await marketing.post('/api/salary_records', {})).status).toBe(403);
  });

  it('logs the change with the super admin as its author', async () => {
    const { rows } = await server.db.knex.raw(
      `SELECT changed_by, before, after FROM gatehouse.matrix_changes
        WHERE role_id = ? AND module_id = ? AND sub_module_id = ? ORDER BY id DESC LIMIT 1`,
      [GRANT.role, GRANT.module, GRANT.subModule],
    );
    expect(rows[0]).toEqual({ changed_by: await userId('super_admin'), before: null, after: ['read'] });

    const res = await superAdmin.get('/api/matrix/changes?limit=5');
    expect(res.status).toBe(200);
    expect(res.json.length).toBeLessThanOrEqual(5);
    expect(res.json[0]).toMatchObject({
      ...GRANT,
      changedBy: await userId('super_admin'),
      changedByEmail: demoEmail('super_admin'),
      before: null,
      after: ['read'],
    });
    expect(Number.isNaN(Date.parse(res.json[0].changedAt))).toBe(false);
    // it_department reads the same log.
    expect((await it_.get('/api/matrix/changes')).json[0]).toMatchObject({ ...GRANT, after: ['read'] });
  });

  it('stores actions in the vocabulary order and logs before -> after on an update', async () => {
    const res = await superAdmin.put('/api/matrix', { ...GRANT, actions: ['export', 'read'] });
    expect(res.status).toBe(200);
    expect(res.json.actions).toEqual(['read', 'export']);
    const [latest] = (await superAdmin.get('/api/matrix/changes?limit=1')).json;
    expect(latest).toMatchObject({ ...GRANT, before: ['read'], after: ['read', 'export'] });
  });

  it('refuses it_department with 403 and changes nothing', async () => {
    const before = await dbRows();
    const changes = await changeCount();
    const res = await it_.put('/api/matrix', { role: 'it_department', module: 'hr', subModule: null, actions: ['read'] });
    expect(res.status).toBe(403);
    expect(await dbRows()).toEqual(before);
    expect(await changeCount()).toBe(changes);
    expect((await it_.request('DELETE', '/api/matrix', GRANT)).status).toBe(403);
    expect(await dbRows()).toEqual(before);
  });

  it('refuses to take read or update on the matrix away from super_admin, with 4xx and its reason, and changes nothing', async () => {
    const before = await dbRows();
    const changes = await changeCount();
    // A new override of the table (an INSERT) ...
    const override = await superAdmin.put('/api/matrix', {
      role: 'super_admin',
      module: 'administration',
      subModule: 'role_permissions',
      actions: ['read', 'create', 'delete', 'approve', 'export'],
    });
    expect(override.status).toBeGreaterThanOrEqual(400);
    expect(override.status).toBeLessThan(500);
    expect(override.json.message).toBe('Refused: super_admin must keep read and update on the role matrix.');
    expect(override.json.errors).toEqual({ actions: 'super_admin must keep read and update on the role matrix.' });
    // ... and a change of the module row (an UPDATE).
    const moduleRow = await superAdmin.put('/api/matrix', { role: 'super_admin', module: 'administration', subModule: null, actions: ['read'] });
    expect(moduleRow.status).toBeGreaterThanOrEqual(400);
    expect(moduleRow.status).toBeLessThan(500);
    expect(moduleRow.json.message).toBe('Refused: super_admin must keep read and update on the role matrix.');
    expect(await dbRows()).toEqual(before);
    expect(await changeCount()).toBe(changes);
    // The editor still works for them.
    expect((await superAdmin.get('/api/matrix')).json.editable).toBe(true);
  });

  it('answers bad bodies with 400 and a message per field', async () => {
    const bad = await superAdmin.put('/api/matrix', { role: 'nobody', module: 'hr', subModule: 'bookings', actions: ['read', 'fly'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors).sort()).toEqual(['actions', 'role', 'subModule']);

    const duplicate = await superAdmin.put('/api/matrix', { ...GRANT, actions: ['read', 'read'] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.errors).toEqual({ actions: expect.stringMatching(/only once/) });

    const missing = await superAdmin.put('/api/matrix', { module: 'nowhere' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.json.errors).sort()).toEqual(['actions', 'module', 'role', 'subModule']);

    expect((await superAdmin.put('/api/matrix', [1, 2])).status).toBe(400);
    expect((await superAdmin.put('/api/matrix', '{"role":')).status).toBe(400);
    const noTable = await superAdmin.request('DELETE', '/api/matrix', { ...GRANT, subModule: null });
    expect(noTable.status).toBe(400);
    expect(Object.keys(noTable.json.errors)).toEqual(['subModule']);
    expect((await superAdmin.get('/api/matrix/changes?limit=abc')).status).toBe(400);
    expect((await superAdmin.get('/api/matrix/changes?limit=0')).json.errors).toHaveProperty('limit');
  });
});

describe('DELETE /api/matrix', () => {
  it('removes a sub-module override, which takes effect at once, and says 404 when there is none', async () => {
    const res = await superAdmin.request('DELETE', '/api/matrix', GRANT);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ...GRANT, actions: ['read', 'export'] });
    expect((await dbRows()).some((r) => r.role === GRANT.role && r.subModule === GRANT.subModule)).toBe(false);
    const [latest] = (await superAdmin.get('/api/matrix/changes?limit=1')).json;
    expect(latest).toMatchObject({ ...GRANT, before: ['read', 'export'], after: null });

    expect((await marketing.get('/api/salary_records')).status).toBe(403);
    expect(await salaryRowsSeenByMarketing()).toBe(0);
    expect((await superAdmin.request('DELETE', '/api/matrix', GRANT)).status).toBe(404);
  });

  it('returns no change rows to a caller who may not read the matrix, even through the SQL function', async () => {
    const id = await userId('marketing_department');
    const n = await server.db.knex.transaction(async (trx) => {
      await trx.raw(
        `SELECT set_config('app.user_id', ?, true), set_config('app.role', 'marketing_department', true),
                set_config('role', 'gatehouse_role_marketing_department', true)`,
        [id],
      );
      return (await trx.raw('SELECT count(*)::int AS n FROM gatehouse.matrix_changes_latest(50)')).rows[0].n;
    });
    expect(n).toBe(0);
    expect(await changeCount()).toBeGreaterThan(0);
  });
});
