import type { SeedContext } from './SeedContext.js';
import { CITIES, pickCity, randomPlace, type City, type Place } from './cities.js';
import { createPerson, mobileNumber, MOBILE_SPACE } from './createPerson.js';
import { insertUsers, type UserSpec } from './insertUsers.js';
import { insertRows, json } from './insertRows.js';
import { at, daysAgo } from './demoClock.js';
import { DEMO_DOMAIN } from '../../auth/demoAccounts.js';

export interface VendorSeed {
  id: string;
  name: string;
  city: City;
  place: Place;
  services: string[];
  createdAt: string;
}

const BRANDS = ['Tattva', 'Kairali', 'Soukya', 'Amatra', 'Sohum', 'Myst', 'Aura', 'Nirvana', 'Blue Lotus', 'Ananda', 'Rejuve', 'Serenity', 'Kaya', 'Prana', 'Veda', 'Sukoon', 'Shanti', 'Ojas', 'Zen Tree', 'Moksha', 'Aranya', 'Sparsh', 'Tulsi', 'Bliss', 'Chandan', 'Neem Tree', 'Mitti', 'Aarogya', 'Samsara', 'Kesar'];
const TYPES = [['spa', 40], ['wellness_center', 20], ['home_service', 15], ['hotel_spa', 15], ['salon', 10]] as const;
const SUFFIX: Record<string, string> = { spa: 'Spa', wellness_center: 'Wellness Centre', home_service: 'Home Wellness', hotel_spa: 'Spa at The Grand', salon: 'Salon & Spa' };
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * ~30 partner vendors, each with its own auth user (vendors.id = user id). The first is the
 * demo `vendor` user's business. Returns what therapists and bookings need.
 */
export async function seedVendors(ctx: SeedContext, vendorUserId: string, serviceIds: Map<string, string>): Promise<VendorSeed[]> {
  const { rng } = ctx;
  const codes = [...serviceIds.keys()];
  const users: UserSpec[] = [];
  const rows: Record<string, unknown>[] = [];
  const staff: Record<string, unknown>[] = [];
  const seeds: VendorSeed[] = [];
  BRANDS.forEach((brand, i) => {
    const demo = i === 0;
    const city = demo ? CITIES.find((c) => c.name === 'Bengaluru')! : i < CITIES.length ? CITIES[i]! : pickCity(rng);
    const place = randomPlace(rng, city);
    const type = demo ? 'spa' : rng.weighted(TYPES);
    const name = `${brand} ${SUFFIX[type]}`;
    const id = demo ? vendorUserId : rng.uuid();
    const slug = brand.toLowerCase().replace(/\W+/g, '');
    const person = createPerson(ctx, mobileNumber(demo ? MOBILE_SPACE.demo : MOBILE_SPACE.vendor, demo ? 100 : i), { minAge: 28, maxAge: 58 });
    const email = demo ? `vendor@${DEMO_DOMAIN}` : `${slug}@partners.ombaro.example`;
    const createdAt = at(daysAgo(demo ? 800 : rng.int(420, 900)), rng.int(600, 1080));
    // Three vendors are not bookable: one awaiting verification, one rejected, one suspended.
    const verification = i === 27 ? 'pending' : i === 28 ? 'rejected' : 'verified';
    const status = i === 28 ? 'inactive' : i === 29 ? 'suspended' : 'active';
    const services = (demo ? codes : rng.sample(codes, rng.int(8, 15))).sort();
    const pan = `${rng.letters(3)}F${brand[0]}${rng.digits(4)}${rng.letters(1)}`;
    const closedDay = rng.pick([1, 2, -1, -1]);
    users.push({ id, email, person, role: 'vendor', createdAt, place, lastSignInAt: at(daysAgo(rng.int(0, 10)), rng.int(540, 1260)) });
    rows.push({
      id,
      business_name: name,
      business_type: type,
      gst_number: `${city.gst}${pan}1Z${rng.digits(1)}`,
      pan_number: pan,
      business_address: json({ street: place.line1, locality: place.locality, city: city.name, state: city.state, pincode: place.pincode, country: 'India', latitude: place.latitude, longitude: place.longitude }),
      contact_person: person.name,
      contact_mobile: person.mobile,
      contact_email: email,
      services_offered: services.map((c) => serviceIds.get(c)!),
      operating_hours: json(Object.fromEntries(DAYS.map((d, n) => [d, { open: type === 'home_service' ? '08:00' : '10:00', close: type === 'hotel_spa' ? '22:00' : '21:00', closed: n === closedDay }]))),
      verification_status: verification,
      verification_documents: json(['gst_certificate', 'shop_establishment_licence', 'cancelled_cheque'].map((doc) => `https://files.ombaro.example/vendors/${slug}/${doc}.pdf`)),
      commission_rate: demo ? 15 : rng.pick([12, 15, 15, 18, 20]),
      status,
      created_at: createdAt,
      updated_at: createdAt,
    });
    const staffCount = rng.int(1, 3);
    for (let s = 0; s < staffCount; s++) {
      const p = createPerson(ctx, mobileNumber(MOBILE_SPACE.vendorStaff, i * 10 + s), { minAge: 21, maxAge: 45 });
      const role = s === 0 ? 'manager' : rng.pick(['receptionist', 'admin']);
      staff.push({
        id: rng.uuid(),
        vendor_id: id,
        user_id: null,
        name: p.name,
        role,
        mobile: p.mobile,
        email: `${p.handle}@${slug}.example`,
        permissions: role === 'manager' ? ['bookings', 'therapists', 'schedules', 'reports'] : ['bookings'],
        status: rng.chance(0.9) ? 'active' : 'inactive',
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
    if (verification === 'verified' && status === 'active') seeds.push({ id, name, city, place, services, createdAt });
  });
  await insertUsers(ctx, users);
  await insertRows(ctx.trx, 'public.vendors', rows, ctx.progress);
  await insertRows(ctx.trx, 'public.vendor_staff', staff, ctx.progress);
  return seeds;
}
