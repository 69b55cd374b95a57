import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Pack } from '../../permissions/packModel.js';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../auth/demoAccounts.js';
import { hashPassword, passwordSetSql } from '../auth/passwords.js';
import { runSqlScript } from '../data/sqlScript.js';
import { applyGovernance } from '../govern/governDatabase.js';
import { readGovernance } from '../meta/governance.js';

/**
 * A demo is a pack with a schema and data of its own, in folders of its name:
 * permissions/packs/<name>/pack.json, migrations/<name>/ and server/seed/<name>/. Its data is
 * either a program (seedDemo.ts: hasDemoData, seedDemo) or one SQL script (demo_data.sql),
 * loaded once.
 */
const SEED_ROOT = path.dirname(fileURLToPath(import.meta.url));

interface DemoProgram {
  hasDemoData: (knex: Knex) => Promise<boolean>;
  seedDemo: (knex: Knex, options: { onProgress?: (done: number, total: number) => void }) => Promise<void>;
}

const programOf = (name: string) => ['seedDemo.ts', 'seedDemo.js'].map((f) => path.join(SEED_ROOT, name, f)).find((f) => existsSync(f));

/**
 * Installs demo `name` on a migrated database: its data the first time, then its pack's rules
 * where `govern` keeps them (a demo whose migrations govern it is left as they made it; an edited
 * pack is applied again), then a password for each demo person who has none (never in production).
 */
export async function installDemo(knex: Knex, name: string, pack: Pack, logger: Logger, options: { production: boolean }): Promise<void> {
  await loadDemoData(knex, name, logger);
  const governance = await readGovernance(knex);
  const governedByRuns = (await knex('gatehouse.govern_runs').whereNull('reverted_at').first('id')) !== undefined;
  if (!governance || governedByRuns) {
    const outcome = await applyGovernance(knex, pack);
    if (outcome.changed) logger.info(`governed the demo database with the pack "${pack.name}" (run ${outcome.run})`);
  }
  if (!options.production) {
    const given = await giveDemoPasswords(knex);
    if (given) logger.info(`${given} demo people can now sign in with the demo password`);
  }
}

async function loadDemoData(knex: Knex, name: string, logger: Logger): Promise<void> {
  const program = programOf(name);
  if (program) {
    const { hasDemoData, seedDemo } = (await import(pathToFileURL(program).href)) as DemoProgram;
    if (await hasDemoData(knex)) return;
    logger.info('seeding demo data (first start only, about 10 seconds)...');
    let reported = 0;
    await seedDemo(knex, {
      onProgress: (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent >= reported + 25) logger.info(`seeding demo data: ${(reported = percent)}%`);
      },
    });
    return;
  }
  const script = path.join(SEED_ROOT, name, 'demo_data.sql');
  if (!existsSync(script)) return;
  await knex.transaction(async (trx) => {
    await trx.raw('CREATE TABLE IF NOT EXISTS gatehouse.demo_data (name text PRIMARY KEY, loaded_at timestamptz NOT NULL DEFAULT now())');
    const loaded = await trx('gatehouse.demo_data').insert({ name }).onConflict('name').ignore().returning('name');
    if (loaded.length === 0) return;
    logger.info(`loading the ${name} demo data (first start only)...`);
    await runSqlScript(trx, readFileSync(script, 'utf8'));
  });
}

/** Demo people (an account at the demo domain) without a password get the demo password; returns how many. */
async function giveDemoPasswords(knex: Knex): Promise<number> {
  const accounts = (await knex('auth.users')
    .whereRaw(`NOT ${passwordSetSql('encrypted_password')}`)
    .whereLike('email', `%@${DEMO_DOMAIN}`)
    .select('id')) as { id: string }[];
  for (const { id } of accounts) await knex('auth.users').where({ id }).update({ encrypted_password: await hashPassword(DEMO_PASSWORD) });
  return accounts.length;
}

/** The demo sign-ins this database has, administrator's first: the accounts at the demo domain. */
export async function demoSignIns(knex: Knex, administrator: string): Promise<string[]> {
  const rows = (await knex('auth.users').whereLike('email', `%@${DEMO_DOMAIN}`).whereRaw(passwordSetSql('encrypted_password')).orderBy('email').select('email')) as {
    email: string;
  }[];
  const emails = rows.map((r) => r.email);
  const first = emails.filter((e) => e.split('@')[0] === administrator.toLowerCase());
  return [...first, ...emails.filter((e) => !first.includes(e))];
}
