import type { SeedContext, TherapistRef } from './SeedContext.js';
import type { BookingSeed } from './buildBookings.js';
import { at, clock, later } from './demoClock.js';

export interface AssignmentSeed { bookingId: string; therapistId: string; serviceId: string; rating: number | null }

const FEEDBACK = ['Very relaxing, great pressure', 'Therapist was punctual and professional', 'Good, but the room was a little cold', 'Excellent technique, will book again', 'Okay experience'];

/**
 * One therapist assignment per booked service, once a booking is assigned: a therapist of the
 * vendor who does that service (different therapists for a two-service booking when possible).
 */
export function buildAssignments(ctx: SeedContext, seeds: readonly BookingSeed[]) {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  const assigned: AssignmentSeed[] = [];
  for (const b of seeds) {
    const had = b.status === 'assigned' || b.status === 'in_progress' || b.status === 'completed' || (b.status === 'cancelled' && rng.chance(0.35));
    if (!had) continue;
    const used = new Set<string>();
    let offset = 0;
    for (const it of b.items) {
      const skilled = b.vendor.therapists.filter((t) => t.specialization.includes(it.service.code) && !used.has(t.id));
      const pool: TherapistRef[] = skilled.length ? skilled : b.vendor.therapists;
      const t = rng.pick(pool);
      used.add(t.id);
      const home = b.type === 'home_service';
      const estimated = it.duration + (it.addon ? 20 : 0);
      const status = b.status === 'completed' ? 'completed'
        : b.status === 'cancelled' ? 'cancelled'
        : b.status === 'in_progress' ? (home ? rng.pick(['in_transit', 'reached', 'in_progress']) : 'in_progress')
        : rng.pick(['assigned', 'acknowledged']);
      const start = at(b.date, b.minutes + offset + rng.int(0, 10));
      const actual = status === 'completed' ? estimated + rng.int(-5, 10) : null;
      const rating = status === 'completed' && rng.chance(0.7) ? rng.weighted([[5, 50], [4, 33], [3, 12], [2, 3], [1, 2]] as const) : null;
      offset += it.duration;
      rows.push({
        id: rng.uuid(),
        booking_id: b.id,
        therapist_id: t.id,
        vendor_id: b.vendor.id,
        customer_id: b.customer.id,
        service_id: it.service.id,
        assignment_date: b.date,
        assignment_time: clock(b.minutes),
        status,
        location_address: `${b.place.line1}, ${b.place.locality}, ${b.place.city} ${b.place.pincode}`,
        location_latitude: b.place.latitude,
        location_longitude: b.place.longitude,
        estimated_duration: estimated,
        actual_start_time: status === 'completed' || status === 'in_progress' ? start : null,
        actual_end_time: actual ? later(start, actual) : null,
        actual_duration: actual,
        distance_traveled: home && status !== 'cancelled' && status !== 'assigned' && status !== 'acknowledged' ? rng.float(1.5, 18) : null,
        travel_time: home && status === 'completed' ? rng.int(12, 65) : null,
        customer_rating: rating,
        customer_feedback: rating && rng.chance(0.5) ? rng.pick(FEEDBACK) : null,
        notes: rng.chance(0.05) ? rng.pick(['Customer requested extra focus on lower back', 'Brought own massage table', 'Parking was difficult']) : null,
        created_at: later(b.createdAt, rng.int(10, 240)),
        updated_at: actual ? later(start, actual) : later(b.createdAt, 240),
      });
      assigned.push({ bookingId: b.id, therapistId: t.id, serviceId: it.service.id, rating });
    }
  }
  return { rows, assigned };
}
