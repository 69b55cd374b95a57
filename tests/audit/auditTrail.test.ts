import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { describeVerdict, verifyAuditTrail } from '../../server/cli/auditVerify.js';
import type { HistoryEntryDto } from '../../server/http/historyRouter.js';
import { asCaller } from '../security/enforcers.js';
import { signInRoles } from '../support/accounts.js';
import { ApiClient, listQuery } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { sqlStateOf } from '../support/sqlState.js';

/**
 * The audit trail: written by the database for every change, whoever makes it and however;
 * append-only for everyone; hash-chained, so `npm run audit:verify` finds an altered entry;
 * read back per record (History) by whoever may read the record, and whole by the auditors.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROLES = [
  'hr_department',
  'staff_department',
  'employee',
  'marketing_department',
  'legal_department',
  'it_department',
  'directors',
  'super_admin',
] as const;
type TestRole = (typeof ROLES)[number];

let server: TestServer;
let ids: Record<TestRole, string>;
let as: Record<TestRole, ApiClient>;
const knex = () => server.db.knex;

interface AuditRow {
  id: number;
  table_name: string;
  record_id: string | null;
  operation: string;
  user_id: string | null;
  user_email: string | null;
  user_role: string | null;
  db_user: string | null;
  action: string | null;
  reason: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prev_hash: string | null;
  hash: string;
}

const lastEntry = async (table: string, record: string): Promise<AuditRow | undefined> =>
  knex()('audit_log').where({ table_name: table, record_id: record }).orderBy('id', 'desc').first();


/** `npm run audit:verify` itself, against the test database. */
async function runVerifyCli(): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'server/cli/auditVerify.ts')],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: server.db.url, NODE_ENV: 'test' } },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function employeeIds(n: number): Promise<string[]> {
  const rows = await knex()('employees').whereNotIn('id', Object.values(ids)).orderBy('employee_code').limit(n).select('id');
  return rows.map((r: { id: string }) => r.id);
}

beforeAll(async () => {
  server = await startTestServer();
  ({ as, ids } = await signInRoles(server, ROLES));
}, 60_000);
afterAll(() => server?.close());

