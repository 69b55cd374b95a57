import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** A retried POST with the same Idempotency-Key returns the first answer and does nothing twice. */
let server: TestServer;
let hr: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  hr = new ApiClient(server.url);
  await hr.login(demoEmail('hr_department'), DEMO_PASSWORD);
});
afterAll(() => server?.close());

const withKey = (client: ApiClient, path: string, body: unknown, key: string) => client.request('POST', path, body, { 'idempotency-key': key });
const count = async (table: string) => Number((await server.db.knex(table).count({ n: '*' }))[0]!.n);
const attendanceOf = async () => {
  const employee = await server.db.knex('public.employees').orderBy('id').first('id');
  return { employee_id: employee.id as string, date: '2031-03-03', status: 'present' };
};

describe('Idempotency-Key', () => {
  it('answers a retried create with the first answer, and creates once', async () => {
    const body = await attendanceOf();
    const before = await count('public.attendance_records');
    const first = await withKey(hr, '/api/attendance_records', body, 'create-1');
    expect(first.status).toBe(201);
    const again = await withKey(hr, '/api/attendance_records', body, 'create-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await count('public.attendance_records')).toBe(before + 1);
    // The same key for another request is a mistake, said so; another key is another request.
    const other = await withKey(hr, '/api/attendance_records', { ...body, date: '2031-03-04' }, 'create-1');
    expect(other.status).toBe(422);
    expect(await count('public.attendance_records')).toBe(before + 1);
    expect((await withKey(hr, '/api/attendance_records', { ...body, date: '2031-03-04' }, 'create-2')).status).toBe(201);
  });

  it('runs twin requests sent at once only once', async () => {
    const body = { ...(await attendanceOf()), date: '2031-04-04' };
    const before = await count('public.attendance_records');
    const answers = await Promise.all([1, 2, 3].map(() => withKey(hr, '/api/attendance_records', body, 'twins')));
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await count('public.attendance_records')).toBe(before + 1);
    // Once settled, every retry gets the answer.
    const settled = await withKey(hr, '/api/attendance_records', body, 'twins');
    expect(settled.status).toBe(201);
    expect(settled.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lets a request that failed be retried with its key, and keys belong to their user', async () => {
    const body = await attendanceOf();
    const bad = await withKey(hr, '/api/attendance_records', { ...body, date: 'not a date' }, 'failed-1');
    expect(bad.status).toBe(400);
    expect(await server.db.knex('gatehouse.idempotency_keys').where({ key: 'failed-1' }).first()).toBeUndefined();
    const fixed = { ...body, date: '2031-05-05' };
    expect((await withKey(hr, '/api/attendance_records', fixed, 'shared-key')).status).toBe(201);
    // Another user's key of the same name is theirs: their request runs (and the database refuses them what it would anyway).
    const other = new ApiClient(server.url);
    await other.login(demoEmail('super_admin'), DEMO_PASSWORD);
    const theirs = await withKey(other, '/api/attendance_records', { ...fixed, date: '2031-05-06' }, 'shared-key');
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((await withKey(hr, '/api/attendance_records', fixed, 'x'.repeat(201))).status).toBe(400);
  });

  it('covers workflow steps: a retried approval is answered, not applied twice', async () => {
    const { rows } = await server.db.knex.raw(`SELECT id FROM public.leave_requests WHERE status = 'pending' ORDER BY id LIMIT 1`);
    const id = rows[0].id as string;
    const directors = new ApiClient(server.url);
    await directors.login(demoEmail('super_admin'), DEMO_PASSWORD);
    const first = await withKey(directors, `/api/leave_requests/${id}/approve`, {}, 'approve-1');
    expect(first.status).toBe(200);
    const retried = await withKey(directors, `/api/leave_requests/${id}/approve`, {}, 'approve-1');
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    // Without the key, the same step again is refused: it is no longer pending.
    expect((await directors.post(`/api/leave_requests/${id}/approve`, {})).status).toBe(409);
  });
});
