import type { SeedContext, World } from './SeedContext.js';
import { CITIES, pickCity, randomPlace, type City, type Place } from './cities.js';
import { createPerson, mobileNumber, MOBILE_SPACE, type Person } from './createPerson.js';
import { at, daysAgo } from './demoClock.js';
import { DEMO_DOMAIN } from '../../auth/demoAccounts.js';

export interface CustomerSeed {
  id: string;
  person: Person;
  email: string;
  city: City;
  /** Saved addresses; the first is the default (home). */
  places: Place[];
  /** Moved earlier than the first booking before the rows are written. */
  createdAt: string;
  /** Relative booking frequency. */
  weight: number;
  referralCode: string;
  referredBy: string | null;
  row: Record<string, unknown>;
  addressRows: Record<string, unknown>[];
}

const LANDMARKS = ['Metro Station', 'City Mall', 'Government School', 'Sai Baba Temple', 'HDFC Bank', 'Central Park', 'Apollo Pharmacy'];

/**
 * The customers of one volume batch, in memory (written after the bookings are generated, so
 * that every customer signed up before their first booking). Batch 0 also holds the demo
 * `customer` user, a frequent customer in Bengaluru.
 */
export function buildCustomers(ctx: SeedContext, world: World, batch: number, count: number): CustomerSeed[] {
  const { rng } = ctx;
  const seeds: CustomerSeed[] = [];
  const demoId = batch === 0 ? world.demo.customer : undefined;
  for (let i = 0; i < count; i++) {
    const demo = demoId !== undefined && i === 0;
    const person = createPerson(ctx, demo ? mobileNumber(MOBILE_SPACE.demo, 102) : mobileNumber(MOBILE_SPACE.customers + batch, i), { minAge: 21, maxAge: 65 });
    const city = demo ? CITIES.find((c) => c.name === 'Bengaluru')! : pickCity(rng);
    const id = demo ? demoId : rng.uuid();
    const places = [randomPlace(rng, city), ...(rng.chance(0.4) ? [randomPlace(rng, city)] : [])];
    const createdAt = at(daysAgo(demo ? 600 : rng.int(30, 760)), rng.int(420, 1380));
    const suffix = batch === 0 ? `${i + 1}` : `${batch}-${i + 1}`;
    const email = demo ? `customer@${DEMO_DOMAIN}` : `${person.handle}.${suffix}@example.com`;
    const referralCode = `${person.first.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 4)}${batch === 0 ? '' : `${batch}X`}${String(i + 1).padStart(4, '0')}`;
    const referredBy = i > 20 && rng.chance(0.08) ? seeds[rng.int(1, i - 1)]!.id : null;
    const pick = <T,>(p: number, items: readonly T[]) => (rng.chance(p) ? rng.sample(items, 1) : null);
    const row = {
      id,
      membership_tier: 'silver',
      membership_start_date: createdAt.slice(0, 10),
      loyalty_points: 0,
      total_bookings: 0,
      total_spent: 0,
      preferred_services: rng.sample(world.services, rng.int(1, 3)).map((s) => s.id),
      preferred_therapists: null,
      preferred_vendors: rng.sample(world.vendors.filter((v) => v.place.city === city.name), rng.int(0, 2)).map((v) => v.id),
      communication_preferences: JSON.stringify({ email: true, sms: rng.chance(0.7), whatsapp: rng.chance(0.8), push: rng.chance(0.6) }),
      allergies: demo ? ['Nut oils'] : pick(0.1, ['Nut oils', 'Lavender', 'Latex', 'Fragrance']),
      medical_conditions: pick(0.08, ['Hypertension', 'Lower back pain', 'Diabetes', 'Varicose veins']),
      special_requirements: demo ? 'Prefers a female therapist; medium pressure' : rng.chance(0.05) ? rng.pick(['Prefers a female therapist', 'Ground-floor access needed', 'Please bring own linen']) : null,
      referral_code: referralCode,
      referred_by: referredBy,
      referral_count: 0,
    };
    const addressRows = places.map((p, k) => ({
      id: rng.uuid(),
      customer_id: id,
      address_type: k === 0 ? 'home' : rng.pick(['work', 'other']),
      label: k === 0 ? 'Home' : rng.pick(['Office', "Mom's Place", 'Gym', 'Friend\'s place']),
      address_line1: p.line1,
      address_line2: p.locality,
      landmark: rng.chance(0.6) ? `Near ${rng.pick(LANDMARKS)}` : null,
      city: p.city,
      state: p.state,
      pincode: p.pincode,
      country: 'India',
      latitude: p.latitude,
      longitude: p.longitude,
      is_default: k === 0,
    }));
    seeds.push({ id, person, email, city, places, createdAt, weight: demo ? 15 : rng.pick([1, 1, 1, 1, 2, 2, 3, 5, 8]), referralCode, referredBy, row, addressRows });
  }
  return seeds;
}