describe('the database records every change', () => {
  it('on every table of public but the trail and the document counters, and on auth.users, whatever the replication role', async () => {
    const { rows } = await knex().raw(`
      SELECT c.oid::regclass::text AS name,
             count(t.tgname) FILTER (WHERE t.tgname IN ('audit_hold_chain', 'audit_insert', 'audit_update', 'audit_delete', 'audit_truncate')
                                       AND t.tgenabled = 'A')::int AS triggers
        FROM pg_class c
        JOIN pg_namespace ns ON ns.oid = c.relnamespace
        LEFT JOIN pg_trigger t ON t.tgrelid = c.oid
       WHERE c.relkind IN ('r', 'p')
         AND ((ns.nspname = 'public' AND (SELECT relname FROM pg_class WHERE oid = coalesce(pg_partition_root(c.oid), c.oid)) NOT IN ('audit_log', 'document_counters'))
              OR c.oid = 'auth.users'::regclass)
       GROUP BY c.oid`);
    // A table created by a later migration needs: SELECT gatehouse.audit_attach('public.t', 't', ARRAY[...secret columns]).
    expect(rows.filter((r: { triggers: number }) => r.triggers !== 5).map((r: { name: string }) => r.name)).toEqual([]);
    expect(rows.length).toBeGreaterThan(30);
  });

  it('records an API update with the user, their role, the request id and the values before and after', async () => {
    const [employee] = await employeeIds(1);
    const old = await knex()('employees').where({ id: employee }).first('designation');
    const requestId = `test-${randomUUID()}`;
    const res = await as.hr_department.request('PUT', `/api/employees/${employee}`, { designation: 'Audit Lead' }, { 'x-request-id': requestId });
    expect(res.status, res.text).toBe(200);

    const entry = await lastEntry('employees', employee!);
    expect(entry).toMatchObject({
      operation: 'UPDATE',
      user_id: ids.hr_department,
      user_email: demoEmail('hr_department'),
      user_role: 'hr_department',
      db_user: 'gatehouse_authenticator',
      request_id: requestId,
      action: null,
      reason: null,
    });
    expect(entry!.before).toMatchObject({ designation: old.designation });
    expect(entry!.after).toMatchObject({ designation: 'Audit Lead' });
    // Only what changed: the name, say, is not repeated.
    expect(entry!.after).not.toHaveProperty('name');
  });

  it('records a workflow step with its action and reason', async () => {
    const leave = await knex()('leave_requests').where({ status: 'pending' }).whereNot({ employee_id: ids.hr_department }).first('id');
    const res = await as.hr_department.post(`/api/leave_requests/${leave.id}/reject`, { rejection_reason: 'Peak season: every desk is needed' });
    expect(res.status, res.text).toBe(200);
    const entry = await lastEntry('leave_requests', leave.id);
    expect(entry).toMatchObject({ operation: 'UPDATE', action: 'reject', reason: 'Peak season: every desk is needed', user_role: 'hr_department' });
    expect(entry!.before).toMatchObject({ status: 'pending' });
    expect(entry!.after).toMatchObject({ status: 'rejected', rejection_reason: 'Peak season: every desk is needed' });
  });

  it('records SQL run outside the API too, with the database login and no user', async () => {
    const [employee] = await employeeIds(2).then((list) => list.slice(1));
    await knex()('employees').where({ id: employee }).update({ designation: 'Changed in psql' });
    const entry = await lastEntry('employees', employee!);
    const { rows } = await knex().raw('SELECT session_user AS login');
    expect(entry).toMatchObject({ operation: 'UPDATE', user_id: null, user_email: null, user_role: null, db_user: rows[0].login, request_id: null });
    expect(entry!.after).toMatchObject({ designation: 'Changed in psql' });

    // ...including inserts, deletes and a superuser's session_replication_role = replica, which skips ordinary triggers.
    const [promotion] = await knex()('promotions').select('*').limit(1);
    await knex().transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      await trx('promotions').where({ id: promotion.id }).update({ description: 'quietly changed' });
    });
    expect((await lastEntry('promotions', promotion.id))!.after).toMatchObject({ description: 'quietly changed' });
  });

  it('never copies a secret column', async () => {
    const secret = `$argon2id$v=19$m=65536,t=3,p=4$${randomUUID()}`;
    await knex()('auth.users').where({ id: ids.marketing_department }).update({ encrypted_password: secret, last_sign_in_at: knex().fn.now() });
    const entry = await lastEntry('auth.users', ids.marketing_department);
    expect(entry!.after).toHaveProperty('last_sign_in_at');
    const { rows } = await knex().raw(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE jsonb_exists(coalesce(before, '{}'), 'encrypted_password') OR jsonb_exists(coalesce(after, '{}'), 'encrypted_password')
           OR position(? IN coalesce(before::text, '') || coalesce(after::text, '')) > 0`,
      [secret],
    );
    expect(rows[0].n).toBe(0);
    // The seed's users are in the trail, without their password hashes.
    const seeded = await knex()('audit_log').where({ table_name: 'auth.users', operation: 'INSERT' }).count({ n: '*' }).first();
    expect(Number(seeded!.n)).toBeGreaterThan(20);
  });
});

describe('the trail is append-only', () => {
  it('refuses the API roles any write, even super_admin', async () => {
    for (const role of ['super_admin', 'legal_department'] as const) {
      await asCaller(knex(), { id: ids[role], role }, async (trx) => {
        const attempt = async (sql: string) => {
          await trx.raw('SAVEPOINT attempt');
          const code = await sqlStateOf(() => trx.raw(sql));
          await trx.raw('ROLLBACK TO SAVEPOINT attempt');
          return code;
        };
        expect(await attempt(`UPDATE audit_log SET reason = 'x' WHERE id = 1`)).toBe('42501');
        expect(await attempt('DELETE FROM audit_log WHERE id = 1')).toBe('42501');
        expect(await attempt(`INSERT INTO audit_log (id, table_name, operation, hash) VALUES (0, 'x', 'INSERT', 'x')`)).toBe('42501');
        expect(await attempt('TRUNCATE audit_log')).toBe('42501');
      });
    }
    const put = await as.super_admin.put('/api/audit_log/1', { reason: 'rewritten' });
    expect(put.status).toBe(403);
    expect((await as.super_admin.delete('/api/audit_log/1')).status).toBe(403);
  });

  it('refuses the owner too, unless the guard is disabled first', async () => {
    expect(await sqlStateOf(() => knex().raw(`UPDATE audit_log SET reason = 'x' WHERE id = 1`))).toBe('42501');
    expect(await sqlStateOf(() => knex().raw('DELETE FROM audit_log WHERE id = 1'))).toBe('42501');
    expect(await sqlStateOf(() => knex().raw('TRUNCATE audit_log'))).toBe('42501');
    expect(await sqlStateOf(() => knex().raw(`INSERT INTO audit_log (id, table_name, operation, hash) VALUES (0, 'x', 'INSERT', 'x')`))).toBe('42501');
    const session = await knex().transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      return sqlStateOf(() => trx.raw(`UPDATE audit_log SET reason = 'x' WHERE id = 1`));
    }).catch((err: { code?: string }) => err.code);
    expect(session).toBe('42501');
  });
});

describe('npm run audit:verify', () => {
  it('passes on an untouched trail, with concurrent writers chained one after the other', async () => {
    const targets = await employeeIds(12);
    const results = await Promise.all(targets.map((id, i) => as.hr_department.put(`/api/employees/${id}`, { designation: `Concurrent ${i}` })));
    expect(results.map((r) => r.status)).toEqual(targets.map(() => 200));

    const verdict = await verifyAuditTrail(knex());
    expect(verdict.broken, describeVerdict(verdict)).toBeUndefined();
    expect(verdict.rows).toBeGreaterThan(100_000);
    const { rows } = await knex().raw('SELECT count(*)::int AS n, max(id)::int AS last FROM audit_log');
    expect(verdict.head?.id).toBe(rows[0].last);
    expect(rows[0].n).toBe(rows[0].last); // no gaps

    const cli = await runVerifyCli();
    expect(cli.code, cli.out).toBe(0);
    expect(cli.out).toMatch(new RegExp(`audit trail intact: ${verdict.rows} rows`));
  }, 60_000);

  it('fails on a tampered entry and names it', async () => {
    const [employee] = await employeeIds(1);
    const entry = (await lastEntry('employees', employee!))!;
    const tamper = async (after: unknown) => {
      // What a malicious owner would have to do: switch the guard off, rewrite, switch it back on.
      await knex().raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await knex().raw('UPDATE audit_log SET after = ?::jsonb WHERE id = ?', [JSON.stringify(after), entry.id]);
      await knex().raw('ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_append_only');
    };
    await tamper({ ...entry.after, designation: 'Rewritten afterwards' });
    try {
      const cli = await runVerifyCli();
      expect(cli.code, cli.out).toBe(1);
      expect(cli.out).toContain(`BROKEN at entry #${entry.id} (employees ${employee})`);
      expect(cli.out).toMatch(/no longer matches its hash/);
      expect((await verifyAuditTrail(knex())).broken).toMatchObject({ id: entry.id, table: 'employees', record: employee });
    } finally {
      await tamper(entry.after);
    }
    expect((await verifyAuditTrail(knex())).broken).toBeUndefined();

    // A removed entry breaks the chain where it was (tried in a transaction that is rolled back).
    const trx = await knex().transaction();
    let afterRemoval;
    try {
      await trx.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await trx.raw('DELETE FROM audit_log WHERE id = ?', [entry.id]);
      afterRemoval = await verifyAuditTrail(trx);
    } finally {
      await trx.rollback();
    }
    expect(afterRemoval.broken).toMatchObject({ id: entry.id + 1 });
    expect(afterRemoval.broken?.problem).toMatch(new RegExp(`entries #${entry.id}–#${entry.id} are missing`));
    expect((await verifyAuditTrail(knex())).broken).toBeUndefined();
  }, 60_000);
});

