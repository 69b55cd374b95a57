import type { AddonRef, SeedContext, ServiceRef, VendorRef, World } from './SeedContext.js';
import type { CustomerSeed } from './buildCustomers.js';
import type { Place } from './cities.js';
import { addDays, at, clock, dayOfWeek, daysAgo, later } from './demoClock.js';

export interface BookingItemSeed { service: ServiceRef; duration: number; price: number; addon: AddonRef | null; subtotal: number }

export interface BookingSeed {
  id: string;
  customer: CustomerSeed;
  vendor: VendorRef;
  type: 'home_service' | 'spa_visit' | 'hotel_service';
  date: string;
  minutes: number;
  status: string;
  createdAt: string;
  cancelledAt: string | null;
  place: Place;
  items: BookingItemSeed[];
  amount: number;
  /** Filled by buildPayments. */
  paymentStatus: string;
  paidTotal: number;
}

const SPA_TYPES = new Set(['spa', 'wellness_center', 'salon']);

/** Price of a session: the 60-minute price pro rata, ending in 9 (₹2,499, ₹3,749…). */
export const sessionPrice = (s: ServiceRef, minutes: number) => Math.round((s.price * minutes) / 60 / 10) * 10 - 1;

/** Days back from the anchor, more recent days (business growth) and weekends likelier. */
function bookingDay(ctx: SeedContext): string {
  const { rng } = ctx;
  if (rng.chance(0.03)) return addDays(daysAgo(0), rng.int(0, 14)); // upcoming
  for (;;) {
    const back = rng.int(1, 365);
    const d = daysAgo(back);
    const dow = dayOfWeek(d);
    const w = (1 + (0.8 * (365 - back)) / 365) * (dow === 0 || dow === 6 ? 1.4 : 1);
    if (rng.next() * 2.52 < w) return d;
  }
}

/** One batch of bookings with their items (services offered by the vendor's therapists). */
export function buildBookings(ctx: SeedContext, world: World, customers: readonly CustomerSeed[], count: number): BookingSeed[] {
  const { rng } = ctx;
  const urn: CustomerSeed[] = customers.flatMap((c) => Array<CustomerSeed>(c.weight).fill(c));
  const byCity = new Map<string, VendorRef[]>();
  for (const v of world.vendors) byCity.set(v.place.city, [...(byCity.get(v.place.city) ?? []), v]);
  const serviceByCode = new Map(world.services.map((s) => [s.code, s]));
  const addonByCode = new Map(world.addons.map((a) => [a.code, a]));
  const menus = new Map(world.vendors.map((v) => [v.id, [...new Set(v.therapists.flatMap((t) => t.specialization))].flatMap((c) => serviceByCode.get(c) ?? [])]));
  const demoVendor = world.vendors.find((v) => v.id === world.demo.vendor);

  const seeds: BookingSeed[] = [];
  for (let i = 0; i < count; i++) {
    const customer = rng.pick(urn);
    const demoCustomer = customer.id === world.demo.customer;
    const local = byCity.get(customer.city.name);
    const vendor = demoCustomer && demoVendor && rng.chance(0.6) ? demoVendor : local && rng.chance(0.92) ? rng.pick(local) : rng.pick(world.vendors);
    const type = vendor.businessType === 'home_service' ? 'home_service'
      : vendor.businessType === 'hotel_spa' ? (rng.chance(0.6) ? 'hotel_service' : 'spa_visit')
      : SPA_TYPES.has(vendor.businessType) && rng.chance(0.25) ? 'home_service' : 'spa_visit';
    const date = bookingDay(ctx);
    const minutes = 540 + 30 * rng.int(0, 22);
    const upcoming = date >= daysAgo(0);
    const status = upcoming
      ? date === daysAgo(0) ? rng.weighted([['confirmed', 30], ['assigned', 40], ['in_progress', 30]] as const)
        : rng.weighted([['pending', 30], ['confirmed', 35], ['assigned', 28], ['cancelled', 7]] as const)
      : rng.weighted([['completed', 82], ['cancelled', 14], ['rescheduled', 4]] as const);
    // Upcoming bookings were made in the week before the anchor; past ones 0-10 days ahead.
    const createdDay = upcoming ? daysAgo(rng.int(1, 7)) : addDays(date, -rng.int(0, 10));
    const createdAt = at(createdDay, createdDay === date ? rng.int(420, minutes - 60) : rng.int(420, 1380));
    const slack = Math.max(31, Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${createdDay}T00:00:00Z`)) / 60_000));
    const menu = menus.get(vendor.id)!;
    const items: BookingItemSeed[] = rng.sample(menu, rng.chance(0.82) ? 1 : 2).map((service) => {
      const duration = rng.pick(service.durations);
      const price = sessionPrice(service, duration);
      const code = service.addons.length && rng.chance(0.22) ? rng.pick(service.addons) : undefined;
      const addon = code ? addonByCode.get(code) ?? null : null;
      return { service, duration, price, addon, subtotal: price + (addon?.price ?? 0) };
    });
    const place = type === 'home_service' ? rng.pick(customer.places) : vendor.place;
    seeds.push({
      id: rng.uuid(),
      customer,
      vendor,
      type,
      date,
      minutes,
      status,
      createdAt,
      cancelledAt: status === 'cancelled' ? later(createdAt, rng.int(30, slack)) : null,
      place,
      items,
      amount: items.reduce((s, it) => s + it.subtotal, 0),
      paymentStatus: 'pending',
      paidTotal: 0,
    });
  }
  return seeds;
}

/** bookings and booking_items rows (booking_number left to the database's trigger). */
export function bookingRows(ctx: SeedContext, seeds: readonly BookingSeed[]): { bookings: Record<string, unknown>[]; items: Record<string, unknown>[] } {
  const { rng } = ctx;
  const bookings = seeds.map((b) => ({
    id: b.id,
    customer_id: b.customer.id,
    vendor_id: b.vendor.id,
    booking_type: b.type,
    service_location: JSON.stringify({ address: `${b.place.line1}, ${b.place.locality}, ${b.place.city} ${b.place.pincode}`, latitude: b.place.latitude, longitude: b.place.longitude, landmark: b.type === 'home_service' ? null : b.vendor.name }),
    booking_date: b.date,
    booking_time: clock(b.minutes),
    status: b.status,
    cancellation_reason: b.cancelledAt ? rng.pick(['Change of plans', 'Feeling unwell', 'Therapist unavailable', 'Booked by mistake', 'Found a slot closer to home']) : null,
    cancelled_by: b.cancelledAt ? (rng.chance(0.75) ? b.customer.id : b.vendor.id) : null,
    cancelled_at: b.cancelledAt,
    payment_status: b.paymentStatus,
    special_instructions: rng.chance(0.15) ? rng.pick(['Please call before arriving', 'Gate code 4512', 'Prefer a female therapist', 'Light pressure on shoulders', 'Allergic to lavender oil']) : null,
    created_at: b.createdAt,
    updated_at: b.cancelledAt ?? b.createdAt,
  }));
  const items = seeds.flatMap((b) => b.items.map((it) => ({
    id: rng.uuid(),
    booking_id: b.id,
    service_id: it.service.id,
    duration: it.duration,
    price: it.price,
    quantity: 1,
    addon_services: JSON.stringify(it.addon ? [{ id: it.addon.id, code: it.addon.code, name: it.addon.name, price: it.addon.price }] : []),
    subtotal: it.subtotal,
    created_at: b.createdAt,
  })));
  return { bookings, items };
}
