import type { SeedContext, World } from './SeedContext.js';
import type { CustomerSeed } from './buildCustomers.js';
import { pickCity } from './cities.js';
import { at, daysAgo, later } from './demoClock.js';

const FUNNEL = [
  ['app_open', 'engagement'], ['page_view', 'navigation'], ['search', 'discovery'], ['service_view', 'discovery'],
  ['vendor_view', 'discovery'], ['booking_started', 'conversion'], ['payment_started', 'conversion'], ['booking_completed', 'conversion'],
] as const;
const EXTRA = [['button_click', 'engagement'], ['promo_code_applied', 'conversion'], ['review_submitted', 'engagement'], ['share', 'engagement']] as const;
const PAGES = ['/home', '/services', '/offers', '/bookings', '/profile', '/vendors'];
const QUERIES = ['deep tissue near me', 'ayurvedic massage', 'couples spa', 'home massage', 'thai massage', 'shirodhara', 'spa offers'];

/**
 * `count` product-analytics events in sessions of 3–12 (a funnel that most leave early),
 * three quarters by signed-in customers, spread over the 12 months before the anchor
 * (inside analytics_events' monthly partitions, 2025-01 to 2027-12).
 */
export function buildAnalytics(ctx: SeedContext, world: World, customers: readonly CustomerSeed[], count: number, batch: number): Record<string, unknown>[] {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  let session = 0;
  while (rows.length < count) {
    session++;
    const customer = rng.chance(0.75) ? rng.pick(customers) : null;
    const city = customer?.city ?? pickCity(rng);
    const platform = rng.weighted([['android', 55], ['ios', 25], ['web', 20]] as const);
    const device = platform === 'web'
      ? { platform, os: rng.pick(['Windows 11', 'macOS 15', 'Android 15']), browser: rng.pick(['Chrome 141', 'Safari 19', 'Edge 141']), app_version: null }
      : { platform, os: platform === 'ios' ? rng.pick(['iOS 18.6', 'iOS 26.0']) : rng.pick(['Android 14', 'Android 15', 'Android 16']), browser: null, app_version: rng.pick(['3.8.2', '3.9.0', '3.9.1']) };
    const location = { city: city.name, state: city.state, country: 'India' };
    const depth = Math.min(FUNNEL.length, rng.weighted([[2, 30], [3, 25], [4, 18], [5, 12], [6, 7], [8, 8]] as const));
    const steps: (readonly [string, string])[] = FUNNEL.slice(0, depth);
    for (let k = rng.int(0, 3); k > 0; k--) steps.splice(rng.int(1, steps.length), 0, rng.pick(EXTRA));
    let when = at(daysAgo(rng.int(1, 364)), rng.int(360, 1425));
    const sessionId = `s_${batch.toString(36)}_${session.toString(36)}_${rng.letters(6).toLowerCase()}`;
    for (const [name, category] of steps) {
      if (rows.length >= count) break;
      const service = rng.pick(world.services);
      const properties: Record<string, unknown> =
        name === 'page_view' ? { path: rng.pick(PAGES) }
        : name === 'search' ? { query: rng.pick(QUERIES), results: rng.int(0, 40) }
        : name === 'service_view' || name === 'booking_started' ? { service_code: service.code, price: service.price }
        : name === 'vendor_view' ? { vendor_id: rng.pick(world.vendors).id }
        : name === 'payment_started' || name === 'booking_completed' ? { amount: service.price, currency: 'INR' }
        : name === 'promo_code_applied' ? { code: rng.pick(world.promotions).code }
        : {};
      rows.push({
        id: rng.uuid(),
        user_id: customer?.id ?? null,
        session_id: sessionId,
        event_name: name,
        event_category: category,
        event_properties: JSON.stringify(properties),
        device_info: JSON.stringify(device),
        location_info: JSON.stringify(location),
        timestamp: when,
      });
      when = later(when, rng.int(1, 240) / 60);
    }
  }
  return rows;
}
