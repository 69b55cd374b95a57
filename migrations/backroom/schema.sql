-- =============================================================================================
-- Backroom Leeds (seed 000), a Leeds nightclub's bookings, as valid PostgreSQL 18: the schema of
-- the backroom demo (its demo data: server/seed/backroom/demo_data.sql; its pack:
-- permissions/packs/backroom/pack.json).
--
-- Source: "Database Schema & Row Level Security Architecture" (PostgreSQL 15 via Supabase).
-- Runs once, into an empty database, as one script. Needs no extension (gen_random_uuid() is core).
-- Everything lives in the public schema, as in the seed; nothing is created in `auth` or `gatehouse`.
--
-- What was changed from the seed (each spot is also marked `-- fixture:` where it happens):
-- fixture: MySQL-style `INDEX name (cols)` clauses inside CREATE TABLE are not PostgreSQL; each
--          becomes a CREATE INDEX statement with the same name, right after its table.
-- fixture: tables are created in dependency order (bookings references drinks_packages, which the
--          seed declares later).
-- fixture: CREATE EXTENSION uuid-ossp / pgcrypto / btree_gist / pg_trgm is left out: nothing kept
--          needs them (gen_random_uuid() is built in since PostgreSQL 13).
-- fixture: table_availability's EXCLUDE USING gist (table_id WITH =, time_slot WITH &&) needs the
--          btree_gist extension (gist has no `=` for uuid); it is left out.
-- fixture: bookings' CHECK (event_date >= CURRENT_DATE) is left out: it turns every booking invalid
--          the day after its date, so no historical sample row could be loaded or later updated.
-- fixture: idx_upcoming_bookings' predicate `event_date >= CURRENT_DATE` is rejected by PostgreSQL
--          (index predicates must be immutable); the index keeps only `status = 'CONFIRMED'`.
-- fixture: audit_log is partitioned by created_at, so its primary key must include created_at:
--          PRIMARY KEY (id, created_at), created_at NOT NULL. A second partition (2025-09) is added.
-- fixture: Supabase-only parts are left out: every RLS policy (they call auth.uid()) and the
--          ENABLE ROW LEVEL SECURITY lines that go with them, the audit_trigger() function and its
--          triggers (auth.uid(), PostgREST's request.headers / request.jwt.claims settings), the
--          GRANTs and DEFAULT PRIVILEGES for the `authenticated` / `service_role` roles.
-- fixture: operations-only parts are left out: ALTER SYSTEM (WAL archiving), backup_database() and
--          cron.schedule() (pg_cron extension), the totp_secret pgp_sym_encrypt() rewrite (pgcrypto
--          and an app.encryption_key setting), the slow_queries view (pg_stat_statements extension;
--          its total_time/mean_time columns were also renamed in PostgreSQL 13).
-- fixture: table_bloat divides by pg_total_relation_size(), which is 0 for the partitioned parent
--          audit_log, so reading the view failed with "division by zero"; the divisor is NULLIF(.., 0).
-- fixture: materialized views are created WITH DATA before any row exists (as in the seed); the
--          demo data refreshes them once loaded.
-- =============================================================================================

-- fixture: `CREATE SCHEMA IF NOT EXISTS public` is a no-op and is left out; audit and analytics stay
-- (the seed creates them empty).
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS analytics;

-- ---------------------------------------------------------------------------------------------
-- User management
-- ---------------------------------------------------------------------------------------------
CREATE TYPE user_role AS ENUM (
  'SUPER_ADMIN',
  'MANAGER',
  'DOOR_STAFF',
  'CUSTOMER'
);

CREATE TYPE user_status AS ENUM (
  'ACTIVE',
  'SUSPENDED',
  'DELETED'
);

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email VARCHAR(255) UNIQUE NOT NULL,
  phone VARCHAR(20),
  first_name VARCHAR(100) NOT NULL,
  last_name VARCHAR(100) NOT NULL,
  date_of_birth DATE,
  role user_role DEFAULT 'CUSTOMER',
  status user_status DEFAULT 'ACTIVE',
  email_verified BOOLEAN DEFAULT FALSE,
  phone_verified BOOLEAN DEFAULT FALSE,

  -- 2FA Configuration
  totp_secret VARCHAR(255),
  totp_enabled BOOLEAN DEFAULT FALSE,
  backup_codes JSONB,

  -- Metadata
  preferences JSONB DEFAULT '{}',
  tags VARCHAR(50)[] DEFAULT '{}',
  loyalty_tier VARCHAR(20) DEFAULT 'BRONZE',
  total_spent DECIMAL(10, 2) DEFAULT 0,
  booking_count INTEGER DEFAULT 0,

  -- Timestamps
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW(),
  last_login_at TIMESTAMPTZ,
  deleted_at TIMESTAMPTZ,

  -- Constraints
  CONSTRAINT valid_email CHECK (email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$'),
  CONSTRAINT valid_phone CHECK (phone ~ '^\+?[0-9]{10,15}$'),
  CONSTRAINT adult_only CHECK (date_of_birth <= CURRENT_DATE - INTERVAL '18 years')
);

CREATE TABLE user_sessions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash VARCHAR(255) UNIQUE NOT NULL,
  ip_address INET,
  user_agent TEXT,
  device_id VARCHAR(255),
  expires_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_sessions_user ON user_sessions (user_id);
CREATE INDEX idx_sessions_token ON user_sessions (token_hash);
CREATE INDEX idx_sessions_expires ON user_sessions (expires_at);

CREATE TABLE password_resets (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash VARCHAR(255) UNIQUE NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_password_resets_token ON password_resets (token_hash);
CREATE INDEX idx_password_resets_user ON password_resets (user_id);

-- ---------------------------------------------------------------------------------------------
-- Venue & table management
-- ---------------------------------------------------------------------------------------------
CREATE TABLE venue_floors (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(50) NOT NULL UNIQUE,
  level INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  layout_config JSONB NOT NULL,
  features VARCHAR(100)[] DEFAULT '{}',
  status VARCHAR(20) DEFAULT 'OPEN',
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE tables (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  floor_id UUID NOT NULL REFERENCES venue_floors(id),
  table_number INTEGER NOT NULL,
  internal_name VARCHAR(50),

  -- Capacity configuration
  capacity_min INTEGER NOT NULL CHECK (capacity_min > 0),
  capacity_max INTEGER NOT NULL CHECK (capacity_max >= capacity_min),
  capacity_optimal INTEGER NOT NULL CHECK (
    capacity_optimal >= capacity_min AND
    capacity_optimal <= capacity_max
  ),

  -- Physical attributes
  shape VARCHAR(20) DEFAULT 'ROUND',
  width_cm INTEGER,
  length_cm INTEGER,

  -- Location and features
  position JSONB NOT NULL, -- {x, y, rotation, zone}
  features VARCHAR(50)[] DEFAULT '{}', -- ['window_view', 'corner', 'vip']
  accessibility_features VARCHAR(50)[] DEFAULT '{}',

  -- Booking rules
  min_spend DECIMAL(10, 2),
  requires_deposit BOOLEAN DEFAULT TRUE,
  advance_booking_days INTEGER DEFAULT 30,

  -- Status management
  status VARCHAR(20) DEFAULT 'AVAILABLE',
  maintenance_notes TEXT,

  -- Metadata
  images JSONB DEFAULT '[]',
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW(),

  UNIQUE (floor_id, table_number)
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_tables_floor ON tables (floor_id);
CREATE INDEX idx_tables_status ON tables (status);

CREATE TABLE table_availability (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  table_id UUID NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
  date DATE NOT NULL,
  time_slot TSTZRANGE NOT NULL,
  status VARCHAR(20) DEFAULT 'AVAILABLE',
  override_reason TEXT,
  created_by UUID REFERENCES users(id),
  created_at TIMESTAMPTZ DEFAULT NOW()
  -- fixture: EXCLUDE USING gist (table_id WITH =, time_slot WITH &&) left out (needs btree_gist)
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_availability_date ON table_availability (date);
CREATE INDEX idx_availability_table ON table_availability (table_id);

-- ---------------------------------------------------------------------------------------------
-- Payment & financial tables (drinks_packages first: bookings references it)
-- ---------------------------------------------------------------------------------------------
-- fixture: moved before bookings (dependency order)
CREATE TABLE drinks_packages (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(100) NOT NULL,
  description TEXT,
  price DECIMAL(10, 2) NOT NULL,
  min_people INTEGER DEFAULT 1,
  max_people INTEGER,
  includes JSONB NOT NULL,
  terms TEXT,
  available_days VARCHAR(10)[] DEFAULT '{MON,TUE,WED,THU,FRI,SAT,SUN}',
  valid_from DATE,
  valid_until DATE,
  sort_order INTEGER DEFAULT 0,
  is_active BOOLEAN DEFAULT TRUE,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_packages_active ON drinks_packages (is_active);
CREATE INDEX idx_packages_price ON drinks_packages (price);

-- ---------------------------------------------------------------------------------------------
-- Booking system
-- ---------------------------------------------------------------------------------------------
CREATE TYPE booking_status AS ENUM (
  'PENDING',
  'CONFIRMED',
  'CHECKED_IN',
  'COMPLETED',
  'CANCELLED',
  'NO_SHOW'
);

CREATE TABLE bookings (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_reference VARCHAR(20) UNIQUE NOT NULL,
  customer_id UUID NOT NULL REFERENCES users(id),

  -- Booking details
  event_date DATE NOT NULL,
  arrival_time TIME NOT NULL,
  departure_time TIME NOT NULL,
  party_size INTEGER NOT NULL CHECK (party_size > 0),

  -- Status tracking
  status booking_status DEFAULT 'PENDING',
  confirmation_sent_at TIMESTAMPTZ,
  reminder_sent_at TIMESTAMPTZ,

  -- Financial
  deposit_amount DECIMAL(10, 2) DEFAULT 50.00,
  total_estimated DECIMAL(10, 2),
  total_actual DECIMAL(10, 2),

  -- Package selection
  drinks_package_id UUID REFERENCES drinks_packages(id),
  special_requests TEXT,
  dietary_requirements JSONB DEFAULT '[]',
  celebration_type VARCHAR(50),

  -- Check-in details
  qr_code VARCHAR(255) UNIQUE,
  checked_in_at TIMESTAMPTZ,
  checked_in_by UUID REFERENCES users(id),
  check_in_notes TEXT,

  -- Guest information
  guest_names JSONB DEFAULT '[]',
  guest_contact_consent BOOLEAN DEFAULT FALSE,

  -- Cancellation
  cancelled_at TIMESTAMPTZ,
  cancelled_by UUID REFERENCES users(id),
  cancellation_reason TEXT,
  refund_amount DECIMAL(10, 2),

  -- Source tracking
  booking_source VARCHAR(50) DEFAULT 'WEBSITE',
  referral_code VARCHAR(50),
  utm_params JSONB DEFAULT '{}',

  -- Metadata
  tags VARCHAR(50)[] DEFAULT '{}',
  internal_notes TEXT,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW(),

  -- Constraints
  CONSTRAINT valid_booking_times CHECK (arrival_time < departure_time),
  CONSTRAINT valid_party_size CHECK (party_size <= 50)
  -- fixture: CONSTRAINT future_booking CHECK (event_date >= CURRENT_DATE) left out (time-dependent)
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_bookings_customer ON bookings (customer_id);
CREATE INDEX idx_bookings_date ON bookings (event_date);
CREATE INDEX idx_bookings_status ON bookings (status);
CREATE INDEX idx_bookings_reference ON bookings (booking_reference);
CREATE INDEX idx_bookings_qr ON bookings (qr_code);

CREATE TABLE booking_tables (
  booking_id UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  table_id UUID NOT NULL REFERENCES tables(id),
  assigned_at TIMESTAMPTZ DEFAULT NOW(),
  assigned_by UUID REFERENCES users(id),

  PRIMARY KEY (booking_id, table_id)
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_booking_tables_booking ON booking_tables (booking_id);
CREATE INDEX idx_booking_tables_table ON booking_tables (table_id);

CREATE TABLE booking_history (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  from_status booking_status,
  to_status booking_status NOT NULL,
  changed_by UUID REFERENCES users(id),
  change_reason TEXT,
  metadata JSONB DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_history_booking ON booking_history (booking_id);
CREATE INDEX idx_history_created ON booking_history (created_at);

CREATE TABLE waitlist (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES users(id),
  event_date DATE NOT NULL,
  party_size INTEGER NOT NULL,
  preferred_time TIME,
  flexibility_hours INTEGER DEFAULT 2,
  contact_preference VARCHAR(20) DEFAULT 'EMAIL',
  status VARCHAR(20) DEFAULT 'WAITING',
  notified_at TIMESTAMPTZ,
  expired_at TIMESTAMPTZ,
  converted_booking_id UUID REFERENCES bookings(id),
  created_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_waitlist_date ON waitlist (event_date);
CREATE INDEX idx_waitlist_customer ON waitlist (customer_id);
CREATE INDEX idx_waitlist_status ON waitlist (status);

-- ---------------------------------------------------------------------------------------------
-- Payments
-- ---------------------------------------------------------------------------------------------
CREATE TABLE payment_methods (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id UUID NOT NULL REFERENCES users(id),
  stripe_payment_method_id VARCHAR(255) UNIQUE NOT NULL,
  type VARCHAR(20) NOT NULL,
  last_four VARCHAR(4),
  brand VARCHAR(20),
  exp_month INTEGER,
  exp_year INTEGER,
  is_default BOOLEAN DEFAULT FALSE,
  created_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_payment_methods_customer ON payment_methods (customer_id);

CREATE TABLE payments (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id UUID NOT NULL REFERENCES bookings(id),
  stripe_payment_intent_id VARCHAR(255) UNIQUE,
  stripe_charge_id VARCHAR(255),

  -- Amount details
  amount DECIMAL(10, 2) NOT NULL,
  currency VARCHAR(3) DEFAULT 'GBP',
  fee_amount DECIMAL(10, 2),
  net_amount DECIMAL(10, 2),

  -- Payment details
  type VARCHAR(20) NOT NULL, -- DEPOSIT, FINAL, REFUND
  status VARCHAR(20) NOT NULL,
  payment_method_id UUID REFERENCES payment_methods(id),

  -- Processing details
  processed_at TIMESTAMPTZ,
  failed_at TIMESTAMPTZ,
  failure_reason TEXT,

  -- Refund details
  refunded_amount DECIMAL(10, 2) DEFAULT 0,
  refund_reason TEXT,
  refunded_at TIMESTAMPTZ,

  -- Metadata
  metadata JSONB DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_payments_booking ON payments (booking_id);
CREATE INDEX idx_payments_intent ON payments (stripe_payment_intent_id);
CREATE INDEX idx_payments_status ON payments (status);

-- ---------------------------------------------------------------------------------------------
-- Event management
-- ---------------------------------------------------------------------------------------------
CREATE TABLE events (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(200) NOT NULL,
  slug VARCHAR(200) UNIQUE NOT NULL,
  type VARCHAR(50) NOT NULL,

  -- Event timing
  event_date DATE NOT NULL,
  start_time TIME NOT NULL,
  end_time TIME NOT NULL,
  doors_open TIME,
  last_entry TIME,

  -- Details
  description TEXT,
  lineup JSONB DEFAULT '[]',
  images JSONB DEFAULT '[]',

  -- Ticketing
  ticket_link VARCHAR(500),
  ticket_price DECIMAL(10, 2),
  capacity_override INTEGER,

  -- Status
  status VARCHAR(20) DEFAULT 'SCHEDULED',
  published BOOLEAN DEFAULT FALSE,
  featured BOOLEAN DEFAULT FALSE,

  -- Metadata
  tags VARCHAR(50)[] DEFAULT '{}',
  seo_metadata JSONB DEFAULT '{}',
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_events_date ON events (event_date);
CREATE INDEX idx_events_slug ON events (slug);
CREATE INDEX idx_events_status ON events (status);

CREATE TABLE artists (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(200) NOT NULL,
  slug VARCHAR(200) UNIQUE NOT NULL,
  bio TEXT,
  genres VARCHAR(50)[] DEFAULT '{}',
  social_links JSONB DEFAULT '{}',
  images JSONB DEFAULT '[]',
  rider_requirements TEXT,
  fee_range_min DECIMAL(10, 2),
  fee_range_max DECIMAL(10, 2),
  is_resident BOOLEAN DEFAULT FALSE,
  is_active BOOLEAN DEFAULT TRUE,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_artists_slug ON artists (slug);
CREATE INDEX idx_artists_active ON artists (is_active);

CREATE TABLE event_artists (
  event_id UUID NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  artist_id UUID NOT NULL REFERENCES artists(id),
  performance_time TIME,
  set_duration_minutes INTEGER,
  fee_agreed DECIMAL(10, 2),

  PRIMARY KEY (event_id, artist_id)
);

-- ---------------------------------------------------------------------------------------------
-- Audit & compliance
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_log (
  id UUID NOT NULL DEFAULT gen_random_uuid(), -- fixture: PRIMARY KEY moved to (id, created_at)
  user_id UUID REFERENCES users(id),
  action VARCHAR(100) NOT NULL,
  entity_type VARCHAR(50) NOT NULL,
  entity_id UUID,

  -- Change tracking
  old_values JSONB,
  new_values JSONB,

  -- Context
  ip_address INET,
  user_agent TEXT,
  session_id UUID,

  -- Compliance
  requires_review BOOLEAN DEFAULT FALSE,
  reviewed_by UUID REFERENCES users(id),
  reviewed_at TIMESTAMPTZ,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), -- fixture: NOT NULL (part of the primary key)

  -- fixture: a partitioned table's primary key must contain the partition key
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_audit_user ON audit_log (user_id);
CREATE INDEX idx_audit_entity ON audit_log (entity_type, entity_id);
CREATE INDEX idx_audit_created ON audit_log (created_at);
CREATE INDEX idx_audit_action ON audit_log (action);

-- Create monthly partitions for audit log
CREATE TABLE audit_log_2025_08 PARTITION OF audit_log
  FOR VALUES FROM ('2025-08-01') TO ('2025-09-01');
-- fixture: a second monthly partition, so the partitioned table really has two partitions
CREATE TABLE audit_log_2025_09 PARTITION OF audit_log
  FOR VALUES FROM ('2025-09-01') TO ('2025-10-01');

CREATE TABLE consent_records (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id),
  consent_type VARCHAR(50) NOT NULL,
  granted BOOLEAN NOT NULL,
  version VARCHAR(20) NOT NULL,
  ip_address INET,
  user_agent TEXT,
  withdrawn_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW()
);
-- fixture: inline INDEX clauses -> CREATE INDEX
CREATE INDEX idx_consent_user ON consent_records (user_id);
CREATE INDEX idx_consent_type ON consent_records (consent_type);

CREATE TABLE data_retention (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type VARCHAR(50) NOT NULL UNIQUE,
  retention_days INTEGER NOT NULL,
  deletion_strategy VARCHAR(50) NOT NULL, -- HARD_DELETE, ANONYMIZE, ARCHIVE
  last_cleanup_at TIMESTAMPTZ,
  next_cleanup_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

-- fixture: Row Level Security section left out entirely (every policy uses Supabase's auth.uid()).

-- ---------------------------------------------------------------------------------------------
-- Strategic indexes
-- ---------------------------------------------------------------------------------------------
CREATE INDEX idx_bookings_lookup
  ON bookings(event_date, status)
  WHERE status IN ('CONFIRMED', 'CHECKED_IN');

CREATE INDEX idx_bookings_customer_history
  ON bookings(customer_id, event_date DESC);

CREATE INDEX idx_availability_lookup
  ON table_availability(date, status)
  WHERE status = 'AVAILABLE';

CREATE INDEX idx_active_users
  ON users(email)
  WHERE status = 'ACTIVE';

-- fixture: `AND event_date >= CURRENT_DATE` removed from the predicate (must be immutable)
CREATE INDEX idx_upcoming_bookings
  ON bookings(event_date)
  WHERE status = 'CONFIRMED';

CREATE INDEX idx_audit_log_time_brin
  ON audit_log
  USING BRIN(created_at);

CREATE INDEX idx_users_preferences_gin
  ON users
  USING GIN(preferences);

CREATE INDEX idx_bookings_metadata_gin
  ON bookings
  USING GIN(utm_params);

-- ---------------------------------------------------------------------------------------------
-- Materialized views (refreshed at the end of the script, once the sample rows exist)
-- ---------------------------------------------------------------------------------------------
CREATE MATERIALIZED VIEW daily_booking_summary AS
SELECT
  event_date,
  COUNT(*) as total_bookings,
  COUNT(*) FILTER (WHERE status = 'CONFIRMED') as confirmed_count,
  COUNT(*) FILTER (WHERE status = 'CANCELLED') as cancelled_count,
  SUM(party_size) as total_guests,
  AVG(party_size) as avg_party_size,
  SUM(deposit_amount) as total_deposits,
  COUNT(DISTINCT customer_id) as unique_customers
FROM bookings
GROUP BY event_date
WITH DATA;

CREATE UNIQUE INDEX ON daily_booking_summary(event_date);

CREATE MATERIALIZED VIEW table_utilization AS
SELECT
  t.id as table_id,
  t.table_number,
  t.floor_id,
  DATE(b.event_date) as date,
  COUNT(bt.booking_id) as bookings_count,
  SUM(b.party_size) as total_guests,
  ROUND(
    COUNT(bt.booking_id)::numeric /
    NULLIF(COUNT(*) OVER (PARTITION BY DATE(b.event_date)), 0) * 100,
    2
  ) as utilization_percentage
FROM tables t
LEFT JOIN booking_tables bt ON t.id = bt.table_id
LEFT JOIN bookings b ON bt.booking_id = b.id
WHERE b.status IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')
GROUP BY t.id, t.table_number, t.floor_id, DATE(b.event_date)
WITH DATA;

CREATE INDEX ON table_utilization(date, table_id);

CREATE MATERIALIZED VIEW customer_lifetime_value AS
SELECT
  u.id as customer_id,
  u.email,
  COUNT(DISTINCT b.id) as total_bookings,
  SUM(p.amount) as lifetime_spent,
  AVG(p.amount) as avg_spend,
  MAX(b.event_date) as last_booking_date,
  MIN(b.event_date) as first_booking_date,
  CASE
    WHEN SUM(p.amount) > 1000 THEN 'VIP'
    WHEN SUM(p.amount) > 500 THEN 'GOLD'
    WHEN SUM(p.amount) > 200 THEN 'SILVER'
    ELSE 'BRONZE'
  END as loyalty_tier
FROM users u
LEFT JOIN bookings b ON u.id = b.customer_id
LEFT JOIN payments p ON b.id = p.booking_id
WHERE b.status IN ('COMPLETED', 'CHECKED_IN')
GROUP BY u.id, u.email
WITH DATA;

CREATE UNIQUE INDEX ON customer_lifetime_value(customer_id);

-- ---------------------------------------------------------------------------------------------
-- Functions & triggers
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION update_updated_at()
RETURNS TRIGGER AS $$
BEGIN
  NEW.updated_at = NOW();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER update_users_updated_at
  BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();

CREATE TRIGGER update_bookings_updated_at
  BEFORE UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION update_updated_at();

-- Generates a reference only when none is given; every sample row below gives one.
CREATE OR REPLACE FUNCTION generate_booking_reference()
RETURNS TRIGGER AS $$
DECLARE
  reference VARCHAR(20);
BEGIN
  LOOP
    reference := 'BR' || LPAD(
      FLOOR(RANDOM() * 100000000)::text,
      8,
      '0'
    );

    EXIT WHEN NOT EXISTS (
      SELECT 1 FROM bookings WHERE booking_reference = reference
    );
  END LOOP;

  NEW.booking_reference := reference;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER generate_booking_ref
  BEFORE INSERT ON bookings
  FOR EACH ROW
  WHEN (NEW.booking_reference IS NULL)
  EXECUTE FUNCTION generate_booking_reference();

-- fixture: audit_trigger() and its triggers audit_bookings / audit_payments are left out: they call
-- Supabase's auth.uid() and read PostgREST's request.headers / request.jwt.claims settings (which
-- raise an error outside PostgREST), so every booking or payment write would fail.

CREATE OR REPLACE FUNCTION notify_booking_change()
RETURNS TRIGGER AS $$
DECLARE
  payload JSON;
BEGIN
  payload := json_build_object(
    'operation', TG_OP,
    'booking_id', NEW.id,
    'customer_id', NEW.customer_id,
    'event_date', NEW.event_date,
    'status', NEW.status,
    'tables', (
      SELECT array_agg(table_id)
      FROM booking_tables
      WHERE booking_id = NEW.id
    )
  );

  PERFORM pg_notify('booking_updates', payload::text);

  -- Send to specific channel for the date
  PERFORM pg_notify(
    'bookings_' || NEW.event_date::text,
    payload::text
  );

  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER booking_change_notify
  AFTER INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION notify_booking_change();

CREATE OR REPLACE FUNCTION check_table_capacity()
RETURNS TRIGGER AS $$
DECLARE
  table_capacity RECORD;
BEGIN
  SELECT capacity_min, capacity_max
  INTO table_capacity
  FROM tables
  WHERE id = NEW.table_id;

  IF NOT FOUND THEN
    RAISE EXCEPTION 'Table not found';
  END IF;

  -- Check if party size fits table capacity
  IF EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id = NEW.booking_id
    AND (
      b.party_size < table_capacity.capacity_min OR
      b.party_size > table_capacity.capacity_max
    )
  ) THEN
    RAISE EXCEPTION 'Party size does not fit table capacity';
  END IF;

  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER check_capacity
  BEFORE INSERT ON booking_tables
  FOR EACH ROW EXECUTE FUNCTION check_table_capacity();

CREATE OR REPLACE FUNCTION process_payment(
  p_booking_id UUID,
  p_amount DECIMAL,
  p_payment_intent_id TEXT
)
RETURNS UUID
SECURITY DEFINER
SET search_path = public
AS $$
DECLARE
  v_payment_id UUID;
BEGIN
  -- Validate booking exists and is valid
  IF NOT EXISTS (
    SELECT 1 FROM bookings
    WHERE id = p_booking_id
    AND status = 'CONFIRMED'
  ) THEN
    RAISE EXCEPTION 'Invalid booking';
  END IF;

  INSERT INTO payments (
    booking_id,
    amount,
    stripe_payment_intent_id,
    type,
    status
  ) VALUES (
    p_booking_id,
    p_amount,
    p_payment_intent_id,
    'DEPOSIT',
    'PENDING'
  ) RETURNING id INTO v_payment_id;

  RETURN v_payment_id;
END;
$$ LANGUAGE plpgsql;

-- ---------------------------------------------------------------------------------------------
-- Monitoring views (plain views over the system catalogs)
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW table_bloat AS
SELECT
  schemaname,
  tablename,
  pg_size_pretty(pg_total_relation_size(schemaname||'.'||tablename)) AS total_size,
  pg_size_pretty(pg_relation_size(schemaname||'.'||tablename)) AS table_size,
  pg_size_pretty(pg_total_relation_size(schemaname||'.'||tablename) - pg_relation_size(schemaname||'.'||tablename)) AS bloat_size,
  -- fixture: NULLIF(.., 0) added; the partitioned parent (and any storage-less table) has size 0
  round(100 * (pg_total_relation_size(schemaname||'.'||tablename) - pg_relation_size(schemaname||'.'||tablename)) / NULLIF(pg_total_relation_size(schemaname||'.'||tablename), 0)) AS bloat_pct
FROM pg_tables
WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
ORDER BY pg_total_relation_size(schemaname||'.'||tablename) DESC;

-- fixture: slow_queries view left out (needs the pg_stat_statements extension).

CREATE OR REPLACE VIEW connection_stats AS
SELECT
  datname,
  numbackends,
  xact_commit,
  xact_rollback,
  blks_read,
  blks_hit,
  tup_returned,
  tup_fetched,
  tup_inserted,
  tup_updated,
  tup_deleted
FROM pg_stat_database
WHERE datname NOT IN ('template0', 'template1');

-- Grant minimal permissions
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
-- fixture: GRANTs to `authenticated` / `service_role` (Supabase roles) left out.

-- Column comments (not in the seed; taken from the seed's inline comments and prose)
COMMENT ON COLUMN tables.position IS 'Floor-plan position: {x, y, rotation, zone}';
COMMENT ON COLUMN tables.features IS 'Selling points, e.g. window_view, corner, vip';
COMMENT ON COLUMN payments.type IS 'DEPOSIT, FINAL or REFUND';
COMMENT ON COLUMN data_retention.deletion_strategy IS 'HARD_DELETE, ANONYMIZE or ARCHIVE';
COMMENT ON COLUMN bookings.booking_reference IS 'Reference printed on the confirmation email (BR + 8 digits)';

