import type { SeedContext } from './SeedContext.js';
import type { CustomerSeed } from './buildCustomers.js';
import { insertUsers } from './insertUsers.js';
import { insertRows } from './insertRows.js';
import { later } from './demoClock.js';

/** Writes a batch of customers: auth.users + user_profiles (role customer) + customers + addresses. */
export async function insertCustomers(ctx: SeedContext, customers: readonly CustomerSeed[], batch: number): Promise<void> {
  const { rng } = ctx;
  await insertUsers(ctx, customers.map((c) => ({
    id: c.id,
    email: c.email,
    person: c.person,
    role: 'customer',
    createdAt: c.createdAt,
    place: c.places[0],
    batch,
    lastSignInAt: rng.chance(0.7) ? later('2026-11-01T10:00:00+05:30', -rng.int(60, 60 * 24 * 90)) : null,
    status: rng.chance(0.98) ? 'active' : rng.pick(['inactive', 'suspended'] as const),
  })));
  await insertRows(ctx.trx, 'public.customers', customers.map((c) => ({
    ...c.row,
    membership_start_date: c.createdAt.slice(0, 10),
    created_at: c.createdAt,
    updated_at: c.createdAt,
  })), ctx.progress);
  await insertRows(ctx.trx, 'public.customer_addresses', customers.flatMap((c) => c.addressRows.map((a) => ({
    ...a,
    created_at: c.createdAt,
    updated_at: c.createdAt,
  }))), ctx.progress);
}
