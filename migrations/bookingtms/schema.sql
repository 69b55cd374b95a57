-- =============================================================================================
-- BookingTMS (seed 003), a multi-tenant booking SaaS for escape rooms and similar experiences,
-- as valid PostgreSQL 18: organisations are the tenants; plans, feature flags and the platform
-- team belong to the platform. Its demo data: migrations/bookingtms/demo_data.sql; its pack:
-- permissions/packs/bookingtms/pack.json.
--
-- Source: "BookingTMS Enterprise Architecture Blueprint" v2.0.0 (Supabase). The document gives no
-- CREATE TABLE statements: the tables below are built from its ERD (section 2.1), entity and
-- role hierarchy (1.1, 1.3), isolation notes (5), required indexes (6.1) and optimistic locking
-- (6.2). Runs once, into an empty database, as one script. Needs no extension
-- (gen_random_uuid() is core). Everything lives in the public schema; nothing is created in
-- `auth` or `gatehouse`.
--
-- Where the document was silent or had to be departed from (each spot is also marked
-- `-- fixture:` where it happens):
-- fixture: column types are the document's silence filled in: ids uuid DEFAULT gen_random_uuid(),
--          money numeric(10,2) (organisations' two lifetime totals numeric(12,2): a busy tenant's
--          lifetime volume passes 99,999,999.99), times timestamptz, JSON jsonb, flags boolean
--          NOT NULL, every table created_at / updated_at (updated_at kept by set_updated_at(),
--          which Gatehouse reads as the record's version).
-- fixture: every status column is text with a CHECK list; the document names the columns but
--          not their values, so the lists are chosen here: bookings.status pending / confirmed /
--          checked_in / completed / cancelled / no_show; bookings.payment_status unpaid / pending /
--          paid / partially_refunded / refunded / failed; payments.status pending / succeeded /
--          failed / refunded / partially_refunded; organizations.status active / suspended /
--          closed; organizations.subscription_status Stripe's trialing / active / past_due /
--          canceled / unpaid (Stripe's spelling, as it mirrors Stripe); venues.status active /
--          inactive / archived; activities.difficulty easy / medium / hard / expert;
--          platform_team.role owner / engineer / support / billing.
-- fixture: roles are written with underscores (system_admin, super_admin, org_admin, admin,
--          manager, staff) where the document writes system-admin, super-admin, org-admin:
--          Gatehouse role names (and so the values of users.role) allow letters, digits and _ only.
-- fixture: users.id has no FOREIGN KEY to auth.users (Supabase's): Gatehouse makes each person's
--          sign-in account with the same id from users.email (the pack's people.email).
-- fixture: users.organization_id is the one tenant column that may be NULL: the document's platform
--          level is "org_id = NULL". A CHECK ties it to the role: system_admin, and only it, has no
--          organisation and is_platform_team = true.
-- fixture: organizations.owner_id refers to users, which refer to organizations: the constraint is
--          added after users and is DEFERRABLE INITIALLY DEFERRED (an organisation and its owner
--          are inserted in one transaction).
-- fixture: tenant consistency is enforced by composite foreign keys, not only by RLS (a foreign key
--          check does not see RLS, so a guessed id of another tenant's row would otherwise be
--          accepted): each parent has UNIQUE (organization_id, id) and each child refers to it
--          with (organization_id, <parent>_id). A booking's session, activity and venue must agree
--          (one key over all four columns); so must a session's activity and venue. The
--          single-column foreign keys stay too: Gatehouse draws references from them.
-- fixture: slot_reservations carries organization_id, which the ERD does not list: every table
--          holding an organisation's data carries it (section 5.1: "All tables have
--          organization_id column"), so RLS needs no join. payments gets its organization_id
--          foreign key (section 1.2: "Missing org_id FK").
-- fixture: bookings.booking_date (the session's local date) is not in the ERD, but the document
--          queries and indexes it (3.2, 6.1); added, NOT NULL. The workflow's stamps
--          (confirmed_by/_at, checked_in_by/_at, completed_at, cancelled_by/_at,
--          cancellation_reason) are added for the status flow; the document has none.
-- fixture: activities.duration is in minutes; activity_sessions has UNIQUE (activity_id,
--          start_time) (sessions are generated per activity, one per slot); venues have UNIQUE
--          (organization_id, slug); emails are stored lower case (CHECK), so the document's
--          per-organisation unique customer email cannot be dodged by case.
-- fixture: organizations' counters (current_venues_count, current_staff_count,
--          current_bookings_this_month) and customers' total_bookings / total_spent are kept as
--          plain columns the application maintains: the document flags denormalisation as a risk
--          (3.1) without deciding; no trigger keeps them.
-- fixture: CREATE INDEX CONCURRENTLY IF NOT EXISTS becomes CREATE INDEX (the tables are new and
--          empty, and CONCURRENTLY cannot run inside a transaction). Indexes that the document
--          asks for but a UNIQUE constraint already makes are left out (idx_venues_embed_key,
--          idx_bookings_reference). idx_sessions_org_date on (organization_id, start_time::date)
--          is rejected by PostgreSQL (a timestamptz-to-date cast depends on TimeZone, so it is not
--          immutable): it indexes (organization_id, start_time), which serves a day's range in any
--          venue's time zone. idx_bookings_session is not partial (WHERE status <> 'cancelled'),
--          so foreign key checks can use it too.
-- fixture: added indexes: users(organization_id) (idx_users_org_role is partial on is_active, and
--          the tenant policy filters on organization_id alone), payments(organization_id,
--          created_at), slot_reservations(organization_id, expires_at), and one per foreign key a
--          delete would otherwise scan for (payments.booking_id, slot_reservations.session_id,
--          activities.venue_id, activity_sessions.venue_id).
-- fixture: reserve_session_capacity() (6.2) is kept, with two changes: a missing or closed session
--          is refused (the document's version reserved closed sessions, and returned nothing for a
--          missing one), and a trigger bumps activity_sessions.version on every other update, so
--          an edit made in the back-office also invalidates a version read before it.
-- fixture: Supabase-only parts are left out: get_my_organization_id(), is_platform_admin() and the
--          policies of section 5.2 (they call auth.uid()), ENABLE ROW LEVEL SECURITY and grants to
--          `authenticated`: Gatehouse generates its own roles, grants and RLS from the pack
--          (`gatehouse govern --apply`). Likewise the on_auth_user_created trigger on auth.users.
-- fixture: operations parts are left out: schema- and database-per-tenant isolation (5.1 levels 2
--          and 3), pooling, caching and replicas (4, 8) are deployment, not schema.
-- fixture: users.permissions (the JWT's fine-grained permission strings) is kept as data only:
--          Gatehouse's role matrix decides what a role may do.
-- fixture: deletes are restricted everywhere (no ON DELETE CASCADE) except slot reservations of a
--          deleted session and the platform_team row of a deleted user: bookings, payments and
--          people are history; a user leaves by is_active = false.
-- =============================================================================================

-- One trigger function for every table with an updated_at column.
CREATE FUNCTION set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.updated_at := now();
    RETURN NEW;
  END
  $$;
COMMENT ON FUNCTION set_updated_at() IS 'BEFORE UPDATE trigger: stamps updated_at with now()';

-- ---------------------------------------------------------------------------------------------
-- Platform domain
-- ---------------------------------------------------------------------------------------------
CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  price_monthly numeric(10,2) NOT NULL CHECK (price_monthly >= 0),
  -- fixture: NULL limits mean "unlimited" (the document gives no unit or sentinel); max_bookings is
  -- per calendar month, like organizations.current_bookings_this_month.
  max_venues integer CHECK (max_venues >= 0),
  max_staff integer CHECK (max_staff >= 0),
  max_bookings integer CHECK (max_bookings >= 0),
  features jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(features) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE plans IS 'Subscription plans the platform sells to organisations';
COMMENT ON COLUMN plans.max_venues IS 'Most venues an organisation on this plan may have; empty: unlimited';
COMMENT ON COLUMN plans.max_staff IS 'Most staff users; empty: unlimited';
COMMENT ON COLUMN plans.max_bookings IS 'Most bookings per calendar month; empty: unlimited';
CREATE TRIGGER plans_set_updated_at BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE feature_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  enabled boolean NOT NULL DEFAULT false,
  rollout_percent integer NOT NULL DEFAULT 0 CHECK (rollout_percent BETWEEN 0 AND 100),
  -- fixture: an array of organisation ids, as the ERD draws it (org_whitelist[]); an array cannot
  -- carry a foreign key, so an id of a removed organisation may linger.
  org_whitelist uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE feature_flags IS 'Platform feature flags and their rollout';
COMMENT ON COLUMN feature_flags.org_whitelist IS 'Organisations that get the feature whatever the rollout percentage';
CREATE TRIGGER feature_flags_set_updated_at BEFORE UPDATE ON feature_flags FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------------------------
-- Tenant domain
-- ---------------------------------------------------------------------------------------------
CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  plan_id uuid NOT NULL REFERENCES plans(id),
  owner_id uuid, -- fixture: its foreign key to users is added after users (the two refer to each other)
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
  stripe_account_id text UNIQUE,
  stripe_charges_enabled boolean NOT NULL DEFAULT false,
  stripe_payouts_enabled boolean NOT NULL DEFAULT false,
  application_fee_percentage numeric(5,2) NOT NULL DEFAULT 3.00 CHECK (application_fee_percentage BETWEEN 0 AND 100),
  total_volume_processed numeric(12,2) NOT NULL DEFAULT 0 CHECK (total_volume_processed >= 0), -- fixture: (12,2), a lifetime total
  total_application_fees numeric(12,2) NOT NULL DEFAULT 0 CHECK (total_application_fees >= 0), -- fixture: (12,2), a lifetime total
  current_venues_count integer NOT NULL DEFAULT 0 CHECK (current_venues_count >= 0),
  current_staff_count integer NOT NULL DEFAULT 0 CHECK (current_staff_count >= 0),
  current_bookings_this_month integer NOT NULL DEFAULT 0 CHECK (current_bookings_this_month >= 0),
  subscription_status text NOT NULL DEFAULT 'trialing'
    CHECK (subscription_status IN ('trialing', 'active', 'past_due', 'canceled', 'unpaid')),
  trial_ends_at timestamptz,
  suspended_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- fixture: a suspended organisation says since when
  CONSTRAINT organizations_suspension_dated CHECK (status <> 'suspended' OR suspended_at IS NOT NULL)
);
COMMENT ON TABLE organizations IS 'The tenants: one business (an escape-room company) each, with its Stripe Connect account and plan';
COMMENT ON COLUMN organizations.application_fee_percentage IS 'The platform''s fee on each payment, in percent';
COMMENT ON COLUMN organizations.total_volume_processed IS 'Lifetime amount of successful payments';
COMMENT ON COLUMN organizations.current_bookings_this_month IS 'Bookings dated this calendar month (kept by the application)';
CREATE INDEX idx_org_stripe_account ON organizations (stripe_account_id) WHERE stripe_account_id IS NOT NULL;
CREATE INDEX idx_org_status_plan ON organizations (status, plan_id);
CREATE TRIGGER organizations_set_updated_at BEFORE UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), -- fixture: no FOREIGN KEY to auth.users (Supabase's)
  organization_id uuid REFERENCES organizations(id), -- fixture: NULL for the platform level only (see the CHECK)
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$'),
  full_name text NOT NULL,
  -- fixture: the document's hierarchy with underscores; a new person is staff until given more
  role text NOT NULL DEFAULT 'staff'
    CHECK (role IN ('system_admin', 'super_admin', 'org_admin', 'admin', 'manager', 'staff')),
  is_platform_team boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  permissions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(permissions) = 'array'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- fixture: platform level = system_admin = no organisation = platform team (sections 1.1, 1.3)
  CONSTRAINT users_platform_level CHECK (
    (role = 'system_admin') = (organization_id IS NULL) AND is_platform_team = (organization_id IS NULL)
  )
);
COMMENT ON TABLE users IS 'Staff of the organisations, and the platform''s system administrators (no organisation)';
COMMENT ON COLUMN users.permissions IS 'Fine-grained permission names carried in the sign-in token (e.g. bookings.view); the role matrix decides access';
CREATE INDEX idx_users_org_role ON users (organization_id, role) WHERE is_active = true;
CREATE INDEX idx_users_platform ON users (is_platform_team) WHERE is_platform_team = true;
-- fixture: a full index for the tenant policy (organization_id = the caller's)
CREATE INDEX idx_users_org ON users (organization_id);
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- fixture: added here, after users; deferred so an organisation and its owner can be inserted together
ALTER TABLE organizations
  ADD CONSTRAINT organizations_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE platform_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'engineer', 'support', 'billing')), -- fixture: values chosen here
  permissions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(permissions) = 'array'),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE platform_team IS 'The platform''s own team and what each member does';
CREATE TRIGGER platform_team_set_updated_at BEFORE UPDATE ON platform_team FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE venues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- fixture: the booking widget's public key; given a default so a new venue can be embedded at once
  embed_key text UNIQUE DEFAULT replace(gen_random_uuid()::text, '-', ''),
  -- fixture: an IANA zone name; not checked by a constraint (that would need a non-immutable lookup)
  timezone text NOT NULL DEFAULT 'UTC',
  address text,
  city text,
  state text,
  zip text,
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  operating_hours jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(operating_hours) = 'object'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'archived')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT venues_org_slug_key UNIQUE (organization_id, slug), -- fixture: a slug is unique per organisation
  CONSTRAINT venues_org_id_key UNIQUE (organization_id, id) -- fixture: target of tenant-consistent keys
);
COMMENT ON TABLE venues IS 'An organisation''s locations';
COMMENT ON COLUMN venues.embed_key IS 'Public key of the venue''s booking widget';
COMMENT ON COLUMN venues.timezone IS 'IANA time zone of the venue, e.g. America/Chicago';
COMMENT ON COLUMN venues.operating_hours IS 'Opening hours per weekday, e.g. {"mon": ["12:00", "22:00"]}';
CREATE INDEX idx_venues_org_status ON venues (organization_id, status);
-- fixture: idx_venues_embed_key left out: the UNIQUE constraint on embed_key already indexes it
CREATE TRIGGER venues_set_updated_at BEFORE UPDATE ON venues FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------------------------
-- Inventory domain
-- ---------------------------------------------------------------------------------------------
CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  venue_id uuid NOT NULL REFERENCES venues(id),
  name text NOT NULL,
  description text,
  category text,
  schedule jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(schedule) = 'object'),
  min_players integer NOT NULL DEFAULT 1 CHECK (min_players >= 1),
  max_players integer NOT NULL CHECK (max_players >= 1),
  price numeric(10,2) NOT NULL CHECK (price >= 0),
  child_price numeric(10,2) CHECK (child_price >= 0),
  duration integer NOT NULL CHECK (duration > 0), -- fixture: minutes
  difficulty text CHECK (difficulty IN ('easy', 'medium', 'hard', 'expert')), -- fixture: values chosen here
  stripe_product_id text UNIQUE,
  stripe_prices jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(stripe_prices) = 'object'),
  custom_capacity_fields jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(custom_capacity_fields) = 'array'),
  is_active boolean NOT NULL DEFAULT true,
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT activities_players CHECK (max_players >= min_players),
  -- fixture: the venue is the same organisation's
  CONSTRAINT activities_venue_same_org FOREIGN KEY (organization_id, venue_id) REFERENCES venues (organization_id, id),
  CONSTRAINT activities_org_id_venue_key UNIQUE (organization_id, id, venue_id) -- fixture: target for sessions
);
COMMENT ON TABLE activities IS 'Bookable experiences (an escape room, a game) at a venue';
COMMENT ON COLUMN activities.schedule IS 'When sessions are generated: weekdays and start times';
COMMENT ON COLUMN activities.duration IS 'Length of one session, in minutes';
COMMENT ON COLUMN activities.price IS 'Price per adult player';
COMMENT ON COLUMN activities.child_price IS 'Price per child player; empty: no child price';
CREATE INDEX idx_activities_org_venue_active ON activities (organization_id, venue_id, is_active);
CREATE INDEX idx_activities_schedule ON activities USING GIN (schedule);
CREATE INDEX idx_activities_venue ON activities (venue_id); -- fixture: for the foreign key
CREATE TRIGGER activities_set_updated_at BEFORE UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE activity_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities(id),
  venue_id uuid NOT NULL REFERENCES venues(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  start_time timestamptz NOT NULL,
  end_time timestamptz NOT NULL,
  price_at_generation numeric(10,2) NOT NULL CHECK (price_at_generation >= 0),
  capacity_total integer NOT NULL CHECK (capacity_total > 0),
  capacity_remaining integer NOT NULL CHECK (capacity_remaining >= 0),
  is_closed boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1, -- optimistic lock (6.2)
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT activity_sessions_times CHECK (end_time > start_time),
  CONSTRAINT activity_sessions_capacity CHECK (capacity_remaining <= capacity_total),
  CONSTRAINT activity_sessions_activity_start_key UNIQUE (activity_id, start_time), -- fixture: one session per slot
  -- fixture: the activity is the same organisation's and at the same venue
  CONSTRAINT activity_sessions_activity_same_org FOREIGN KEY (organization_id, activity_id, venue_id)
    REFERENCES activities (organization_id, id, venue_id),
  CONSTRAINT activity_sessions_org_id_key UNIQUE (organization_id, id), -- fixture: target for reservations
  CONSTRAINT activity_sessions_org_id_activity_venue_key UNIQUE (organization_id, id, activity_id, venue_id) -- fixture: target for bookings
);
COMMENT ON TABLE activity_sessions IS 'Time slots of an activity (generated from its schedule), with their capacity';
COMMENT ON COLUMN activity_sessions.version IS 'Optimistic lock: raised by every change (see reserve_session_capacity)';
CREATE INDEX idx_sessions_activity_time_capacity ON activity_sessions (activity_id, start_time, capacity_remaining)
  WHERE is_closed = false;