describe('a record history', () => {
  const historyOf = (api: ApiClient, employee: string) => api.get(`/api/employees/${employee}/history`);

  it('shows its changes, newest first, to whoever may read the record', async () => {
    const [employee] = await employeeIds(1);
    await as.hr_department.put(`/api/employees/${employee}`, { designation: 'History Keeper' });
    const res = await historyOf(as.hr_department, employee!);
    expect(res.status, res.text).toBe(200);
    const entries = res.json as HistoryEntryDto[];
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    expect(entries[0]).toMatchObject({ operation: 'UPDATE', userEmail: demoEmail('hr_department'), userRole: 'hr_department', after: { designation: 'History Keeper' } });
    expect(entries.at(-1)).toMatchObject({ operation: 'INSERT' }); // the seed's insert
    expect(entries.at(-1)!.dbUser).not.toBe('gatehouse_authenticator'); // the seed ran outside the API
  });

  it('finds a record with a composite key (its wire id, a JSON array) and one outside public', async () => {
    const [event] = (await as.super_admin.get(`/api/analytics_events${listQuery({ range: [0, 0] })}`)).json as { id: string }[];
    const events = await as.super_admin.get(`/api/analytics_events/${encodeURIComponent(event!.id)}/history`);
    expect(events.status, events.text).toBe(200);
    expect((events.json as HistoryEntryDto[]).map((e) => e.operation)).toEqual(['INSERT']);

    const users = await as.super_admin.get(`/api/auth.users/${ids.marketing_department}/history`);
    expect(users.status, users.text).toBe(200);
    expect((users.json as HistoryEntryDto[]).at(-1)).toMatchObject({ operation: 'INSERT' });
    expect(users.text).not.toContain('encrypted_password');
  });

  it('answers 403 and 404 exactly as the record itself does', async () => {
    const [employee] = await employeeIds(1);
    const cases: [TestRole, string, number][] = [
      ['marketing_department', employee!, 403], // no read on HR at all
      ['employee', employee!, 404], // someone else's record
      ['employee', ids.employee, 200], // their own
      ['hr_department', randomUUID(), 404],
      ['hr_department', 'not-a-uuid', 404],
    ];
    for (const [role, id, status] of cases) {
      const record = await as[role].get(`/api/employees/${id}`);
      const history = await historyOf(as[role], id);
      expect([role, id, record.status]).toEqual([role, id, status]);
      expect([role, id, history.status]).toEqual([role, id, status]);
    }
    expect((await as.hr_department.get('/api/no_such_table/1/history')).status).toBe(404);
  });

  it('leaves out bank details, and changes to nothing else, for a role that may not read them', async () => {
    const [employee] = await employeeIds(1);
    const bank = { bank_name: 'Audit Bank', account_number: `ACCT-${randomUUID()}` };
    expect((await as.hr_department.put(`/api/employees/${employee}`, { bank_details: bank })).status).toBe(200);

    const hr = (await historyOf(as.hr_department, employee!)).json as HistoryEntryDto[];
    expect(hr[0]!.after).toMatchObject({ bank_details: bank });

    // A change of bank details alone (updated_at left as it was) is not shown to staff at all.
    const quiet = { bank_name: 'Quiet Bank', account_number: `ACCT-${randomUUID()}` };
    await knex().transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica'); // skips the updated_at trigger, not the trail's
      await trx('employees').where({ id: employee }).update({ bank_details: JSON.stringify(quiet) });
    });
    const quietEntry = (await lastEntry('employees', employee!))!;
    expect(Object.keys(quietEntry.after!)).toEqual(['bank_details']);

    const staff = await historyOf(as.staff_department, employee!);
    expect(staff.status).toBe(200);
    expect(staff.text).not.toContain('bank_details');
    expect(staff.text).not.toContain(bank.account_number);
    expect(staff.text).not.toContain(quiet.account_number);
    const seen = staff.json as HistoryEntryDto[];
    expect(seen.map((e) => e.id)).not.toContain(quietEntry.id);
    // The API's change also touched updated_at, which staff may read: that much is shown.
    expect(seen.find((e) => e.id === hr[0]!.id)?.after).toEqual({ updated_at: expect.any(String) });
    expect(seen.find((e) => e.operation === 'INSERT')!.after).toHaveProperty('designation');
    expect(((await historyOf(as.hr_department, employee!)).json as HistoryEntryDto[])[0]).toMatchObject({ id: quietEntry.id, after: { bank_details: quiet } });
  });
});

