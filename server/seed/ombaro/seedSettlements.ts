import type { SeedContext, World } from './SeedContext.js';
import { employeesOf } from './SeedContext.js';
import { insertRows } from './insertRows.js';
import { addDays, at, monthEnd, monthStart } from './demoClock.js';

const r2 = (n: number) => Math.round(n * 100) / 100;
/** TDS on e-commerce payouts (section 194-O): 0.1% of the gross. */
const TDS_RATE = 0.001;

interface Aggregate { vendor_id: string; period_start: string; total_bookings: number; gross: number | string; refunds: number | string }

/**
 * Monthly settlements per vendor, computed from the database's completed, paid bookings:
 * gross = payments' amount - discount; commission = gross × vendor.commission_rate;
 * adjustment = partial refunds (ex-GST) clawed back; net = gross - commission - tds + adjustment.
 * (public.generate_settlements computes the same in SQL.) Months before last are completed
 * (one failed), last month is pending; the payments are linked to their settlement. A later batch updates
 * the amounts of existing rows rather than adding a second settlement for the same month.
 */
export async function seedSettlements(ctx: SeedContext, world: World): Promise<void> {
  const { trx, rng } = ctx;
  const preparers = employeesOf(world, 'accounts_department');
  const rates = new Map((await trx('public.vendors').select('id', 'commission_rate')).map((v) => [v.id as string, Number(v.commission_rate)]));
  const { rows } = (await trx.raw(`
    SELECT p.vendor_id, to_char(date_trunc('month', b.booking_date), 'YYYY-MM-DD') AS period_start,
           count(DISTINCT b.id)::int AS total_bookings,
           sum(p.amount - p.discount_amount) AS gross,
           sum(CASE WHEN p.status = 'partially_refunded' THEN coalesce(p.refund_amount, 0) ELSE 0 END) AS refunds
      FROM public.payments p JOIN public.bookings b ON b.id = p.booking_id
     WHERE b.status = 'completed' AND p.status IN ('success', 'partially_refunded') AND b.booking_date < ?
     GROUP BY 1, 2 ORDER BY 2, 1`, [monthStart(0)])) as { rows: Aggregate[] };
  const existing = new Set((await trx('public.payment_settlements').select(trx.raw(`vendor_id || '/' || settlement_period_start AS k`))).map((r) => r.k as string));
  const lastMonth = monthStart(1);
  const inserts: Record<string, unknown>[] = [];
  let failedOne = false;
  for (const a of rows) {
    const gross = r2(Number(a.gross));
    const commission = r2((gross * (rates.get(a.vendor_id) ?? 15)) / 100);
    const tds = r2(gross * TDS_RATE);
    const adjustment = -r2(Number(a.refunds) / 1.18);
    const net = r2(gross - commission - tds + adjustment);
    const amounts = { total_bookings: a.total_bookings, gross_amount: gross, commission_amount: commission, tds_amount: tds, adjustment_amount: adjustment, net_settlement_amount: net };
    if (existing.has(`${a.vendor_id}/${a.period_start}`)) {
      await trx('public.payment_settlements').where({ vendor_id: a.vendor_id, settlement_period_start: a.period_start }).update(amounts);
      continue;
    }
    const end = monthEnd(a.period_start);
    const status = a.period_start === lastMonth ? 'pending'
      : a.period_start === monthStart(2) && rng.chance(0.3) ? 'processing'
      : !failedOne && a.period_start === monthStart(4) ? 'failed' : 'completed';
    if (status === 'failed') failedOne = true;
    const paid = status === 'completed';
    const created = at(addDays(end, 3), 630);
    inserts.push({
      id: rng.uuid(),
      vendor_id: a.vendor_id,
      settlement_period_start: a.period_start,
      settlement_period_end: end,
      ...amounts,
      status,
      payment_reference: paid ? `UTR${a.period_start.replace(/-/g, '').slice(0, 6)}${rng.digits(10)}` : null,
      payment_date: paid ? at(addDays(end, 7), 690) : null,
      payment_method: paid ? (net >= 200_000 ? 'RTGS' : 'NEFT') : null,
      notes: status === 'failed' ? 'Transfer bounced: beneficiary account name mismatch. Vendor asked to update bank details.'
        : adjustment ? 'Adjustment: partial refunds recovered (ex-GST)' : null,
      prepared_by: rng.pick(preparers).id,
      created_at: created,
      updated_at: paid ? at(addDays(end, 7), 690) : created,
    });
  }
  await insertRows(trx, 'public.payment_settlements', inserts, ctx.progress);
  // Each settled payment names its settlement, so public.generate_settlements never counts it again.
  await trx.raw(`
    UPDATE public.payments p SET settlement_id = s.id
      FROM public.bookings b, public.payment_settlements s
     WHERE b.id = p.booking_id AND s.vendor_id = p.vendor_id AND p.settlement_id IS NULL
       AND b.booking_date BETWEEN s.settlement_period_start AND s.settlement_period_end
       AND b.status = 'completed' AND p.status IN ('success', 'partially_refunded')`);
}
