import type { PromotionRef, SeedContext, World } from './SeedContext.js';
import type { BookingSeed } from './buildBookings.js';
import { at, later } from './demoClock.js';

const METHODS = [['upi', 48], ['credit_card', 18], ['debit_card', 12], ['net_banking', 6], ['wallet', 8], ['cash', 8]] as const;
const GATEWAYS = ['razorpay', 'razorpay', 'paytm', 'phonepe'];
const r2 = (n: number) => Math.round(n * 100) / 100;

function discountOf(p: PromotionRef, b: BookingSeed): number {
  if (b.date < p.validFrom || b.date > p.validTo || b.amount < p.minAmount) return 0;
  if (p.vendors.length && !p.vendors.includes(b.vendor.id)) return 0;
  const eligible = p.services.length ? b.items.filter((it) => p.services.includes(it.service.id)).reduce((s, it) => s + it.subtotal, 0) : b.amount;
  if (eligible === 0) return 0;
  const raw = p.type === 'percentage' ? (eligible * p.value) / 100 : Math.min(p.value, eligible);
  return r2(Math.min(raw, p.maxDiscount ?? raw));
}

/**
 * Payments (mostly successful; some failed attempts, refunds of cancelled bookings, partial
 * refunds, advances) and promotion usage. total = amount + 18% GST + convenience fee - discount.
 * Sets each booking's payment_status and the amount actually kept.
 */
export function buildPayments(ctx: SeedContext, world: World, seeds: BookingSeed[], batch: number) {
  const { rng } = ctx;
  const payments: Record<string, unknown>[] = [];
  const usage: Record<string, unknown>[] = [];
  let seq = 0;
  const pay = (b: BookingSeed, status: string, when: string, share = 1, discount = 0) => {
    const method = b.status === 'completed' && rng.chance(0.4) && status === 'success' && share === 1 ? rng.weighted(METHODS) : rng.weighted(METHODS.filter(([m]) => m !== 'cash'));
    const amount = r2(b.amount * share);
    const tax = r2((amount - discount) * 0.18);
    const fee = method === 'credit_card' ? r2((amount - discount) * 0.01) : 0;
    const total = r2(amount + tax + fee - discount);
    const gateway = method === 'cash' ? null : rng.pick(GATEWAYS);
    if (method === 'cash') when = at(b.date, b.minutes + 75); // paid at the end of the session
    seq++;
    const row = {
      id: rng.uuid(),
      transaction_id: `TXN${when.slice(0, 10).replace(/-/g, '')}${batch.toString(36).toUpperCase()}${String(seq).padStart(6, '0')}`,
      booking_id: b.id,
      customer_id: b.customer.id,
      vendor_id: b.vendor.id,
      amount,
      tax_amount: tax,
      discount_amount: discount,
      convenience_fee: fee,
      total_amount: total,
      payment_method: method,
      payment_gateway: gateway,
      gateway_transaction_id: gateway === 'razorpay' ? `pay_${rng.letters(6)}${rng.digits(8)}` : gateway ? `${gateway.toUpperCase()}${rng.digits(12)}` : null,
      status,
      payment_date: status === 'success' || status === 'refunded' || status === 'partially_refunded' ? when : null,
      refund_amount: null as number | null,
      refund_date: null as string | null,
      refund_reason: null as string | null,
      metadata: JSON.stringify(method === 'upi' ? { vpa: `${b.customer.person.handle.replace('.', '')}@ok${rng.pick(['hdfcbank', 'icici', 'axis', 'sbi'])}` }
        : method.endsWith('card') ? { card_network: rng.pick(['Visa', 'Mastercard', 'RuPay']), last4: rng.digits(4) }
        : status === 'failed' ? { error_code: rng.pick(['BAD_REQUEST_ERROR', 'GATEWAY_TIMEOUT', 'INSUFFICIENT_FUNDS']) } : {}),
      created_at: when,
      updated_at: when,
    };
    payments.push(row);
    return row;
  };

  for (const b of seeds) {
    const promo = rng.chance(0.1) ? rng.pick(world.promotions) : undefined;
    const discount = promo ? discountOf(promo, b) : 0;
    const serviceEnd = at(b.date, b.minutes + 75);
    if (rng.chance(0.05)) pay(b, 'failed', later(b.createdAt, 2)); // an abandoned first attempt
    if (b.status === 'completed' || b.status === 'in_progress' || b.status === 'rescheduled') {
      if (b.status === 'rescheduled' && rng.chance(0.4)) continue;
      const p = pay(b, b.status === 'in_progress' && rng.chance(0.3) ? 'processing' : 'success', rng.chance(0.6) ? later(b.createdAt, 3) : serviceEnd, 1, discount);
      b.paymentStatus = p.status === 'success' ? 'paid' : 'pending';
      b.paidTotal = p.status === 'success' ? p.total_amount : 0;
      if (b.status === 'completed' && rng.chance(0.025)) {
        p.status = 'partially_refunded';
        p.refund_amount = r2(p.total_amount * rng.pick([0.2, 0.3, 0.5]));
        p.refund_date = later(serviceEnd, rng.int(1440, 7200));
        p.refund_reason = rng.pick(['Session cut short', 'Therapist arrived late', 'Goodwill gesture after complaint']);
        b.paidTotal = r2(p.total_amount - p.refund_amount);
      }
    } else if (b.status === 'cancelled') {
      if (rng.chance(0.55)) {
        const p = pay(b, 'refunded', later(b.createdAt, 3), 1, discount);
        p.refund_amount = p.total_amount;
        p.refund_date = later(b.cancelledAt!, rng.int(60, 7200));
        p.refund_reason = 'Booking cancelled';
        b.paymentStatus = 'refunded';
      }
    } else if (b.status !== 'pending' && rng.chance(0.6)) {
      const advance = rng.chance(0.2);
      const p = pay(b, 'success', later(b.createdAt, 3), advance ? 0.3 : 1, advance ? 0 : discount);
      b.paymentStatus = advance ? 'partial' : 'paid';
      b.paidTotal = p.total_amount;
    } else if (rng.chance(0.3)) {
      pay(b, 'pending', later(b.createdAt, 1));
    }
    const last = payments[payments.length - 1];
    if (promo && discount > 0 && last?.booking_id === b.id && last.discount_amount === discount) {
      usage.push({ id: rng.uuid(), promotion_id: promo.id, customer_id: b.customer.id, booking_id: b.id, discount_amount: discount, used_at: b.createdAt });
    }
  }
  return { payments, usage };
}