describe('the whole trail', () => {
  it('is listed for the auditors, newest first, filterable by record', async () => {
    const [employee] = await employeeIds(1);
    for (const role of ['legal_department', 'it_department', 'directors', 'super_admin'] as const) {
      const res = await as[role].get(`/api/audit_log${listQuery({ range: [0, 9] })}`);
      expect(res.status, `${role}: ${res.text}`).toBe(200);
      const rows = res.json as { id: number }[];
      expect(rows).toHaveLength(10);
      expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
      const byRecord = await as[role].get(`/api/audit_log${listQuery({ filter: { table_name: 'employees', record_id: employee }, range: [0, 99] })}`);
      expect(byRecord.status).toBe(200);
      expect((byRecord.json as { record_id: string }[]).every((r) => r.record_id === employee)).toBe(true);
      expect((byRecord.json as unknown[]).length).toBeGreaterThan(1);
    }
  });

  it('is refused to everyone else', async () => {
    for (const role of ['marketing_department', 'hr_department', 'employee'] as const) {
      expect((await as[role].get(`/api/audit_log${listQuery({ range: [0, 9] })}`)).status, role).toBe(403);
      await asCaller(knex(), { id: ids[role], role }, async (trx) => {
        expect((await trx.raw('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(0);
      });
    }
  });
});
