import type { Knex } from 'knex';

/**
 * Settlement generation: a payment belongs to at most one settlement (payments.settlement_id,
 * never moved once set), and `public.generate_settlements(start, end)` turns a period's
 * successful, unsettled payments into one pending settlement per vendor:
 *   gross = Σ(amount − discount); commission = gross × vendor.commission_rate %;
 *   TDS = 0.1 % of gross (section 194-O); adjustment = −(partial refunds ex-GST);
 *   net = gross − commission − TDS + adjustment.
 * It runs as its owner but only for a caller the matrix lets create settlements, locks the
 * payments it takes (a concurrent run skips them), and stamps the caller as preparer.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE public.payments ADD COLUMN settlement_id uuid REFERENCES public.payment_settlements(id) ON DELETE SET NULL;
    CREATE INDEX idx_payments_settlement ON public.payments(settlement_id);
    COMMENT ON COLUMN public.payments.settlement_id IS 'The settlement that paid this payment out to the vendor (at most one)';
    GRANT SELECT (settlement_id) ON public.payments TO gatehouse_api;

    CREATE FUNCTION public.payments_keep_settlement() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.settlement_id IS NOT NULL AND NEW.settlement_id IS NOT NULL AND NEW.settlement_id <> OLD.settlement_id THEN
          RAISE EXCEPTION 'payment % is already in settlement %', OLD.id, OLD.settlement_id
            USING ERRCODE = 'unique_violation', COLUMN = 'settlement_id';
        END IF;
        RETURN NEW;
      END $$;
    CREATE TRIGGER payments_keep_settlement BEFORE UPDATE OF settlement_id ON public.payments
      FOR EACH ROW EXECUTE FUNCTION public.payments_keep_settlement();

    CREATE FUNCTION public.generate_settlements(period_start date, period_end date)
      RETURNS SETOF public.payment_settlements
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        PERFORM gatehouse.require('payment_settlements', 'create');
        IF period_end < period_start THEN
          RAISE EXCEPTION 'the period ends before it starts' USING ERRCODE = 'check_violation', COLUMN = 'period_end';
        END IF;
        RETURN QUERY
        WITH taken AS (
          SELECT p.id, p.vendor_id, p.booking_id, p.amount - p.discount_amount AS gross,
                 CASE WHEN p.status = 'partially_refunded' THEN coalesce(p.refund_amount, 0) ELSE 0 END AS refund
            FROM public.payments p JOIN public.bookings b ON b.id = p.booking_id
           WHERE p.settlement_id IS NULL AND p.status IN ('success', 'partially_refunded')
             AND b.status = 'completed' AND b.booking_date BETWEEN period_start AND period_end
             FOR UPDATE OF p SKIP LOCKED
        ), per_vendor AS (
          SELECT t.vendor_id, count(DISTINCT t.booking_id)::int AS bookings, round(sum(t.gross), 2) AS gross,
                 round(sum(t.refund) / 1.18, 2) AS refunds, array_agg(t.id) AS payment_ids
            FROM taken t GROUP BY t.vendor_id
        ), amounts AS (
          SELECT pv.*, round(pv.gross * coalesce(v.commission_rate, 15) / 100, 2) AS commission, round(pv.gross * 0.001, 2) AS tds
            FROM per_vendor pv JOIN public.vendors v ON v.id = pv.vendor_id
        ), created AS (
          INSERT INTO public.payment_settlements AS s (vendor_id, settlement_period_start, settlement_period_end, total_bookings,
                 gross_amount, commission_amount, tds_amount, adjustment_amount, net_settlement_amount, prepared_by, notes)
          SELECT a.vendor_id, period_start, period_end, a.bookings, a.gross, a.commission, a.tds, -a.refunds,
                 a.gross - a.commission - a.tds - a.refunds, auth.uid(),
                 CASE WHEN a.refunds > 0 THEN 'Adjustment: partial refunds recovered (ex-GST)' END
            FROM amounts a
          RETURNING s.*
        ), linked AS (
          UPDATE public.payments p SET settlement_id = c.id
            FROM created c JOIN amounts a ON a.vendor_id = c.vendor_id
           WHERE p.id = ANY (a.payment_ids)
        )
        SELECT * FROM created;
      END $$;
    COMMENT ON FUNCTION public.generate_settlements(date, date) IS
      'Pending settlements per vendor from the period''s successful, unsettled payments';
  `);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible: restore from a backup instead.');
}
