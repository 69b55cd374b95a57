import type { SeedContext, World } from './SeedContext.js';
import { buildCustomers, type CustomerSeed } from './buildCustomers.js';
import { insertCustomers } from './insertCustomers.js';
import { bookingRows, buildBookings, type BookingSeed } from './buildBookings.js';
import { buildPayments } from './buildPayments.js';
import { buildAssignments } from './buildAssignments.js';
import { buildReviews } from './buildReviews.js';
import { buildSupport } from './buildSupport.js';
import { buildNotifications } from './buildNotifications.js';
import { buildAnalytics } from './buildAnalytics.js';
import { buildLoyalty } from './buildLoyalty.js';
import { insertRows } from './insertRows.js';
import { reserveDocumentNumbers } from './documentNumbers.js';
import { later } from './demoClock.js';

/** Rows of one volume batch at scale 1. */
export const VOLUME = { customers: 2000, bookings: 10_000, tickets: 500, events: 20_000 } as const;

/** Approximate rows a batch writes, for the progress bar. */
export const volumeRows = (scale: number) => Math.round(scale * 101_500);

/**
 * The most volume one batch holds: a batch is built whole in memory before it is written, and
 * scale 100 at once (10 million rows) outgrew Node's default heap. A larger scale is seeded as
 * several batches of at most this.
 */
export const BATCH_SCALE = 10;

/** `scale` cut into batches of at most BATCH_SCALE. */
export function batchScales(scale: number): number[] {
  const full = Math.floor(scale / BATCH_SCALE);
  const rest = scale - full * BATCH_SCALE;
  return [...Array.from({ length: full }, () => BATCH_SCALE), ...(rest > 0 ? [rest] : [])];
}

/**
 * One batch of volume data: customers, bookings with everything that hangs off them,
 * reviews, tickets, notifications, analytics events and the loyalty ledger. Its writes go to
 * VOLUME_TABLES, which the caller loads quietly (quietLoad.ts) around all its batches at once.
 */
export async function seedVolume(ctx: SeedContext, world: World, batch: number, scale: number): Promise<void> {
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  const { trx, progress } = ctx;
  const customers = buildCustomers(ctx, world, batch, n(VOLUME.customers));
  const bookings = buildBookings(ctx, world, customers, n(VOLUME.bookings));
  const { payments, usage } = buildPayments(ctx, world, bookings, batch);
  const { rows: assignments, assigned } = buildAssignments(ctx, bookings);

  // Everyone signed up before their first booking.
  const first = new Map<string, string>();
  for (const b of bookings) {
    const seen = first.get(b.customer.id);
    if (!seen || b.createdAt < seen) first.set(b.customer.id, b.createdAt);
  }
  for (const c of customers) {
    const f = first.get(c.id);
    if (f && f <= c.createdAt) c.createdAt = later(f, -ctx.rng.int(60, 60 * 24 * 20));
  }

  const reviews = buildReviews(ctx, world, bookings, assigned);
  const { tickets, messages } = buildSupport(ctx, world, bookings, customers, n(VOLUME.tickets));
  const notifications = buildNotifications(ctx, world, bookings, assigned, batch);
  const events = buildAnalytics(ctx, world, customers, n(VOLUME.events), batch);
  const loyalty = buildLoyalty(ctx, customers, bookings);
  customerTotals(customers, bookings, loyalty);

  await insertCustomers(ctx, customers, batch);
  const { bookings: bookingTable, items } = bookingRows(ctx, bookings);
  // In creation order, so each day's booking (and ticket) numbers follow the clock.
  const insertNumbered = async (table: string, prefix: string, column: string, rows: Record<string, unknown>[]) => {
    const inOrder = byCreation(rows);
    await reserveDocumentNumbers(trx, prefix, column, inOrder);
    await insertRows(trx, table, inOrder, progress);
  };
  await insertNumbered('public.bookings', 'OBO', 'booking_number', bookingTable);
  await insertRows(trx, 'public.booking_items', items, progress);
  await insertRows(trx, 'public.therapist_assignments', assignments, progress);
  await insertRows(trx, 'public.payments', payments, progress);
  await insertRows(trx, 'public.promotion_usage', usage, progress);
  await insertRows(trx, 'public.reviews', reviews, progress);
  await insertNumbered('public.support_tickets', 'TKT', 'ticket_number', tickets);
  await insertRows(trx, 'public.ticket_messages', messages, progress);
  await insertRows(trx, 'public.notifications', notifications, progress);
  await insertRows(trx, 'public.analytics_events', events, progress);
  await insertRows(trx, 'public.loyalty_transactions', loyalty, progress);
}

/** The tables a batch writes. */
export const VOLUME_TABLES = [
  'auth.users', 'public.user_profiles', 'public.customers', 'public.customer_addresses',
  'public.bookings', 'public.booking_items', 'public.therapist_assignments', 'public.payments',
  'public.promotion_usage', 'public.reviews', 'public.support_tickets', 'public.ticket_messages',
  'public.notifications', 'public.analytics_events', 'public.loyalty_transactions',
];

/** Rows by created_at (a stable sort: rows created at the same instant keep their order). */
function byCreation(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const at = rows.map((r, i) => ({ r, t: Date.parse(String(r.created_at)), i }));
  at.sort((a, b) => a.t - b.t || a.i - b.i);
  return at.map((x) => x.r);
}

/** customers.total_bookings / total_spent / loyalty_points / referral_count / tier, from this batch's rows. */
function customerTotals(customers: readonly CustomerSeed[], bookings: readonly BookingSeed[], loyalty: readonly Record<string, unknown>[]): void {
  const totals = new Map(customers.map((c) => [c.id, { bookings: 0, spent: 0, points: 0, referrals: 0 }]));
  for (const b of bookings) {
    const t = totals.get(b.customer.id)!;
    if (b.status !== 'cancelled') t.bookings++;
    t.spent += b.paidTotal;
  }
  for (const l of loyalty) totals.get(String(l.customer_id))!.points += Number(l.points);
  for (const c of customers) if (c.referredBy) totals.get(c.referredBy)!.referrals++;
  for (const c of customers) {
    const t = totals.get(c.id)!;
    const spent = Math.round(t.spent * 100) / 100;
    c.row.total_bookings = t.bookings;
    c.row.total_spent = spent;
    c.row.loyalty_points = t.points;
    c.row.referral_count = t.referrals;
    c.row.membership_tier = spent >= 100_000 ? 'diamond' : spent >= 50_000 ? 'platinum' : spent >= 20_000 ? 'gold' : 'silver';
  }
}
