import type { SeedContext } from './SeedContext.js';
import { ADDONS, PACKAGES, SERVICES } from './serviceCatalog.js';
import { insertRows } from './insertRows.js';
import { at, daysAgo } from './demoClock.js';

const CONTRAINDICATIONS: Record<string, string> = {
  relaxation: 'Fever, open wounds, recent surgery',
  therapeutic: 'Blood-thinning medication, recent fractures, varicose veins',
  specialty: 'Pregnancy (unless prenatal), heart conditions, skin infections',
  couples: 'Fever, open wounds, recent surgery',
  wellness: 'Fever, first trimester of pregnancy, severe hypertension',
};

const ROOM: Record<string, string> = {
  relaxation: 'Dim lights, soft instrumental music, warm towels',
  therapeutic: 'Firm massage table, bolsters, neutral lighting',
  specialty: 'Heated table, stone or potli warmer, extra linen',
  couples: 'Twin-bed suite with shower, candles, rose petals',
  wellness: 'Droni (wooden Ayurvedic table), oil warmer, steam chamber',
};

/** Services, add-ons and packages: the fixed catalog (not multiplied by scale). Returns service ids by code. */
export async function seedCatalog(ctx: SeedContext): Promise<Map<string, string>> {
  const { rng } = ctx;
  const created = at(daysAgo(720), 600);
  const serviceIds = new Map<string, string>();
  const services = SERVICES.map((s) => {
    const id = rng.uuid();
    serviceIds.set(s.code, id);
    return {
      id,
      code: s.code,
      name: s.name,
      category: s.category,
      description: `${s.name}: ${s.techniques.toLowerCase()}. ${s.benefits}.`,
      style: s.style,
      pressure_level: s.pressure,
      techniques: s.techniques,
      focus_areas: s.focus,
      primary_benefits: s.benefits,
      contraindications: CONTRAINDICATIONS[s.category],
      oils_products: s.oils,
      room_setup: ROOM[s.category],
      recommended_addons: s.addons,
      duration_options: s.durations,
      base_price_60min: s.price,
      is_active: s.code !== 'LML',
      created_at: created,
      updated_at: created,
    };
  });
  await insertRows(ctx.trx, 'public.services', services, ctx.progress);

  const addons = ADDONS.map((a) => ({
    id: rng.uuid(),
    code: a.code,
    name: a.name,
    description: a.description,
    duration: a.duration,
    price: a.price,
    is_active: true,
    created_at: created,
    updated_at: created,
  }));
  await insertRows(ctx.trx, 'public.addon_services', addons, ctx.progress);

  const byCode = new Map(SERVICES.map((s) => [s.code, s]));
  const packages = PACKAGES.map((p, i) => {
    const parts = p.codes.map((c) => byCode.get(c)!);
    const full = parts.reduce((sum, s) => sum + s.price * (s.durations.includes(60) ? 1 : s.durations[0]! / 60), 0);
    const duration = parts.reduce((sum, s) => sum + (s.durations.includes(60) ? 60 : s.durations[0]!), 0);
    return {
      id: rng.uuid(),
      name: p.name,
      description: p.description,
      service_ids: p.codes.map((c) => serviceIds.get(c)!),
      total_duration: duration,
      package_price: Math.round((full * (100 - p.discount)) / 100 / 50) * 50 - 1,
      discount_percentage: p.discount,
      is_active: i !== PACKAGES.length - 1 || rng.chance(0.5),
      created_at: created,
      updated_at: created,
    };
  });
  await insertRows(ctx.trx, 'public.service_packages', packages, ctx.progress);
  return serviceIds;
}
