import type { SeedContext } from './SeedContext.js';
import type { EmployeeSeed } from './seedEmployees.js';
import { insertRows, json } from './insertRows.js';
import { ANCHOR, addDays, at } from './demoClock.js';

type C = [name: string, type: string, status: string, start: string, days: number, budget: number];
const CAMPAIGNS: readonly C[] = [
  ['Valentine Couples Retreat', 'email', 'completed', '2026-02-01', 14, 150_000],
  ['Holi Colour Recovery Scrub', 'sms', 'completed', '2026-03-01', 10, 60_000],
  ['Summer Cool-down Aromatherapy', 'in_app', 'completed', '2026-04-15', 45, 90_000],
  ["Mother's Day Pamper", 'push', 'completed', '2026-05-04', 7, 40_000],
  ['International Yoga Day Wellness', 'email', 'completed', '2026-06-15', 7, 35_000],
  ['Monsoon Wellness Week', 'multi_channel', 'completed', '2026-07-06', 30, 250_000],
  ['Independence Day: Freedom from Stress', 'sms', 'cancelled', '2026-08-10', 6, 50_000],
  ['Corporate Wellness Fridays', 'email', 'paused', '2026-09-04', 90, 120_000],
  ['Refer a Friend Bonanza', 'in_app', 'active', '2026-09-15', 100, 80_000],
  ['Navratri Nine Nights of Wellness', 'multi_channel', 'completed', '2026-10-11', 9, 180_000],
  ['Diwali Glow Festival', 'multi_channel', 'active', '2026-10-15', 31, 400_000],
  ['Winter Warmers: Hot Stone Specials', 'email', 'scheduled', '2026-11-20', 40, 110_000],
  ['Weekend Home Spa Launch - Pune', 'push', 'draft', '2026-12-05', 30, 70_000],
  ['New Year Detox 2027', 'multi_channel', 'draft', '2026-12-26', 21, 200_000],
];

type P = [code: string, name: string, type: string, value: number, min: number | null, max: number | null, from: string, to: string, services: string[], limit: number | null];
const PROMOTIONS: readonly P[] = [
  ['WELCOME200', 'Welcome offer', 'fixed_amount', 200, 1500, null, '2025-06-01', '2027-03-31', [], null],
  ['REFER250', 'Referral reward', 'fixed_amount', 250, 1200, null, '2025-11-01', '2027-10-31', [], null],
  ['NEWYEAR20', 'New Year 20% off', 'percentage', 20, 2000, 1000, '2025-12-25', '2026-01-10', [], 2000],
  ['COUPLES15', "Valentine's couples 15%", 'percentage', 15, null, 1500, '2026-02-01', '2026-02-28', ['CPA', 'CPB'], 500],
  ['FREEFOOT', 'Free reflexology on big bookings', 'free_service', 1499, 5000, 1499, '2026-04-01', '2026-06-30', ['REF'], 300],
  ['MONSOON25', 'Monsoon 25% off', 'percentage', 25, 2500, 750, '2026-07-01', '2026-08-31', [], 3000],
  ['AYUR10', 'Ayurveda 10% off', 'percentage', 10, null, 600, '2025-11-01', '2026-12-31', ['ABH', 'SHR', 'PTL', 'UDV'], null],
  ['FREEHEAD', 'Free head massage add-on', 'free_addon', 449, 2000, 449, '2026-01-01', '2026-12-31', [], null],
  ['FRIDAY300', 'Friday ₹300 off', 'fixed_amount', 300, 2000, null, '2026-09-01', '2026-12-31', [], null],
  ['DIWALI500', 'Diwali ₹500 off', 'fixed_amount', 500, 3000, null, '2026-10-15', '2026-11-15', [], 5000],
  ['TATTVA10', 'Tattva Spa 10% off', 'percentage', 10, 1500, 500, '2026-01-01', '2026-12-31', [], null],
];

/** Campaigns in every status (approved by a director, never by their creator) and promotions. */
export async function seedMarketing(ctx: SeedContext, employees: readonly EmployeeSeed[], serviceIds: Map<string, string>, demoVendorId: string): Promise<void> {
  const { rng } = ctx;
  const marketers = employees.filter((e) => e.department === 'marketing_department' && e.status !== 'terminated');
  const approvers = employees.filter((e) => e.role === 'directors' || e.role === 'super_admin');
  const campaigns = CAMPAIGNS.map(([name, type, status, start, days, budget]) => {
    const creator = rng.pick(marketers);
    const approved = status !== 'draft';
    const sent = ['active', 'paused', 'completed'].includes(status) ? rng.int(8_000, 60_000) : 0;
    const delivered = Math.round(sent * rng.float(0.9, 0.98));
    const opened = Math.round(delivered * rng.float(0.15, 0.45));
    const clicked = Math.round(opened * rng.float(0.05, 0.2));
    const created = at(addDays(start, -rng.int(10, 25)), rng.int(600, 1080));
    return {
      id: rng.uuid(),
      name,
      type,
      status,
      target_audience: json({ tier: rng.sample(['silver', 'gold', 'platinum', 'diamond'], rng.int(1, 4)), city: rng.sample(['Mumbai', 'Bengaluru', 'New Delhi', 'Pune', 'Hyderabad'], rng.int(1, 3)), age_range: [21, rng.pick([45, 55, 65])], last_booking_days: rng.pick([30, 60, 90, 180]) }),
      content: json({ subject: `${name} | OMBARO`, body: `Treat yourself: ${name.toLowerCase()} at spas near you. Book now on OMBARO.`, images: [`https://cdn.ombaro.example/campaigns/${name.toLowerCase().replace(/\W+/g, '-')}.jpg`], cta: 'Book now' }),
      start_date: at(start, 600),
      end_date: at(addDays(start, days), 1439),
      budget,
      created_by: creator.id,
      approved_by: approved ? rng.pick(approvers.filter((a) => a.id !== creator.id)).id : null,
      metrics: json(sent ? { sent, delivered, opened, clicked, converted: Math.round(clicked * rng.float(0.05, 0.25)) } : {}),
      created_at: created,
      updated_at: created,
    };
  });
  await insertRows(ctx.trx, 'public.campaigns', campaigns, ctx.progress);

  const promotions = PROMOTIONS.map(([code, name, type, value, min, max, from, to, services, limit]) => {
    const created = at(addDays(from, -rng.int(5, 20)), rng.int(600, 1080));
    return {
      id: rng.uuid(),
      code,
      name,
      description: `${name}${min ? ` on bookings above ₹${min}` : ''}.`,
      type,
      discount_value: value,
      min_booking_amount: min,
      max_discount_amount: max,
      applicable_services: services.map((c) => serviceIds.get(c)!),
      applicable_vendors: code === 'TATTVA10' ? [demoVendorId] : [],
      usage_limit_per_customer: code === 'WELCOME200' ? 1 : rng.pick([1, 2, 3]),
      total_usage_limit: limit,
      current_usage_count: 0,
      valid_from: at(from, 0),
      valid_to: at(to, 1439),
      terms_and_conditions: 'One code per booking. Not valid with other offers. OMBARO may withdraw the offer at any time.',
      status: to < ANCHOR ? 'expired' : code === 'FRIDAY300' ? 'inactive' : 'active',
      created_by: rng.pick(marketers).id,
      created_at: created,
      updated_at: created,
    };
  });
  await insertRows(ctx.trx, 'public.promotions', promotions, ctx.progress);
}
