import type { Knex } from 'knex';
import type { TestServer } from '../support/testServer.js';
import { askApi, askDatabase, buildCases, describeCase, signInEveryRole, type Case, type Outcome } from './enforcers.js';

/**
 * Each enforcer alone: the walk every case takes against a server whose other enforcer is
 * switched off, asking the database that enforces (the truth) which cases are forbidden.
 */

/** A forbidden read must not return a row the database would hide, a forbidden export must not carry a row, and a forbidden write must not succeed. */
function leaks(c: Case, api: Outcome, db: Outcome): boolean {
  if (c.verb === 'read') return (api.rows ?? []).some((id) => !(db.rows ?? []).includes(id));
  if (c.verb === 'export') return db.kind === 'refused' && (api.rows ?? []).length > 0;
  return db.kind === 'refused' && api.kind === 'ok';
}

/** Every role × resource × action (approve has no generic route to try) on `server`, judged by `truth`'s database. */
export async function walkForLeaks(
  server: TestServer,
  truth: TestServer,
  emailOf?: (role: string) => string,
): Promise<{ checked: number; forbidden: number; leaks: string[] }> {
  const callers = await signInEveryRole(server.db.knex, server.url, emailOf);
  const cases = (await buildCases(truth.db.knex, callers, [...server.schema.resources.values()])).filter((c) => c.verb !== 'approve');
  const found: string[] = [];
  let forbidden = 0;
  for (const c of cases) {
    const db = await askDatabase(truth.db.knex, c);
    if (db.kind === 'refused') forbidden++;
    const api = await askApi(c);
    if (leaks(c, api, db)) found.push(`${describeCase(c)}: API ${api.kind} ${api.detail ?? ''}`);
  }
  return { checked: cases.length, forbidden, leaks: found };
}

/** Makes a database enforce nothing on its own: row security off, and every table granted to the API's role. */
export async function enforceNothing(knex: Knex): Promise<void> {
  const { rows } = await knex.raw(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relrowsecurity AND c.relkind IN ('r', 'p')`,
  );
  for (const { name } of rows as { name: string }[]) {
    await knex.raw(`ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`);
    await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${name} TO gatehouse_api`);
  }
}