-- fixture: (organization_id, start_time) for the document's (organization_id, start_time::date), which is not immutable
CREATE INDEX idx_sessions_org_date ON activity_sessions (organization_id, start_time);
CREATE INDEX idx_sessions_venue ON activity_sessions (venue_id); -- fixture: for the foreign key
CREATE TRIGGER activity_sessions_set_updated_at BEFORE UPDATE ON activity_sessions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- fixture: every change to a session raises its version unless the change raises it itself, so a
-- reservation holding an older version fails even after an edit in the back-office.
CREATE FUNCTION bump_session_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NEW.version IS NOT DISTINCT FROM OLD.version THEN
      NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
  END
  $$;
COMMENT ON FUNCTION bump_session_version() IS 'BEFORE UPDATE trigger: raises activity_sessions.version on every change';
CREATE TRIGGER activity_sessions_bump_version BEFORE UPDATE ON activity_sessions FOR EACH ROW EXECUTE FUNCTION bump_session_version();

-- Section 6.2: decrement capacity only if nobody changed the session since it was read.
CREATE FUNCTION reserve_session_capacity(
  p_session_id uuid,
  p_spots integer,
  p_expected_version integer
) RETURNS TABLE (success boolean, new_version integer, remaining integer)
  LANGUAGE plpgsql
  AS $$
  DECLARE
    v_current_capacity integer;
    v_current_version integer;
    v_closed boolean;
  BEGIN
    -- Lock the row and check version
    SELECT capacity_remaining, version, is_closed INTO v_current_capacity, v_current_version, v_closed
      FROM activity_sessions
     WHERE id = p_session_id
       FOR UPDATE;

    -- fixture: a missing or closed session is refused (the document's version did not check)
    IF NOT FOUND OR v_closed THEN
      RETURN QUERY SELECT false, v_current_version, v_current_capacity;
      RETURN;
    END IF;

    -- Version mismatch = concurrent modification
    IF v_current_version <> p_expected_version THEN
      RETURN QUERY SELECT false, v_current_version, v_current_capacity;
      RETURN;
    END IF;

    -- Insufficient capacity
    IF v_current_capacity < p_spots THEN
      RETURN QUERY SELECT false, v_current_version, v_current_capacity;
      RETURN;
    END IF;

    -- Update with new version
    UPDATE activity_sessions
       SET capacity_remaining = capacity_remaining - p_spots,
           version = version + 1
     WHERE id = p_session_id;

    RETURN QUERY SELECT true, v_current_version + 1, v_current_capacity - p_spots;
  END;
  $$;
COMMENT ON FUNCTION reserve_session_capacity(uuid, integer, integer) IS
  'Takes p_spots of a session''s capacity if its version is still p_expected_version (optimistic locking)';

-- ---------------------------------------------------------------------------------------------
-- Transaction domain
-- ---------------------------------------------------------------------------------------------
CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  email text NOT NULL CHECK (email = lower(email) AND email ~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$'),
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text,
  stripe_customer_id text,
  total_bookings integer NOT NULL DEFAULT 0 CHECK (total_bookings >= 0),
  total_spent numeric(10,2) NOT NULL DEFAULT 0 CHECK (total_spent >= 0),
  metadata jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT customers_org_id_key UNIQUE (organization_id, id) -- fixture: target of tenant-consistent keys
);
COMMENT ON TABLE customers IS 'People who book, per organisation (the same person is one customer per organisation)';
COMMENT ON COLUMN customers.total_spent IS 'Paid on this organisation''s bookings, refunds deducted (kept by the application)';
CREATE UNIQUE INDEX idx_customers_org_email ON customers (organization_id, email);
CREATE INDEX idx_customers_stripe ON customers (stripe_customer_id) WHERE stripe_customer_id IS NOT NULL;
CREATE TRIGGER customers_set_updated_at BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  venue_id uuid NOT NULL REFERENCES venues(id),
  activity_id uuid NOT NULL REFERENCES activities(id),
  session_id uuid NOT NULL REFERENCES activity_sessions(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  booking_reference text NOT NULL UNIQUE,
  booking_date date NOT NULL, -- fixture: not in the ERD, but queried and indexed by the document
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show')),
  payment_status text NOT NULL DEFAULT 'unpaid'
    CHECK (payment_status IN ('unpaid', 'pending', 'paid', 'partially_refunded', 'refunded', 'failed')),
  total_amount numeric(10,2) NOT NULL CHECK (total_amount >= 0),
  guest_count integer NOT NULL CHECK (guest_count > 0),
  promo_code text,
  promo_discount numeric(10,2) NOT NULL DEFAULT 0 CHECK (promo_discount >= 0),
  stripe_payment_intent_id text,
  -- fixture: the workflow's record of its steps (not in the document)
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz,
  checked_in_by uuid REFERENCES users(id),
  checked_in_at timestamptz,
  completed_at timestamptz,
  cancelled_by uuid REFERENCES users(id),
  cancelled_at timestamptz,
  cancellation_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_promo CHECK (promo_code IS NOT NULL OR promo_discount = 0),
  CONSTRAINT bookings_cancellation_reason CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL),
  -- fixture: the session, its activity and venue, and the customer are the same organisation's
  CONSTRAINT bookings_session_same_org FOREIGN KEY (organization_id, session_id, activity_id, venue_id)
    REFERENCES activity_sessions (organization_id, id, activity_id, venue_id),
  CONSTRAINT bookings_customer_same_org FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id),
  CONSTRAINT bookings_org_id_key UNIQUE (organization_id, id) -- fixture: target for payments
);
COMMENT ON TABLE bookings IS 'A customer''s booking of a session';
COMMENT ON COLUMN bookings.booking_date IS 'The session''s date in the venue''s time zone';
COMMENT ON COLUMN bookings.total_amount IS 'Amount due after the promotion''s discount';
CREATE INDEX idx_bookings_org_date_status ON bookings (organization_id, booking_date, status);
-- fixture: not partial (the document's WHERE status != 'cancelled'), so foreign key checks use it too
CREATE INDEX idx_bookings_session ON bookings (session_id);
CREATE INDEX idx_bookings_customer ON bookings (customer_id);
-- fixture: idx_bookings_reference left out: the UNIQUE constraint on booking_reference already indexes it
CREATE TRIGGER bookings_set_updated_at BEFORE UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id), -- fixture: the "missing org_id FK" (1.2)
  booking_id uuid NOT NULL REFERENCES bookings(id),
  amount numeric(10,2) NOT NULL CHECK (amount > 0),
  currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'), -- fixture: ISO 4217, upper case
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded')),
  stripe_payment_intent_id text UNIQUE,
  application_fee_amount numeric(10,2) NOT NULL DEFAULT 0 CHECK (application_fee_amount >= 0),
  net_to_merchant numeric(10,2) NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payments_fee_within_amount CHECK (application_fee_amount <= amount),
  CONSTRAINT payments_booking_same_org FOREIGN KEY (organization_id, booking_id) REFERENCES bookings (organization_id, id)
);
COMMENT ON TABLE payments IS 'Payments (Stripe payment intents) for bookings, with the platform''s fee';
COMMENT ON COLUMN payments.application_fee_amount IS 'The platform''s fee taken from this payment';
COMMENT ON COLUMN payments.net_to_merchant IS 'What the organisation receives';
-- fixture: the tenant index and the foreign key's
CREATE INDEX idx_payments_org_created ON payments (organization_id, created_at);
CREATE INDEX idx_payments_booking ON payments (booking_id);
CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE slot_reservations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id), -- fixture: not in the ERD (see the header)
  session_id uuid NOT NULL REFERENCES activity_sessions(id) ON DELETE CASCADE,
  customer_email text NOT NULL CHECK (customer_email = lower(customer_email)),
  spots_reserved integer NOT NULL CHECK (spots_reserved > 0),
  expires_at timestamptz NOT NULL,
  checkout_session_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT slot_reservations_session_same_org FOREIGN KEY (organization_id, session_id)
    REFERENCES activity_sessions (organization_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE slot_reservations IS 'Places held on a session while the customer pays (step 2 of the booking flow); they lapse at expires_at';
COMMENT ON COLUMN slot_reservations.checkout_session_id IS 'The Stripe Checkout session paying for them';
-- fixture: the tenant index, and the foreign key's
CREATE INDEX idx_slot_reservations_org_expires ON slot_reservations (organization_id, expires_at);
CREATE INDEX idx_slot_reservations_session ON slot_reservations (session_id);
