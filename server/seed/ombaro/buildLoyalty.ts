import type { SeedContext } from './SeedContext.js';
import type { BookingSeed } from './buildBookings.js';
import type { CustomerSeed } from './buildCustomers.js';
import { at, daysAgo, later } from './demoClock.js';

/**
 * The loyalty ledger: a welcome bonus, 1 point per ₹100 actually paid on completed bookings,
 * redemptions when the balance allows, referral bonuses and a few expiries. The balance
 * (customers.loyalty_points) is summed from it afterwards.
 */
export function buildLoyalty(ctx: SeedContext, customers: readonly CustomerSeed[], bookings: readonly BookingSeed[]): Record<string, unknown>[] {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  const balance = new Map<string, number>();
  const add = (customerId: string, type: string, points: number, when: string, description: string, bookingId: string | null = null) => {
    balance.set(customerId, (balance.get(customerId) ?? 0) + points);
    rows.push({ id: rng.uuid(), customer_id: customerId, transaction_type: type, points, booking_id: bookingId, description, created_at: when });
  };
  for (const c of customers) add(c.id, 'earned', 100, later(c.createdAt, 1), 'Welcome bonus');
  const referred = new Map<string, CustomerSeed[]>();
  for (const c of customers) if (c.referredBy) referred.set(c.referredBy, [...(referred.get(c.referredBy) ?? []), c]);

  const sorted = [...bookings].filter((b) => b.paidTotal > 0).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  for (const b of sorted) {
    const have = balance.get(b.customer.id) ?? 0;
    if (have >= 300 && rng.chance(0.25)) {
      const used = Math.min(have, rng.pick([200, 300, 500]));
      add(b.customer.id, 'redeemed', -used, later(b.createdAt, 1), 'Redeemed against a booking', b.id);
    }
    if (b.status === 'completed') add(b.customer.id, 'earned', Math.floor(b.paidTotal / 100), at(b.date, b.minutes + 180), 'Points for completed booking', b.id);
  }
  for (const [referrer, friends] of referred) {
    for (const f of friends) add(referrer, 'earned', 250, later(f.createdAt, 60 * 24), `Referral bonus: ${f.person.first} joined`);
  }
  for (const c of customers) {
    const have = balance.get(c.id) ?? 0;
    if (have > 150 && rng.chance(0.03)) add(c.id, 'expired', -Math.min(have, 100), at(daysAgo(rng.int(1, 20)), 5), 'Points expired (12-month validity)');
    else if (rng.chance(0.01)) add(c.id, 'adjusted', 200, at(daysAgo(rng.int(1, 200)), 700), 'Goodwill points after a support ticket');
  }
  return rows;
}
