import type { SeedContext, World } from './SeedContext.js';
import { employeesOf } from './SeedContext.js';
import type { BookingSeed } from './buildBookings.js';
import type { CustomerSeed } from './buildCustomers.js';
import { ANCHOR, at, daysAgo, daysBetween, later } from './demoClock.js';

type Category = 'booking_issue' | 'payment_issue' | 'service_quality' | 'technical' | 'feedback' | 'other';
const TOPICS: Record<Category, readonly (readonly [string, string])[]> = {
  booking_issue: [['Therapist did not arrive on time', 'The therapist came 40 minutes late and the session was cut short.'], ['Unable to reschedule my booking', 'The app shows an error when I pick a new slot.'], ['Booking shows the wrong time', 'I booked 6 pm but the confirmation says 4 pm.']],
  payment_issue: [['Charged twice for one booking', 'My card was debited twice for the same booking. Please refund one.'], ['Refund not received yet', 'My booking was cancelled a week ago and the refund has not arrived.'], ['UPI payment failed but amount debited', 'The payment failed in the app but the money left my account.']],
  service_quality: [['Massage pressure was too light', 'I asked for firm pressure but it stayed very light throughout.'], ['Room was not clean', 'The towels were damp and the shower was dirty.'], ['Therapist was on the phone', 'The therapist took two calls during my session.']],
  technical: [['App crashes on the payment page', 'Android app closes when I tap Pay.'], ['OTP not received', 'I do not get the login OTP on my number.'], ['Cannot save a new address', 'The address form keeps spinning.']],
  feedback: [['Loved the new Ayurveda menu', 'Shirodhara at home was wonderful. Please add more Ayurvedic options.'], ['Please add late-evening slots', 'Slots after 9 pm would help working people.']],
  other: [['How do I become a Gold member?', 'What do I need to do to upgrade my membership tier?'], ['Gift card for my mother', 'Can I buy a spa gift card for someone else?']],
};
const CATEGORIES = [['booking_issue', 25], ['payment_issue', 22], ['service_quality', 20], ['technical', 13], ['feedback', 10], ['other', 10]] as const;
const INTERNAL = ['Checked with the vendor: therapist was stuck in traffic.', 'Gateway shows the second debit as auto-reversed; confirm with finance.', 'Escalated to the vendor manager.', 'Customer has 3 similar complaints this quarter.'];

/** Support tickets (number left to the trigger) with 2–6 messages each, some internal notes. */
export function buildSupport(ctx: SeedContext, world: World, bookings: readonly BookingSeed[], customers: readonly CustomerSeed[], count: number) {
  const { rng } = ctx;
  const agents = employeesOf(world, 'customer_care');
  const system = world.demo.super_admin ?? agents[0]!.id;
  const demo = customers.find((c) => c.id === world.demo.customer);
  const tickets: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  const past = bookings.filter((b) => b.date < ANCHOR);
  const demoPast = past.filter((b) => b.customer === demo);
  for (let i = 0; i < count; i++) {
    const forDemo = demo && i < 3;
    const withBooking = forDemo || rng.chance(0.7);
    const booking = withBooking ? rng.pick(forDemo && demoPast.length ? demoPast : past) : undefined;
    const customer = booking?.customer ?? (forDemo ? demo : rng.pick(customers));
    const category: Category = booking ? rng.weighted(CATEGORIES.slice(0, 3)) : rng.weighted(CATEGORIES.slice(3));
    const [subject, description] = rng.pick(TOPICS[category]);
    const createdAt = booking ? later(at(booking.date, booking.minutes + 120), rng.int(0, 60 * 24 * 3)) : at(daysAgo(rng.int(1, 300)), rng.int(480, 1380));
    const created = createdAt > `${ANCHOR}T00:00:00+05:30` ? later(`${ANCHOR}T00:00:00+05:30`, -rng.int(10, 600)) : createdAt;
    const age = daysBetween(created.slice(0, 10), ANCHOR);
    const status = forDemo ? (['closed', 'waiting', 'open'] as const)[i]!
      : age <= 2 ? rng.weighted([['open', 50], ['in_progress', 50]] as const)
      : age <= 7 ? rng.weighted([['in_progress', 40], ['waiting', 30], ['resolved', 30]] as const)
      : rng.weighted([['closed', 60], ['resolved', 35], ['waiting', 5]] as const);
    const agent = status === 'open' ? null : rng.pick(agents);
    const assignedAt = agent ? later(created, rng.int(10, 240)) : null;
    const resolvedAt = status === 'resolved' || status === 'closed' ? later(assignedAt!, rng.int(601, 60 * 72)) : null;
    const id = rng.uuid();
    tickets.push({
      id,
      customer_id: customer.id,
      booking_id: booking?.id ?? null,
      category,
      priority: category === 'payment_issue' && rng.chance(0.4) ? 'high' : rng.weighted([['low', 25], ['medium', 55], ['high', 15], ['urgent', 5]] as const),
      subject,
      description,
      status,
      assigned_to: agent?.id ?? null,
      assigned_at: assignedAt,
      resolved_at: resolvedAt,
      resolution_notes: resolvedAt ? rng.pick(['Refund processed to the original payment method.', 'Apologised and issued 200 loyalty points as goodwill.', 'Vendor warned; therapist retrained.', 'Explained the process; customer satisfied.']) : null,
      satisfaction_rating: status === 'closed' && rng.chance(0.8) ? rng.weighted([[5, 40], [4, 35], [3, 15], [2, 5], [1, 5]] as const) : null,
      attachments: rng.chance(0.1) ? [`https://files.ombaro.example/tickets/${id}/screenshot.png`] : null,
      created_at: created,
      updated_at: resolvedAt ?? assignedAt ?? created,
    });
    // The thread: customer, agent reply, an internal note, customer follow-up, resolution, closure.
    const thread: [string, string, string, boolean, string][] = [[customer.id, 'customer', description, false, created]];
    if (agent && assignedAt) {
      thread.push([agent.id, 'employee', `Hi ${customer.person.first}, sorry about this. I am looking into it and will update you shortly.`, false, later(assignedAt, rng.int(2, 30))]);
      if (rng.chance(0.45)) thread.push([agent.id, 'employee', rng.pick(INTERNAL), true, later(assignedAt, rng.int(31, 120))]);
      if (status !== 'in_progress' || rng.chance(0.5)) thread.push([customer.id, 'customer', rng.pick(['Thank you, waiting for your update.', 'Any news on this?', 'Okay, please do it quickly.']), false, later(assignedAt, rng.int(121, 600))]);
    } else {
      thread.push([system, 'system', 'We have received your request. A customer care executive will contact you soon.', false, later(created, 1)]);
    }
    if (resolvedAt && agent) thread.push([agent.id, 'employee', 'This has been resolved. Please let us know if anything else is needed.', false, resolvedAt]);
    if (status === 'closed') thread.push([system, 'system', 'Ticket closed after 48 hours without further replies.', false, later(resolvedAt!, 2880)]);
    for (const [sender, type, text, internal, when] of thread.slice(0, 6)) {
      messages.push({ id: rng.uuid(), ticket_id: id, sender_id: sender, sender_type: type, message: text, attachments: null, is_internal: internal, created_at: when });
    }
  }
  return { tickets, messages };
}
