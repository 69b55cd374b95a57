import type { SeedContext } from './SeedContext.js';
import type { VendorSeed } from './seedVendors.js';
import { createPerson, mobileNumber, MOBILE_SPACE, type Person } from './createPerson.js';
import { insertUsers } from './insertUsers.js';
import { insertRows, json } from './insertRows.js';
import { addDays, at, clock, daysAgo } from './demoClock.js';
import { DEMO_DOMAIN } from '../../auth/demoAccounts.js';

export interface TherapistSeed {
  id: string;
  vendorId: string;
  userId: string | null;
  name: string;
  status: string;
  joinedAt: string;
}

const REGIONAL: Record<string, string> = {
  Maharashtra: 'Marathi', Karnataka: 'Kannada', Telangana: 'Telugu', 'Tamil Nadu': 'Tamil', 'West Bengal': 'Bengali',
  Gujarat: 'Gujarati', Kerala: 'Malayalam', Goa: 'Konkani', Rajasthan: 'Rajasthani', Delhi: 'Punjabi', Haryana: 'Haryanvi', Chandigarh: 'Punjabi',
};
const CERTS = [
  ['Diploma in Ayurvedic Therapy', 'Kerala Ayurveda Academy'],
  ['Certificate in Spa Therapy', 'VLCC Institute'],
  ['CIDESCO Spa Therapy Diploma', 'CIDESCO India'],
  ['Thai Massage Level 2', 'Wat Po Thai Traditional Medical School'],
  ['Beauty & Wellness Sector Skill Council Certification', 'B&WSSC'],
] as const;

/**
 * ~150 therapists (5–6 per bookable vendor) with a weekly schedule each (one row per weekday,
 * the day off unavailable). The first therapist of the demo vendor is the demo `therapist` user.
 */
export async function seedTherapists(ctx: SeedContext, vendors: readonly VendorSeed[], therapistUserId: string): Promise<TherapistSeed[]> {
  const { rng } = ctx;
  const seeds: TherapistSeed[] = [];
  const rows: Record<string, unknown>[] = [];
  const schedules: Record<string, unknown>[] = [];
  let demoPerson: Person | undefined;
  let n = 0;
  vendors.forEach((v, vi) => {
    const count = vi === 0 ? 6 : 5 + (vi % 2);
    for (let k = 0; k < count; k++, n++) {
      const demo = vi === 0 && k === 0;
      const person = createPerson(ctx, mobileNumber(demo ? MOBILE_SPACE.demo : MOBILE_SPACE.therapist, demo ? 101 : n), {
        gender: demo ? 'female' : rng.chance(0.68) ? 'female' : 'male',
        minAge: 21,
        maxAge: 48,
      });
      if (demo) demoPerson = person;
      const id = rng.uuid();
      const joinedAt = at(addDays(v.createdAt.slice(0, 10), rng.int(0, 120)), 660);
      const status = demo ? 'active' : rng.weighted([['active', 92], ['on_leave', 3], ['inactive', 3], ['terminated', 2]] as const);
      seeds.push({ id, vendorId: v.id, userId: demo ? therapistUserId : null, name: person.name, status, joinedAt });
      const cert = rng.pick(CERTS);
      rows.push({
        id,
        user_id: demo ? therapistUserId : null,
        vendor_id: v.id,
        name: person.name,
        email: demo ? `therapist@${DEMO_DOMAIN}` : `${person.handle}.${n + 1}@therapists.ombaro.example`,
        mobile: person.mobile,
        gender: person.gender,
        date_of_birth: person.dateOfBirth,
        profile_image: null,
        specialization: rng.sample(v.services, rng.int(3, 6)).sort(),
        experience_years: rng.int(1, 15),
        certifications: json([{ name: cert[0], issuer: cert[1], year: rng.int(2010, 2025), document_url: `https://files.ombaro.example/therapists/${id}/certificate.pdf` }]),
        languages: ['Hindi', 'English', REGIONAL[v.city.state] ?? 'Hindi'].filter((l, i, a) => a.indexOf(l) === i),
        status,
        availability_status: status === 'active' ? rng.weighted([['available', 45], ['busy', 25], ['offline', 30]] as const) : 'offline',
        emergency_contact: json({ name: `${ctx.faker.person.firstName()} ${person.last}`, relation: rng.pick(['Spouse', 'Father', 'Mother', 'Sibling']), phone: mobileNumber(MOBILE_SPACE.therapist, 5000 + n) }),
        address: json({ street: `${rng.int(1, 200)}, ${rng.pick(v.city.localities)}`, city: v.city.name, state: v.city.state, pincode: `${v.city.pin}${String(rng.int(1, 99)).padStart(3, '0')}`, country: 'India' }),
        bank_details: json({ account_number: rng.digits(11), ifsc: `SBIN0${rng.digits(6)}`, bank_name: 'State Bank of India', branch: v.city.name }),
        created_at: joinedAt,
        updated_at: joinedAt,
      });
      const dayOff = rng.pick([1, 2, 3]);
      const start = rng.pick([540, 600, 660]);
      for (let day = 0; day < 7; day++) {
        schedules.push({
          id: rng.uuid(),
          therapist_id: id,
          day_of_week: day,
          start_time: clock(start),
          end_time: clock(start + (day === 0 || day === 6 ? 600 : 540)),
          is_available: day !== dayOff,
          break_start: clock(start + 270),
          break_end: clock(start + 315),
          created_at: joinedAt,
          updated_at: joinedAt,
        });
      }
    }
  });
  if (demoPerson) {
    await insertUsers(ctx, [{ id: therapistUserId, email: `therapist@${DEMO_DOMAIN}`, person: demoPerson, role: 'therapist', createdAt: seeds[0]!.joinedAt, lastSignInAt: at(daysAgo(1), 560) }]);
  }
  await insertRows(ctx.trx, 'public.therapists', rows, ctx.progress);
  await insertRows(ctx.trx, 'public.therapist_schedules', schedules, ctx.progress);
  return seeds;
}
