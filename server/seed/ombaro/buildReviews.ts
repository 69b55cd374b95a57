import type { SeedContext, World } from './SeedContext.js';
import { employeesOf } from './SeedContext.js';
import type { BookingSeed } from './buildBookings.js';
import type { AssignmentSeed } from './buildAssignments.js';
import { ANCHOR, at, later } from './demoClock.js';

const GOOD: readonly (readonly [string, string])[] = [
  ['Absolutely loved it', 'The therapist was skilled and the ambience was calming. Left feeling light and relaxed.'],
  ['Best massage in town', 'Perfect pressure and great attention to my stiff shoulders. Highly recommend.'],
  ['Worth every rupee', 'Clean rooms, warm towels, herbal tea afterwards. Will definitely come back.'],
  ['Very professional', 'On time, courteous and knew exactly what to do with my lower back pain.'],
];
const MIXED: readonly (readonly [string, string])[] = [
  ['Good but could be better', 'Massage was nice but the room was noisy and the shower was not clean.'],
  ['Average experience', 'Therapist was fine, but the session started 15 minutes late.'],
];
const BAD: readonly (readonly [string, string])[] = [
  ['Disappointed', 'Pressure was too light even after asking twice, and the session felt rushed.'],
  ['Not as advertised', 'Oils were not what was listed and the room smelt damp.'],
];

/** Reviews for ~30% of completed bookings (most of the demo customer's), moderated by customer care. */
export function buildReviews(ctx: SeedContext, world: World, seeds: readonly BookingSeed[], assigned: readonly AssignmentSeed[]): Record<string, unknown>[] {
  const { rng } = ctx;
  const moderators = employeesOf(world, 'customer_care', 'admin');
  const firstAssignment = new Map<string, AssignmentSeed>();
  for (const a of assigned) if (!firstAssignment.has(a.bookingId)) firstAssignment.set(a.bookingId, a);
  const rows: Record<string, unknown>[] = [];
  for (const b of seeds) {
    if (b.status !== 'completed') continue;
    if (!rng.chance(b.customer.id === world.demo.customer ? 0.7 : 0.3)) continue;
    const a = firstAssignment.get(b.id);
    const overall = a?.rating ?? rng.weighted([[5, 45], [4, 33], [3, 13], [2, 5], [1, 4]] as const);
    const near = () => Math.max(1, Math.min(5, overall + rng.pick([-1, 0, 0, 0, 1])));
    const [title, text] = rng.pick(overall >= 4 ? GOOD : overall === 3 ? MIXED : BAD);
    const createdAt = later(at(b.date, b.minutes + 90), rng.int(30, 60 * 24 * 5));
    const recent = createdAt.slice(0, 10) >= '2026-10-25';
    const status = recent && rng.chance(0.7) ? 'pending'
      : overall <= 2 && rng.chance(0.3) ? 'flagged'
      : rng.weighted([['approved', 93], ['rejected', 4], ['flagged', 3]] as const);
    rows.push({
      id: rng.uuid(),
      booking_id: b.id,
      customer_id: b.customer.id,
      vendor_id: b.vendor.id,
      therapist_id: a?.therapistId ?? null,
      service_id: b.items[0]!.service.id,
      overall_rating: overall,
      service_quality_rating: near(),
      professionalism_rating: near(),
      cleanliness_rating: b.type === 'home_service' ? null : near(),
      value_for_money_rating: near(),
      title,
      review_text: text,
      photos: rng.chance(0.08) ? [`https://cdn.ombaro.example/reviews/${b.id}/1.jpg`] : null,
      would_recommend: overall >= 4,
      status,
      moderated_by: status === 'pending' ? null : rng.pick(moderators).id,
      moderation_notes: status === 'rejected' ? 'Contains personal contact details' : status === 'flagged' ? 'Vendor disputes the claims; under review' : null,
      helpful_count: status === 'approved' ? rng.int(0, 25) : 0,
      created_at: createdAt > `${ANCHOR}T00:00:00+05:30` ? `${ANCHOR}T00:00:00+05:30` : createdAt,
      updated_at: createdAt > `${ANCHOR}T00:00:00+05:30` ? `${ANCHOR}T00:00:00+05:30` : createdAt,
    });
  }
  return rows;
}
