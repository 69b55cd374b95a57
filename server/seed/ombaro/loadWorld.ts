import type { Knex } from 'knex';
import type { TherapistRef, VendorRef, World } from './SeedContext.js';
import { DEMO_DOMAIN } from '../../auth/demoAccounts.js';

interface Address { street: string; locality?: string; city: string; state: string; pincode: string; latitude: number; longitude: number }

/** Reads the fixed part of the demo back from the database (so every batch sees the same world). */
export async function loadWorld(trx: Knex.Transaction): Promise<World> {
  const services = await trx('public.services').where('is_active', true).orderBy('code')
    .select('id', 'code', 'name', 'base_price_60min', 'duration_options', 'recommended_addons');
  const addons = await trx('public.addon_services').where('is_active', true).orderBy('code').select('id', 'code', 'name', 'price');
  const vendors = await trx('public.vendors').where({ verification_status: 'verified', status: 'active' }).orderBy('id')
    .select('id', 'business_name', 'business_type', 'commission_rate', 'business_address');
  const therapists = await trx('public.therapists').where('status', 'active').orderBy('id').select('id', 'vendor_id', 'name', 'specialization', 'user_id');
  const employees = await trx('public.employees as e').join('public.user_profiles as p', 'p.id', 'e.id')
    .whereNot('e.status', 'terminated').orderBy('e.employee_code')
    .select('e.id', 'e.name', 'e.department', 'p.role', 'e.reporting_manager');
  const promotions = await trx('public.promotions').orderBy('code').select('*',
    trx.raw(`to_char(valid_from AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS vf`),
    trx.raw(`to_char(valid_to AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS vt`));
  const demoUsers = await trx('auth.users').where('email', 'like', `%@${DEMO_DOMAIN}`).select('id', 'email');

  const demo: Record<string, string> = Object.fromEntries(demoUsers.map((u) => [String(u.email).split('@')[0], u.id]));
  const byVendor = new Map<string, TherapistRef[]>();
  for (const t of therapists) {
    const list = byVendor.get(t.vendor_id) ?? [];
    list.push({ id: t.id, name: t.name, specialization: t.specialization ?? [] });
    byVendor.set(t.vendor_id, list);
  }
  const vendorRefs: VendorRef[] = vendors.map((v) => {
    const a = (typeof v.business_address === 'string' ? JSON.parse(v.business_address) : v.business_address) as Address;
    return {
      id: v.id,
      name: v.business_name,
      businessType: v.business_type,
      commissionRate: Number(v.commission_rate),
      place: { line1: a.street, locality: a.locality ?? '', city: a.city, state: a.state, pincode: a.pincode, latitude: Number(a.latitude), longitude: Number(a.longitude) },
      bookable: true,
      therapists: byVendor.get(v.id) ?? [],
    };
  }).filter((v) => v.therapists.length > 0);

  return {
    services: services.map((s) => ({ id: s.id, code: s.code, name: s.name, price: Number(s.base_price_60min), durations: s.duration_options ?? [60], addons: s.recommended_addons ?? [] })),
    addons: addons.map((a) => ({ id: a.id, code: a.code, name: a.name, price: Number(a.price) })),
    vendors: vendorRefs,
    employees: employees.map((e) => ({ id: e.id, name: e.name, department: e.department, role: e.role, managerId: e.reporting_manager })),
    promotions: promotions.map((p) => ({
      id: p.id,
      code: p.code,
      type: p.type,
      value: Number(p.discount_value),
      minAmount: Number(p.min_booking_amount ?? 0),
      maxDiscount: p.max_discount_amount === null ? null : Number(p.max_discount_amount),
      validFrom: p.vf,
      validTo: p.vt,
      services: p.applicable_services ?? [],
      vendors: p.applicable_vendors ?? [],
      status: p.status,
    })),
    demo,
    demoTherapist: therapists.find((t) => t.user_id && t.user_id === demo.therapist)?.id,
  };
}
