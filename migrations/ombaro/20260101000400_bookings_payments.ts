import type { Knex } from 'knex';

/**
 * OMBARO demo schema, part 4: bookings and payments (seed 004 sections 5 and 6).
 *
 * seed deviation: the seed's "Query Optimization" materialized view dashboard_stats is not
 * created: it sums bookings.total_amount, a column bookings does not have, and its
 * CREATE UNIQUE INDEX ON dashboard_stats (1) is not valid SQL. It is not in the table list either.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- bookings
    CREATE TABLE public.bookings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- DEFAULT '' only marks the column as optional on insert (Gatehouse reads NOT NULL without
      -- a default as "required"); the BEFORE INSERT trigger below replaces '' with a number.
      booking_number text UNIQUE NOT NULL DEFAULT '',
      customer_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE RESTRICT,
      vendor_id uuid NOT NULL REFERENCES public.vendors(id) ON DELETE RESTRICT,
      booking_type text NOT NULL CHECK (booking_type IN ('home_service', 'spa_visit', 'hotel_service')),
      service_location jsonb NOT NULL,
      booking_date date NOT NULL,
      booking_time time NOT NULL,
      status text DEFAULT 'pending' CHECK (status IN (
        'pending', 'confirmed', 'assigned', 'in_progress', 'completed', 'cancelled', 'rescheduled'
      )),
      cancellation_reason text,
      cancelled_by uuid REFERENCES auth.users(id),
      cancelled_at timestamptz,
      payment_status text DEFAULT 'pending' CHECK (payment_status IN ('pending', 'partial', 'paid', 'refunded')),
      special_instructions text,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_bookings_customer ON public.bookings(customer_id);
    CREATE INDEX idx_bookings_vendor ON public.bookings(vendor_id);
    CREATE INDEX idx_bookings_status ON public.bookings(status);
    CREATE INDEX idx_bookings_date ON public.bookings(booking_date, booking_time);
    CREATE INDEX idx_bookings_number ON public.bookings(booking_number);
    CREATE INDEX idx_bookings_cancelled_by ON public.bookings(cancelled_by);
    CREATE INDEX idx_bookings_created ON public.bookings(created_at DESC);
    CREATE TRIGGER bookings_set_updated_at BEFORE UPDATE ON public.bookings
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    -- booking_number may be omitted (or sent empty) on insert: this BEFORE INSERT trigger fills
    -- it with OBO-YYYYMMDD-NNNN (UTC date of created_at, per-day counter). NOT NULL is checked
    -- after BEFORE triggers, so the column stays NOT NULL. A number supplied in the same format
    -- moves that day's counter forward so later generated numbers do not collide with it.
    CREATE FUNCTION public.bookings_assign_number() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        IF NEW.booking_number IS NULL OR btrim(NEW.booking_number) = '' THEN
          NEW.booking_number := public.next_document_number('OBO', NEW.created_at);
        ELSE
          PERFORM public.note_document_number('OBO', NEW.booking_number);
        END IF;
        RETURN NEW;
      END
      $$;
    CREATE TRIGGER bookings_assign_number BEFORE INSERT ON public.bookings
      FOR EACH ROW EXECUTE FUNCTION public.bookings_assign_number();

    COMMENT ON TABLE public.bookings IS 'Customer bookings of services at a vendor or at home';
    COMMENT ON COLUMN public.bookings.booking_number IS 'OBO-YYYYMMDD-NNNN, e.g. OBO-20250102-0001; generated when left empty';
    COMMENT ON COLUMN public.bookings.customer_id IS 'The customer (auth user) who booked';
    COMMENT ON COLUMN public.bookings.service_location IS '{ address, latitude, longitude, landmark }';
    COMMENT ON COLUMN public.bookings.cancelled_by IS 'Who cancelled the booking';

    -- ---------------------------------------------------------------- booking_items
    CREATE TABLE public.booking_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES public.bookings(id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES public.services(id),
      duration integer NOT NULL,
      price numeric(10,2) NOT NULL,
      quantity integer DEFAULT 1,
      addon_services jsonb DEFAULT '[]',
      subtotal numeric(10,2) NOT NULL,
      created_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_booking_items_booking ON public.booking_items(booking_id);
    CREATE INDEX idx_booking_items_service ON public.booking_items(service_id);

    COMMENT ON TABLE public.booking_items IS 'Services (with add-ons) booked in a booking';
    COMMENT ON COLUMN public.booking_items.duration IS 'Duration in minutes';
    COMMENT ON COLUMN public.booking_items.addon_services IS '[{ id, name, price }]';

    -- ---------------------------------------------------------------- therapist_assignments
    CREATE TABLE public.therapist_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES public.bookings(id) ON DELETE CASCADE,
      therapist_id uuid NOT NULL REFERENCES public.therapists(id) ON DELETE RESTRICT,
      vendor_id uuid NOT NULL REFERENCES public.vendors(id) ON DELETE RESTRICT,
      customer_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE RESTRICT,
      service_id uuid NOT NULL REFERENCES public.services(id),
      assignment_date date NOT NULL,
      assignment_time time NOT NULL,
      status text DEFAULT 'assigned' CHECK (status IN (
        'assigned', 'acknowledged', 'in_transit', 'reached', 'in_progress', 'completed', 'cancelled'
      )),
      location_address text NOT NULL,
      location_latitude numeric(10,8),
      location_longitude numeric(11,8),
      estimated_duration integer NOT NULL,
      actual_start_time timestamptz,
      actual_end_time timestamptz,
      actual_duration integer,
      distance_traveled numeric(10,2),
      travel_time integer,
      customer_rating integer CHECK (customer_rating BETWEEN 1 AND 5),
      customer_feedback text,
      notes text,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_therapist_assignments_booking ON public.therapist_assignments(booking_id);
    CREATE INDEX idx_therapist_assignments_therapist ON public.therapist_assignments(therapist_id);
    CREATE INDEX idx_therapist_assignments_vendor ON public.therapist_assignments(vendor_id);
    CREATE INDEX idx_therapist_assignments_customer ON public.therapist_assignments(customer_id);
    CREATE INDEX idx_therapist_assignments_status ON public.therapist_assignments(status);
    CREATE INDEX idx_therapist_assignments_date ON public.therapist_assignments(assignment_date, assignment_time);
    CREATE INDEX idx_therapist_assignments_service ON public.therapist_assignments(service_id);
    CREATE TRIGGER therapist_assignments_set_updated_at BEFORE UPDATE ON public.therapist_assignments
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.therapist_assignments IS 'Therapists assigned to deliver a booking, tracked from assignment to completion';
    COMMENT ON COLUMN public.therapist_assignments.estimated_duration IS 'Minutes';
    COMMENT ON COLUMN public.therapist_assignments.actual_duration IS 'Minutes';
    COMMENT ON COLUMN public.therapist_assignments.distance_traveled IS 'Kilometers';
    COMMENT ON COLUMN public.therapist_assignments.travel_time IS 'Minutes';
    COMMENT ON COLUMN public.therapist_assignments.customer_rating IS 'Customer''s rating of the therapist, 1 to 5';

    -- ---------------------------------------------------------------- payments
    CREATE TABLE public.payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      transaction_id text UNIQUE NOT NULL,
      booking_id uuid NOT NULL REFERENCES public.bookings(id) ON DELETE RESTRICT,
      customer_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE RESTRICT,
      vendor_id uuid NOT NULL REFERENCES public.vendors(id) ON DELETE RESTRICT,
      amount numeric(10,2) NOT NULL,
      tax_amount numeric(10,2) DEFAULT 0,
      discount_amount numeric(10,2) DEFAULT 0,
      convenience_fee numeric(10,2) DEFAULT 0,
      total_amount numeric(10,2) NOT NULL,
      payment_method text NOT NULL CHECK (payment_method IN (
        'credit_card', 'debit_card', 'upi', 'net_banking', 'wallet', 'cash'
      )),
      payment_gateway text,
      gateway_transaction_id text,
      status text DEFAULT 'pending' CHECK (status IN (
        'pending', 'processing', 'success', 'failed', 'refunded', 'partially_refunded'
      )),
      payment_date timestamptz,
      refund_amount numeric(10,2),
      refund_date timestamptz,
      refund_reason text,
      metadata jsonb,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_payments_booking ON public.payments(booking_id);
    CREATE INDEX idx_payments_customer ON public.payments(customer_id);
    CREATE INDEX idx_payments_vendor ON public.payments(vendor_id);
    CREATE INDEX idx_payments_status ON public.payments(status);
    CREATE INDEX idx_payments_transaction ON public.payments(transaction_id);
    CREATE INDEX idx_payments_date ON public.payments(payment_date);
    CREATE INDEX idx_payments_created ON public.payments(created_at DESC);
    CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON public.payments
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.payments IS 'Customer payments and refunds for bookings';
    COMMENT ON COLUMN public.payments.transaction_id IS 'OMBARO''s own transaction reference';
    COMMENT ON COLUMN public.payments.total_amount IS 'amount + tax + convenience fee - discount';
    COMMENT ON COLUMN public.payments.payment_gateway IS 'razorpay, stripe, paytm, etc.';
    COMMENT ON COLUMN public.payments.gateway_transaction_id IS 'Transaction ID at the payment gateway';
    COMMENT ON COLUMN public.payments.metadata IS 'Gateway-specific data';

    -- ---------------------------------------------------------------- payment_settlements
    CREATE TABLE public.payment_settlements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      vendor_id uuid NOT NULL REFERENCES public.vendors(id) ON DELETE RESTRICT,
      settlement_period_start date NOT NULL,
      settlement_period_end date NOT NULL,
      total_bookings integer NOT NULL,
      gross_amount numeric(12,2) NOT NULL,
      commission_amount numeric(12,2) NOT NULL,
      tds_amount numeric(12,2) DEFAULT 0,
      adjustment_amount numeric(12,2) DEFAULT 0,
      net_settlement_amount numeric(12,2) NOT NULL,
      status text DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
      payment_reference text,
      payment_date timestamptz,
      payment_method text,
      notes text,
      prepared_by uuid REFERENCES auth.users(id),
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_payment_settlements_vendor ON public.payment_settlements(vendor_id);
    CREATE INDEX idx_payment_settlements_period ON public.payment_settlements(settlement_period_start, settlement_period_end);
    CREATE INDEX idx_payment_settlements_status ON public.payment_settlements(status);
    CREATE INDEX idx_payment_settlements_prepared_by ON public.payment_settlements(prepared_by);
    CREATE TRIGGER payment_settlements_set_updated_at BEFORE UPDATE ON public.payment_settlements
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.payment_settlements IS 'Periodic payouts to vendors: their bookings'' takings less commission and TDS';
    COMMENT ON COLUMN public.payment_settlements.tds_amount IS 'Tax deducted at source';
    COMMENT ON COLUMN public.payment_settlements.net_settlement_amount IS 'Amount paid to the vendor';
    COMMENT ON COLUMN public.payment_settlements.payment_reference IS 'Bank transfer reference; needed to mark the settlement completed';
    COMMENT ON COLUMN public.payment_settlements.notes IS 'Notes; needed to mark the settlement failed';
    COMMENT ON COLUMN public.payment_settlements.prepared_by IS 'Who prepared the settlement; the approver must be someone else';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.payment_settlements;
    DROP TABLE IF EXISTS public.payments;
    DROP TABLE IF EXISTS public.therapist_assignments;
    DROP TABLE IF EXISTS public.booking_items;
    DROP TABLE IF EXISTS public.bookings;
    DROP FUNCTION IF EXISTS public.bookings_assign_number();
    DELETE FROM public.document_counters WHERE scope = 'OBO';
  `);
}
