import type { SeedContext, World } from './SeedContext.js';
import type { BookingSeed } from './buildBookings.js';
import type { AssignmentSeed } from './buildAssignments.js';
import { ANCHOR, at, daysAgo, later } from './demoClock.js';

const NOW = `${ANCHOR}T09:00:00+05:30`;

/**
 * Notifications of the last 90 days' bookings (all of the demo customer's), plus the demo
 * vendor's and therapist's alerts and, in batch 0, a few system alerts for every demo user.
 */
export function buildNotifications(ctx: SeedContext, world: World, bookings: readonly BookingSeed[], assigned: readonly AssignmentSeed[], batch: number) {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  const recent = daysAgo(90);
  const push = (userId: string, type: string, title: string, message: string, when: string, data: Record<string, unknown>) => {
    if (when > NOW) return;
    const read = when < later(NOW, -60 * 24 * 3) ? rng.chance(0.85) : rng.chance(0.3);
    rows.push({
      id: rng.uuid(),
      user_id: userId,
      type,
      title,
      message,
      data: JSON.stringify(data),
      channels: type === 'promotion' ? ['push', 'email'] : ['push', 'in_app'],
      is_read: read,
      read_at: read ? later(when, rng.int(1, 600)) : null,
      created_at: when,
    });
  };
  const therapistOf = new Map<string, string>();
  for (const a of assigned) if (!therapistOf.has(a.bookingId)) therapistOf.set(a.bookingId, a.therapistId);

  for (const b of bookings) {
    const demo = b.customer.id === world.demo.customer;
    if (b.date < recent && !demo) continue;
    const data = { booking_id: b.id, vendor_id: b.vendor.id, link: `/bookings/${b.id}` };
    const start = at(b.date, b.minutes);
    const u = b.customer.id;
    if (b.status !== 'pending') push(u, 'booking_confirmed', 'Booking confirmed', `Your ${b.items[0]!.service.name} at ${b.vendor.name} on ${b.date} is confirmed.`, later(b.createdAt, 2), data);
    if (b.vendor.id === world.demo.vendor) push(b.vendor.id, 'booking_confirmed', 'New booking', `${b.customer.person.name} booked ${b.items[0]!.service.name} for ${b.date}.`, later(b.createdAt, 1), data);
    if (therapistOf.has(b.id)) push(u, 'therapist_assigned', 'Therapist assigned', 'Your therapist has been assigned and will be there on time.', later(b.createdAt, 60), data);
    if (b.status === 'completed' || b.status === 'in_progress') push(u, 'reminder', 'Your session is in 2 hours', `Reminder: ${b.items[0]!.service.name} at ${b.minutes / 60 >= 12 ? 'the afternoon' : 'the morning'} slot.`, later(start, -120), data);
    if (b.status === 'completed') push(u, 'service_completed', 'How was your session?', 'Rate your experience and earn 50 loyalty points.', later(start, b.items.reduce((s, it) => s + it.duration, 0) + 15), data);
    if (b.paymentStatus === 'paid' || b.paymentStatus === 'partial') push(u, 'payment_received', 'Payment received', `We received ₹${b.paidTotal.toLocaleString('en-IN')} for your booking.`, later(b.createdAt, 4), data);
    if (b.status === 'cancelled' && b.cancelledAt) push(u, 'booking_cancelled', 'Booking cancelled', `Your booking at ${b.vendor.name} was cancelled.`, b.cancelledAt, data);
    if (b.paymentStatus === 'refunded' && b.cancelledAt) push(u, 'refund_processed', 'Refund processed', 'Your refund will reach your account in 5–7 working days.', later(b.cancelledAt, 120), data);
  }
  const byId = new Map(bookings.map((b) => [b.id, b]));
  const therapistUser = world.demo.therapist;
  for (const a of assigned) {
    const b = byId.get(a.bookingId)!;
    if (a.therapistId !== world.demoTherapist || !therapistUser || b.date < recent) continue;
    push(therapistUser, 'therapist_assigned', 'New assignment', `${b.items[0]!.service.name} for ${b.customer.person.first} on ${b.date} at ${b.place.locality || b.place.city}.`, later(b.createdAt, 60), { booking_id: b.id });
  }
  const promoAt = at('2026-10-15', 600);
  for (const c of new Set(bookings.map((b) => b.customer.id))) {
    if (rng.chance(0.1) || c === world.demo.customer) push(c, 'promotion', 'Diwali Glow Festival', 'Flat ₹500 off on spa bookings above ₹3,000 with code DIWALI500.', promoAt, { promotion_code: 'DIWALI500' });
  }
  if (batch === 0) {
    for (const [role, id] of Object.entries(world.demo)) {
      if (role === 'customer') continue;
      push(id, 'system_alert', 'Welcome to the OMBARO back-office', `You are signed in with the ${role} role.`, at(daysAgo(30), 600), { role });
      push(id, 'system_alert', 'Scheduled maintenance', 'The platform will be read-only on Sunday 2–3 am for maintenance.', at(daysAgo(2), 1080), {});
    }
  }
  return rows;
}
