import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { labelViewName, type LabelReference } from '../../permissions/labelSql.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { labelReferences } from '../../server/meta/recordLabels.js';
import { ApiClient } from '../support/httpClient.js';
import { createTestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { asCaller, signInEveryRole, type Caller } from './enforcers.js';

/**
 * GET /:resource/:field/labels names the records a readable row refers to, and nothing more:
 * for every role and every foreign key, the labels the API gives are exactly those of the
 * values the rows the role may read hold (as the database shows them to that role), and each
 * enforcer alone still gives no label of anything else.
 */
let server: TestServer;
let dbAlone: TestServer;
let apiAlone: TestServer;
let references: LabelReference[];

beforeAll(async () => {
  server = await startTestServer();
  dbAlone = await startTestServer({ testSwitches: { skipCasl: true } });
  // The API alone: a copy with RLS off, so the label views' own test passes every row.
  const copy = await createTestDatabase();
  const { rows } = await copy.knex.raw(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relrowsecurity AND c.relkind IN ('r', 'p')`,
  );
  for (const { name } of rows as { name: string }[]) await copy.knex.raw(`ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`);
  apiAlone = await startTestServer({ db: copy });
  // Every foreign key, and a sample of the audit trail's record column to the tables it names.
  const all = labelReferences(server.schema);
  references = [...all.filter((r) => !r.via), ...all.filter((r) => r.via).slice(0, TRAIL_SAMPLE)];
}, 180_000);
afterAll(async () => {
  await server?.close();
  await dbAlone?.close();
  await apiAlone?.close();
});

const SAMPLE = 12;
const TRAIL_SAMPLE = 8;
const labelsPath = (ref: LabelReference, ids: unknown[]) =>
  `/api/${encodeURIComponent(ref.resource)}/${encodeURIComponent(ref.column)}/labels?ids=${encodeURIComponent(JSON.stringify(ids))}` +
  (ref.via ? `&of=${encodeURIComponent(ref.via.value)}` : '');

/** The rows of the referring table that name a target record (as text, `value` an SQL expression), over `s`. */
const refersTo = (ref: LabelReference, value: string) =>
  ref.via ? `s."${ref.via.column}" = '${ref.via.value}' AND s."${ref.column}" = (${value})::text` : `s."${ref.column}" = ${value}`;

/** Some values the column holds (any row), and one a row of another table holds that it does not, when there is one. */
async function sampleValues(knex: Knex, ref: LabelReference): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: { v: string }[] }>(
    `(SELECT DISTINCT s."${ref.column}"::text AS v FROM ${ref.sqlName} s WHERE s."${ref.column}" IS NOT NULL
       ${ref.via ? `AND s."${ref.via.column}" = '${ref.via.value}'` : ''} LIMIT ${SAMPLE})
     UNION ALL
     (SELECT t."${ref.targetKey}"::text FROM ${ref.targetSqlName} t
       WHERE NOT EXISTS (SELECT 1 FROM ${ref.sqlName} s WHERE ${refersTo(ref, `t."${ref.targetKey}"`)}) LIMIT 1)`,
  );
  return rows.map((r) => r.v);
}

/** The values among `ids` that rows the caller may read hold, as the database shows them to the caller; undefined when it may not read the column. */
async function seenByDatabase(knex: Knex, caller: Caller, ref: LabelReference, ids: string[]): Promise<Set<string> | undefined> {
  return asCaller(knex, caller, async (trx) => {
    await trx.raw('SAVEPOINT probe');
    try {
      const { rows } = await trx.raw<{ rows: { v: string }[] }>(
        `SELECT DISTINCT "${ref.column}"::text AS v FROM ${ref.sqlName} s WHERE "${ref.column}"::text = ANY (?::text[])
           ${ref.via ? `AND s."${ref.via.column}" = '${ref.via.value}'` : ''}`,
        [ids],
      );
      return new Set(rows.map((r) => r.v));
    } catch {
      await trx.raw('ROLLBACK TO SAVEPOINT probe');
      return undefined;
    }
  });
}

/** What the API names: the ids it labels, or "refused". */
async function askLabels(api: ApiClient, ref: LabelReference, ids: string[]): Promise<Set<string> | 'refused'> {
  const res = await api.get(labelsPath(ref, ids));
  if (res.status === 403) return 'refused';
  if (res.status !== 200) throw new Error(`${ref.resource}.${ref.column}: ${res.status} ${res.text}`);
  const rows = res.json as { id: unknown; label: unknown }[];
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'label']);
  return new Set(rows.map((r) => String(r.id)));
}

interface LabelCase {
  caller: Caller;
  ref: LabelReference;
  /** The values the database shows this role in the referring column (none where it may not read it). */
  seen: Set<string>;
  /** What the API named. */
  named: Set<string> | 'refused';
}

/** Every role of `target` × every foreign key, asked about sampled values (the truth from the whole server's database). */
async function eachLabelCase(target: TestServer, visit: (c: LabelCase) => void): Promise<void> {
  const callers = await signInEveryRole(target.db.knex, target.url);
  for (const ref of references) {
    const ids = await sampleValues(server.db.knex, ref);
    if (ids.length === 0) continue;
    for (const caller of callers) {
      const seen = (await seenByDatabase(server.db.knex, caller, ref, ids)) ?? new Set<string>();
      visit({ caller, ref, seen, named: await askLabels(caller.api, ref, ids) });
    }
  }
}

describe('labels of referenced records', () => {
  it('gives every role the labels of exactly what the rows it may read refer to', async () => {
    expect(references.length).toBeGreaterThan(20);
    expect(references.filter((r) => r.via)).toHaveLength(TRAIL_SAMPLE);
    const mismatches: string[] = [];
    let named = 0;
    let namedInTrail = 0;
    await eachLabelCase(server, ({ caller, ref, seen, named: api }) => {
      const got = api === 'refused' ? new Set<string>() : api;
      named += got.size;
      if (ref.via) namedInTrail += got.size;
      if ([...got].sort().join() !== [...seen].sort().join()) {
        mismatches.push(`${caller.role} ${ref.resource}.${ref.column}: API ${got.size} (${api === 'refused' ? 'refused' : 'ok'}), database ${seen.size}`);
      }
    });
    expect(mismatches).toEqual([]);
    expect(named).toBeGreaterThan(1000);
    expect(namedInTrail).toBeGreaterThan(20);
  }, 600_000);

  it('names them by their label: a person by their name, a record by its display column', async () => {
    const vendor = new ApiClient(server.url);
    await vendor.login(demoEmail('vendor'), DEMO_PASSWORD);
    // A vendor may not read accounts, yet sees who prepared its settlements by name.
    expect((await vendor.get('/api/auth.users')).status).toBe(403);
    const own = await vendor.get(`/api/payment_settlements?range=${encodeURIComponent('[0,49]')}`);
    const preparers = [...new Set((own.json as { prepared_by: string | null }[]).map((r) => r.prepared_by).filter((v) => v !== null))];
    expect(preparers.length).toBeGreaterThan(0);
    const ref = references.find((r) => r.resource === 'payment_settlements' && r.column === 'prepared_by')!;
    const res = await vendor.get(labelsPath(ref, preparers));
    expect(res.status).toBe(200);
    const names = await server.db.knex('auth.users').whereIn('id', preparers).select('id', server.db.knex.raw(`raw_user_meta_data ->> 'name' AS name`));
    expect(new Map((res.json as { id: string; label: string }[]).map((r) => [r.id, r.label]))).toEqual(new Map(names.map((n) => [n.id, n.name])));
  });

  it('refuses what is not a readable reference, and says why', async () => {
    const marketing = new ApiClient(server.url);
    await marketing.login(demoEmail('marketing_department'), DEMO_PASSWORD);
    const ref = references.find((r) => r.resource === 'payment_settlements' && r.column === 'vendor_id')!;
    const refused = await marketing.get(labelsPath(ref, ['00000000-0000-0000-0000-000000000000']));
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/not allowed/);
    const admin = new ApiClient(server.url);
    await admin.login(demoEmail('super_admin'), DEMO_PASSWORD);
    expect((await admin.get('/api/payment_settlements/status/labels?ids=%5B%22x%22%5D')).status).toBe(404);
    expect((await admin.get('/api/payment_settlements/no_such_column/labels?ids=%5B%22x%22%5D')).status).toBe(404);
    for (const query of ['', '?ids=nope', '?ids=%7B%7D', '?ids=%5B%5D']) {
      const bad = await admin.get(`/api/payment_settlements/vendor_id/labels${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.json.errors.ids, query).toBeTruthy();
    }
  });

  for (const [name, target] of [
    ['the database alone (the API checks nothing)', () => dbAlone],
    ['the API alone (no row-level security)', () => apiAlone],
  ] as const) {
    it(`${name} names nothing a role's rows do not refer to`, async () => {
      const leaks: string[] = [];
      let checked = 0;
      await eachLabelCase(target(), ({ caller, ref, seen, named }) => {
        checked++;
        if (named !== 'refused') for (const id of named) if (!seen.has(id)) leaks.push(`${caller.role} ${ref.resource}.${ref.column} ${id}`);
      });
      expect(checked).toBeGreaterThan(500);
      expect(leaks).toEqual([]);
    }, 600_000);
  }

  it('keeps the views to labels: id and label only, owned by a role no caller can become', async () => {
    const knex = server.db.knex;
    for (const ref of references) {
      const { rows } = await knex.raw<{ rows: { name: string }[] }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        [labelViewName(ref.resource, ref.column, ref.via?.value)],
      );
      expect(rows.map((r) => r.name), `${ref.resource}.${ref.column}`).toEqual(['id', 'label']);
    }
    const { rows } = await knex.raw<{ rows: { role: string }[] }>(
      `SELECT rolname AS role FROM pg_roles WHERE (rolname LIKE 'gatehouse\\_%' AND rolname <> 'gatehouse_label_reader') AND pg_has_role(rolname, 'gatehouse_label_reader', 'MEMBER')`,
    );
    expect(rows).toEqual([]);
  });
});
