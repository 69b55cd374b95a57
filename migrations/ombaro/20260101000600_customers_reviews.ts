import type { Knex } from 'knex';

/** OMBARO demo schema, part 6: customers and reviews (seed 004 sections 8 and 9). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- customers
    CREATE TABLE public.customers (
      id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
      membership_tier text DEFAULT 'silver' CHECK (membership_tier IN ('silver', 'gold', 'platinum', 'diamond')),
      membership_start_date date,
      loyalty_points integer DEFAULT 0,
      total_bookings integer DEFAULT 0,
      total_spent numeric(12,2) DEFAULT 0,
      preferred_services uuid[],
      preferred_therapists uuid[],
      preferred_vendors uuid[],
      communication_preferences jsonb DEFAULT '{}',
      allergies text[],
      medical_conditions text[],
      special_requirements text,
      referral_code text UNIQUE,
      referred_by uuid REFERENCES public.customers(id),
      referral_count integer DEFAULT 0,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_customers_tier ON public.customers(membership_tier);
    CREATE INDEX idx_customers_referral_code ON public.customers(referral_code);
    CREATE INDEX idx_customers_referred_by ON public.customers(referred_by);
    CREATE TRIGGER customers_set_updated_at BEFORE UPDATE ON public.customers
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.customers IS 'Customer profile: membership, loyalty and preferences (extends user_profiles)';
    COMMENT ON COLUMN public.customers.id IS 'The customer''s auth user';
    COMMENT ON COLUMN public.customers.loyalty_points IS 'Current loyalty point balance';
    COMMENT ON COLUMN public.customers.preferred_services IS 'Array of service IDs';
    COMMENT ON COLUMN public.customers.preferred_therapists IS 'Array of therapist IDs';
    COMMENT ON COLUMN public.customers.preferred_vendors IS 'Array of vendor IDs';
    COMMENT ON COLUMN public.customers.communication_preferences IS '{ email, sms, whatsapp, push }';
    COMMENT ON COLUMN public.customers.referral_code IS 'Code this customer shares to refer others';
    COMMENT ON COLUMN public.customers.referred_by IS 'The customer who referred this one';

    -- ---------------------------------------------------------------- customer_addresses
    CREATE TABLE public.customer_addresses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES public.customers(id) ON DELETE CASCADE,
      address_type text NOT NULL CHECK (address_type IN ('home', 'work', 'other')),
      label text,
      address_line1 text NOT NULL,
      address_line2 text,
      landmark text,
      city text NOT NULL,
      state text NOT NULL,
      pincode text NOT NULL,
      country text DEFAULT 'India',
      latitude numeric(10,8),
      longitude numeric(11,8),
      is_default boolean DEFAULT false,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_customer_addresses_customer ON public.customer_addresses(customer_id);
    CREATE INDEX idx_customer_addresses_type ON public.customer_addresses(address_type);
    CREATE TRIGGER customer_addresses_set_updated_at BEFORE UPDATE ON public.customer_addresses
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.customer_addresses IS 'Saved addresses of customers for home-service bookings';
    COMMENT ON COLUMN public.customer_addresses.label IS 'Home, Office, Mom''s Place, etc.';

    -- ---------------------------------------------------------------- reviews
    CREATE TABLE public.reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      booking_id uuid NOT NULL REFERENCES public.bookings(id) ON DELETE CASCADE,
      customer_id uuid NOT NULL REFERENCES public.customers(id) ON DELETE CASCADE,
      vendor_id uuid REFERENCES public.vendors(id) ON DELETE CASCADE,
      therapist_id uuid REFERENCES public.therapists(id) ON DELETE SET NULL,
      service_id uuid REFERENCES public.services(id),
      overall_rating integer NOT NULL CHECK (overall_rating BETWEEN 1 AND 5),
      service_quality_rating integer CHECK (service_quality_rating BETWEEN 1 AND 5),
      professionalism_rating integer CHECK (professionalism_rating BETWEEN 1 AND 5),
      cleanliness_rating integer CHECK (cleanliness_rating BETWEEN 1 AND 5),
      value_for_money_rating integer CHECK (value_for_money_rating BETWEEN 1 AND 5),
      title text,
      review_text text,
      photos text[],
      would_recommend boolean,
      status text DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'flagged')),
      moderated_by uuid REFERENCES public.employees(id),
      moderation_notes text,
      helpful_count integer DEFAULT 0,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_reviews_booking ON public.reviews(booking_id);
    CREATE INDEX idx_reviews_customer ON public.reviews(customer_id);
    CREATE INDEX idx_reviews_vendor ON public.reviews(vendor_id);
    CREATE INDEX idx_reviews_therapist ON public.reviews(therapist_id);
    CREATE INDEX idx_reviews_status ON public.reviews(status);
    CREATE INDEX idx_reviews_rating ON public.reviews(overall_rating);
    CREATE INDEX idx_reviews_service ON public.reviews(service_id);
    CREATE INDEX idx_reviews_moderated_by ON public.reviews(moderated_by);
    CREATE TRIGGER reviews_set_updated_at BEFORE UPDATE ON public.reviews
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.reviews IS 'Customer ratings and reviews of bookings, moderated before publication';
    COMMENT ON COLUMN public.reviews.overall_rating IS '1 to 5 stars';
    COMMENT ON COLUMN public.reviews.photos IS 'Photo URLs';
    COMMENT ON COLUMN public.reviews.moderated_by IS 'Employee who approved, rejected or flagged the review';
    COMMENT ON COLUMN public.reviews.helpful_count IS 'How many readers marked the review helpful';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.reviews;
    DROP TABLE IF EXISTS public.customer_addresses;
    DROP TABLE IF EXISTS public.customers;
  `);
}
