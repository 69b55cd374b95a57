import type { Knex } from 'knex';

/**
 * OMBARO demo schema, part 9: analytics events (seed 004 section 12, "Partitioning") and the
 * loyalty ledger (seed 004 "Example Migration File").
 */

/** Monthly partitions of analytics_events: 2025-01 through 2027-12 (inclusive). */
const FIRST_MONTH = { year: 2025, month: 1 };
const LAST_MONTH = { year: 2027, month: 12 };

function monthlyPartitions(): string {
  const statements: string[] = [];
  let { year, month } = FIRST_MONTH;
  while (year < LAST_MONTH.year || (year === LAST_MONTH.year && month <= LAST_MONTH.month)) {
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const mm = String(month).padStart(2, '0');
    const nextMm = String(next.month).padStart(2, '0');
    statements.push(
      `CREATE TABLE public.analytics_events_${year}_${mm} PARTITION OF public.analytics_events\n` +
        `      FOR VALUES FROM ('${year}-${mm}-01 00:00:00+00') TO ('${next.year}-${nextMm}-01 00:00:00+00');`,
    );
    ({ year, month } = next);
  }
  return statements.join('\n    ');
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- analytics_events
    -- seed deviation: the seed declares id uuid PRIMARY KEY and then partitions by timestamp;
    -- a partitioned table's primary key must include the partition key, so the key is
    -- (id, "timestamp") and "timestamp" is NOT NULL (a NULL would fit no range partition).
    -- Monthly partitions 2025-01 .. 2027-12 with UTC month boundaries (the seed shows only
    -- 2025_01); the DEFAULT partition takes anything outside them so no insert ever fails.
    -- To add a month later, first move its rows out of the DEFAULT partition (PostgreSQL
    -- refuses to attach a partition whose range already has rows in DEFAULT).
    CREATE TABLE public.analytics_events (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid REFERENCES auth.users(id) ON DELETE SET NULL,
      session_id text,
      event_name text NOT NULL,
      event_category text,
      event_properties jsonb DEFAULT '{}',
      device_info jsonb,
      location_info jsonb,
      "timestamp" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, "timestamp")
    ) PARTITION BY RANGE ("timestamp");

    ${monthlyPartitions()}
    CREATE TABLE public.analytics_events_default PARTITION OF public.analytics_events DEFAULT;

    CREATE INDEX idx_analytics_events_user ON public.analytics_events(user_id);
    CREATE INDEX idx_analytics_events_name ON public.analytics_events(event_name);
    CREATE INDEX idx_analytics_events_timestamp ON public.analytics_events("timestamp" DESC);

    COMMENT ON TABLE public.analytics_events IS 'Product analytics events from the apps (partitioned by month)';
    COMMENT ON COLUMN public.analytics_events.user_id IS 'Signed-in user, if any';
    COMMENT ON COLUMN public.analytics_events.event_name IS 'page_view, button_click, search, booking_started, etc.';
    COMMENT ON COLUMN public.analytics_events.device_info IS '{ platform, os, browser, app_version }';
    COMMENT ON COLUMN public.analytics_events.location_info IS '{ city, state, country }';
    COMMENT ON COLUMN public.analytics_events."timestamp" IS 'When the event happened (also the partition key)';

    -- ---------------------------------------------------------------- loyalty_transactions
    -- seed deviation: the seed's migration also runs ALTER TABLE customers ADD COLUMN IF NOT
    -- EXISTS loyalty_points / membership_tier; customers already has both (membership_tier with
    -- its CHECK), so that part is a no-op and is left out.
    CREATE TABLE public.loyalty_transactions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES public.customers(id),
      transaction_type text NOT NULL,
      points integer NOT NULL,
      booking_id uuid REFERENCES public.bookings(id),
      description text,
      created_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_loyalty_transactions_customer ON public.loyalty_transactions(customer_id);
    CREATE INDEX idx_loyalty_transactions_booking ON public.loyalty_transactions(booking_id);

    COMMENT ON TABLE public.loyalty_transactions IS 'Ledger of loyalty points earned and redeemed by customers';
    COMMENT ON COLUMN public.loyalty_transactions.transaction_type IS 'Kind of movement, e.g. earned, redeemed, expired, adjusted';
    COMMENT ON COLUMN public.loyalty_transactions.points IS 'Points added (positive) or taken away (negative)';
    COMMENT ON COLUMN public.loyalty_transactions.booking_id IS 'Booking that earned or used the points, if any';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.loyalty_transactions;
    DROP TABLE IF EXISTS public.analytics_events; -- drops its partitions too
  `);
}
