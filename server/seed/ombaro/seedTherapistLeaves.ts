import type { SeedContext } from './SeedContext.js';
import type { TherapistSeed } from './seedTherapists.js';
import type { VendorSeed } from './seedVendors.js';
import { insertRows } from './insertRows.js';
import { ANCHOR, addDays, at, daysAgo, later } from './demoClock.js';

const REASONS: Record<string, readonly string[]> = {
  sick: ['Fever and cold', 'Back strain', 'Doctor advised rest'],
  casual: ['Family function', 'Personal work', 'Festival at home'],
  emergency: ['Family emergency', 'Child unwell'],
  annual: ['Visiting hometown', 'Annual vacation', 'Sister\'s wedding'],
};

/**
 * Therapist leaves (decided by the vendor's user, never by the therapist) and a short GPS
 * trail for a few therapists on the anchor's eve.
 */
export async function seedTherapistLeaves(ctx: SeedContext, therapists: readonly TherapistSeed[], vendors: readonly VendorSeed[]): Promise<void> {
  const { rng } = ctx;
  const leaves: Record<string, unknown>[] = [];
  const leave = (t: TherapistSeed, type: string, from: string, days: number, status: string) => {
    const day = addDays(from, type === 'sick' || type === 'emergency' ? 0 : -rng.int(4, 15));
    const created = at(day < ANCHOR ? day : daysAgo(rng.int(1, 10)), rng.int(480, 1200));
    const decided = status !== 'pending';
    leaves.push({
      id: rng.uuid(),
      therapist_id: t.id,
      leave_type: type,
      start_date: from,
      end_date: addDays(from, days - 1),
      reason: rng.pick(REASONS[type]!),
      status,
      approved_by: decided ? t.vendorId : null,
      approved_at: decided ? later(created, rng.int(30, 600)) : null,
      rejection_reason: status === 'rejected' ? rng.pick(['Weekend fully booked', 'Two therapists already on leave']) : null,
      documents: type === 'sick' && days > 1 ? [`https://files.ombaro.example/therapists/${t.id}/medical.pdf`] : null,
      created_at: created,
      updated_at: created,
    });
  };
  therapists.forEach((t, i) => {
    if (t.userId) {
      leave(t, 'casual', daysAgo(50), 2, 'approved');
      leave(t, 'annual', daysAgo(21), 4, 'rejected');
      leave(t, 'annual', addDays(ANCHOR, 12), 3, 'pending');
      return;
    }
    const months = rng.sample([-5, -4, -3, -2, -1, 1], rng.int(0, 2));
    for (const m of months) {
      const type = rng.weighted([['sick', 35], ['casual', 35], ['annual', 20], ['emergency', 10]] as const);
      const from = addDays(ANCHOR, m * 30 + rng.int(-10, 10));
      const status = from > ANCHOR ? rng.weighted([['pending', 70], ['approved', 30]] as const) : rng.weighted([['approved', 80], ['rejected', 15], ['pending', 5]] as const);
      leave(t, type, from, type === 'annual' ? rng.int(3, 7) : rng.int(1, 2), status);
    }
    if (t.status === 'on_leave') leave(t, 'annual', daysAgo(3), 10 + (i % 5), 'approved');
  });
  await insertRows(ctx.trx, 'public.therapist_leaves', leaves, ctx.progress);

  // A few live trails: six fixes, five minutes apart, heading towards a customer.
  const vendorById = new Map(vendors.map((v) => [v.id, v]));
  const moving = therapists.filter((t) => t.status === 'active').filter((t, i) => t.userId !== null || i % 12 === 0);
  const points: Record<string, unknown>[] = [];
  for (const t of moving) {
    const base = vendorById.get(t.vendorId)!.place;
    const start = at(daysAgo(1), rng.int(600, 1080));
    let lat = base.latitude;
    let lng = base.longitude;
    const dLat = rng.float(-0.004, 0.004, 6);
    const dLng = rng.float(-0.004, 0.004, 6);
    for (let k = 0; k < 6; k++) {
      lat += dLat;
      lng += dLng;
      points.push({
        id: rng.uuid(),
        therapist_id: t.id,
        latitude: lat.toFixed(8),
        longitude: lng.toFixed(8),
        accuracy: rng.float(3, 25),
        altitude: rng.float(5, 920),
        speed: k === 5 ? 0 : rng.float(8, 32),
        heading: rng.float(0, 359.99),
        battery_level: 80 - k * 2 - rng.int(0, 20),
        is_moving: k < 5,
        timestamp: later(start, k * 5),
      });
    }
  }
  await insertRows(ctx.trx, 'public.therapist_locations', points, ctx.progress);
}
