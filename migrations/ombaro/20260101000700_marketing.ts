import type { Knex } from 'knex';

/** OMBARO demo schema, part 7: marketing and promotions (seed 004 section 10). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- campaigns
    CREATE TABLE public.campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      type text CHECK (type IN ('email', 'sms', 'push', 'in_app', 'multi_channel')),
      status text DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled')),
      target_audience jsonb,
      content jsonb NOT NULL,
      start_date timestamptz,
      end_date timestamptz,
      budget numeric(10,2),
      created_by uuid NOT NULL REFERENCES public.employees(id),
      approved_by uuid REFERENCES public.employees(id),
      metrics jsonb DEFAULT '{}',
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_campaigns_status ON public.campaigns(status);
    CREATE INDEX idx_campaigns_dates ON public.campaigns(start_date, end_date);
    CREATE INDEX idx_campaigns_created_by ON public.campaigns(created_by);
    CREATE INDEX idx_campaigns_approved_by ON public.campaigns(approved_by);
    CREATE TRIGGER campaigns_set_updated_at BEFORE UPDATE ON public.campaigns
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.campaigns IS 'Marketing campaigns across email, SMS, push and in-app channels';
    COMMENT ON COLUMN public.campaigns.target_audience IS 'Filters: { tier, city, age_range, last_booking_days }';
    COMMENT ON COLUMN public.campaigns.content IS '{ subject, body, images, cta }';
    COMMENT ON COLUMN public.campaigns.created_by IS 'Employee who drafted the campaign';
    COMMENT ON COLUMN public.campaigns.approved_by IS 'Employee who approved it (never the creator)';
    COMMENT ON COLUMN public.campaigns.metrics IS '{ sent, delivered, opened, clicked, converted }';

    -- ---------------------------------------------------------------- promotions
    CREATE TABLE public.promotions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text UNIQUE NOT NULL,
      name text NOT NULL,
      description text,
      type text CHECK (type IN ('percentage', 'fixed_amount', 'free_service', 'free_addon')),
      discount_value numeric(10,2) NOT NULL,
      min_booking_amount numeric(10,2),
      max_discount_amount numeric(10,2),
      applicable_services uuid[],
      applicable_vendors uuid[],
      usage_limit_per_customer integer DEFAULT 1,
      total_usage_limit integer,
      current_usage_count integer DEFAULT 0,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz NOT NULL,
      terms_and_conditions text,
      status text DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'expired')),
      created_by uuid NOT NULL REFERENCES public.employees(id),
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_promotions_code ON public.promotions(code);
    CREATE INDEX idx_promotions_status ON public.promotions(status);
    CREATE INDEX idx_promotions_dates ON public.promotions(valid_from, valid_to);
    CREATE INDEX idx_promotions_created_by ON public.promotions(created_by);
    CREATE TRIGGER promotions_set_updated_at BEFORE UPDATE ON public.promotions
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.promotions IS 'Promo codes and discounts customers can apply to bookings';
    COMMENT ON COLUMN public.promotions.code IS 'Code the customer enters at checkout';
    COMMENT ON COLUMN public.promotions.discount_value IS 'Percent or amount, depending on the type';
    COMMENT ON COLUMN public.promotions.applicable_services IS 'Service IDs; empty array means all services';
    COMMENT ON COLUMN public.promotions.applicable_vendors IS 'Vendor IDs; empty array means all vendors';
    COMMENT ON COLUMN public.promotions.total_usage_limit IS 'Uses across all customers; empty means unlimited';

    -- ---------------------------------------------------------------- promotion_usage
    CREATE TABLE public.promotion_usage (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      promotion_id uuid NOT NULL REFERENCES public.promotions(id) ON DELETE CASCADE,
      customer_id uuid NOT NULL REFERENCES public.customers(id) ON DELETE CASCADE,
      booking_id uuid NOT NULL REFERENCES public.bookings(id) ON DELETE CASCADE,
      discount_amount numeric(10,2) NOT NULL,
      used_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_promotion_usage_promotion ON public.promotion_usage(promotion_id);
    CREATE INDEX idx_promotion_usage_customer ON public.promotion_usage(customer_id);
    CREATE INDEX idx_promotion_usage_booking ON public.promotion_usage(booking_id);

    COMMENT ON TABLE public.promotion_usage IS 'Each use of a promotion on a booking';
    COMMENT ON COLUMN public.promotion_usage.discount_amount IS 'Discount actually granted';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.promotion_usage;
    DROP TABLE IF EXISTS public.promotions;
    DROP TABLE IF EXISTS public.campaigns;
  `);
}
