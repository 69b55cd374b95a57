import { Faker, base, en, en_IN } from '@faker-js/faker';
import type { Knex } from 'knex';
import { hashPassword } from '../../auth/passwords.js';
import { DEMO_PASSWORD } from '../../auth/demoAccounts.js';
import { createRandom } from './createRandom.js';
import type { SeedContext } from './SeedContext.js';
import { seedBase, BASE_ROWS } from './seedBase.js';
import { loadWorld } from './loadWorld.js';
import { batchScales, seedVolume, VOLUME_TABLES, volumeRows } from './seedVolume.js';
import { quietLoad } from './quietLoad.js';
import { seedSettlements } from './seedSettlements.js';
import { refreshTotals } from './refreshTotals.js';

export { DEMO_DOMAIN, DEMO_PASSWORD } from '../../auth/demoAccounts.js';

/** The 22 roles of user_profiles.role's CHECK: one demo user `<role>@demo.gatehouse.dev` each. */
export const DEMO_ROLES: readonly string[] = [
  'customer', 'vendor', 'therapist', 'employee', 'admin',
  'accounts_department', 'marketing_department', 'finance_department',
  'legal_department', 'customer_care', 'staff_department',
  'vendor_list', 'customer_data', 'fo_department', 'it_department',
  'super_admin', 'ho_details', 'corporate_office', 'advocate',
  'ca_cs', 'directors', 'hr_department',
];

const SEED = 20251;

export interface SeedOptions {
  /** Multiplies the volume tables (customers, bookings and what hangs off them, tickets, events). Default 1. */
  scale?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** True when the OMBARO demo data is there (any vendor). */
export async function hasDemoData(knex: Knex): Promise<boolean> {
  const { rows } = (await knex.raw(`SELECT to_regclass('public.vendors') IS NOT NULL AS present`)) as { rows: { present: boolean }[] };
  if (!rows[0]?.present) return false;
  return (await knex('public.vendors').first('id')) !== undefined;
}

/**
 * Seeds the OMBARO demo in one transaction. On an empty database: the fixed part (demo users,
 * catalog, employees and HR, vendors and therapists, marketing) and volume batch 0. On a seeded
 * one: the next volume batch only. (A scale above BATCH_SCALE is seeded as several batches.)
 * The batch index (kept in the customers' raw_app_meta_data.demo_batch) goes into their
 * e-mails, referral codes and transaction ids, so batches never collide on unique columns. Every batch has its own fixed random seed, and all
 * dates hang off the anchor 2026-11-01, so the same sequence of runs gives the same data.
 */
export async function seedDemo(knex: Knex, opts: SeedOptions = {}): Promise<void> {
  const scale = opts.scale ?? 1;
  if (!(scale > 0)) throw new Error(`scale must be a positive number, got ${scale}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await knex.transaction(async (trx) => {
    const seeded = await hasDemoData(trx);
    let total = (seeded ? 0 : BASE_ROWS) + volumeRows(scale);
    let done = 0;
    const progress = {
      add(rows: number, label: string) {
        done += rows;
        total = Math.max(total, done);
        opts.onProgress?.(done, total, label);
      },
    };
    const faker = new Faker({ locale: [en_IN, en, base] });
    const ctx = (seed: number | number[]): SeedContext => {
      faker.seed(seed);
      return { trx, rng: createRandom(Array.isArray(seed) ? seed[0]! * 7919 + seed[1]! : seed), faker, progress, passwordHash };
    };

    const demoRng = createRandom(SEED);
    const demoIds = Object.fromEntries(DEMO_ROLES.map((role) => [role, demoRng.uuid()]));
    if (!seeded) await seedBase(ctx(SEED), demoIds);

    const { rows } = (await trx.raw(`SELECT max((raw_app_meta_data->>'demo_batch')::int) AS last FROM auth.users`)) as { rows: { last: number | null }[] };
    const batch = rows[0]?.last === null || rows[0]?.last === undefined ? 0 : rows[0].last + 1;
    const world = await loadWorld(trx);
    if (batch === 0) world.demo.customer = demoIds.customer!;
    // Loaded quietly once for all batches: its foreign-key check reads the whole tables.
    await quietLoad(trx, VOLUME_TABLES, async () => {
      for (const [i, part] of batchScales(scale).entries()) await seedVolume(ctx([SEED, batch + i + 1]), world, batch + i, part);
    });
    await seedSettlements(ctx([SEED, 1000 + batch]), world);
    await refreshTotals(trx);
    opts.onProgress?.(total, total, 'done');
  });
}
