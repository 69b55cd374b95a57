-- =============================================================================================
-- The BookingTMS demo's data, loaded once into migrations/bookingtms/schema.sql (one transaction).
--
-- Deterministic: every id is fixed, every time stamp is written out (none is now()), and where
-- rows are generated their "random" choices come from md5() of the row's own number
-- (pg_temp.pick), not from random(): a random() sequence would follow the order the planner
-- happens to produce rows in, and that order is not promised. The same data every run.
--
-- The demo's "now" is 2026-12-07 21:00 UTC (15:00 in Austin): sessions from 2026-11-27 to
-- 2026-12-15, the past ones completed (some cancelled or no-shows), today's first slots checked
-- in, the upcoming ones pending or confirmed. Four organisations (tenants):
--   1 Puzzle Room Austin    (pro plan, 3 venues, one archived)   references ATX-26-nnnn
--   2 Cipher Escape Co.     (growth plan, Denver and Boulder)    references DEN-26-nnnn
--   3 Riddle Rush Portland  (starter plan, on trial)             references PDX-26-nnnn
--   4 Vault Quest Miami     (suspended since 2026-11-20, past sessions only) MIA-26-nnnn
--
-- People (users): the platform administrator system_admin@demo.gatehouse.dev (no organisation),
-- one person per organisation role in organisation 1 signing in as <role>@demo.gatehouse.dev
-- (super_admin@, org_admin@, admin@, manager@, staff@), and one person per role in each other
-- organisation with an ordinary address (e.g. dana.ruiz@cipherescape.example, super_admin of
-- Cipher Escape Co.), so a cross-tenant test always has someone to be. Plus a second platform
-- administrator and one deactivated member of staff.
--
-- No BEGIN/COMMIT of its own: run it with `psql --single-transaction -f` (or inside the caller's
-- transaction, as Gatehouse's demo loader does) to have all of it or nothing. The organisations
-- and their people are inserted by one statement, so the deferred owner_id key holds either way.
-- =============================================================================================

-- A number from 0 to 2^28 - 1 drawn from a key: md5 is the same on every run and every plan.
CREATE FUNCTION pg_temp.pick(key text) RETURNS integer
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT ('x' || substr(md5(key), 1, 7))::bit(28)::integer $$;

-- The demo's present.
CREATE FUNCTION pg_temp.demo_now() RETURNS timestamptz
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT timestamptz '2026-12-07 21:00:00+00' $$;

-- ---------------------------------------------------------------------------------------------
-- Platform: plans and feature flags
-- ---------------------------------------------------------------------------------------------
INSERT INTO plans (id, name, slug, price_monthly, max_venues, max_staff, max_bookings, features, created_at, updated_at) VALUES
  ('10000000-0000-4000-8000-000000000001', 'Starter', 'starter', 49.00, 1, 5, 300,
   '{"embed_widget": true, "waivers": false, "custom_branding": false, "api_access": false}', '2025-01-10 09:00+00', '2025-01-10 09:00+00'),
  ('10000000-0000-4000-8000-000000000002', 'Growth', 'growth', 149.00, 3, 20, 2000,
   '{"embed_widget": true, "waivers": true, "custom_branding": true, "api_access": false}', '2025-01-10 09:00+00', '2025-06-01 09:00+00'),
  ('10000000-0000-4000-8000-000000000003', 'Pro', 'pro', 299.00, 10, 75, NULL,
   '{"embed_widget": true, "waivers": true, "custom_branding": true, "api_access": true}', '2025-01-10 09:00+00', '2025-06-01 09:00+00'),
  ('10000000-0000-4000-8000-000000000004', 'Enterprise', 'enterprise', 999.00, NULL, NULL, NULL,
   '{"embed_widget": true, "waivers": true, "custom_branding": true, "api_access": true, "dedicated_schema": true}', '2025-03-01 09:00+00', '2025-03-01 09:00+00');

INSERT INTO feature_flags (id, name, enabled, rollout_percent, org_whitelist, created_at, updated_at) VALUES
  ('40000000-0000-4000-8000-000000000001', 'waitlist', true, 100, '{}', '2026-02-01 10:00+00', '2026-06-15 10:00+00'),
  ('40000000-0000-4000-8000-000000000002', 'gift_vouchers', true, 25, '{20000000-0000-4000-8000-000000000001}', '2026-05-04 10:00+00', '2026-09-20 10:00+00'),
  ('40000000-0000-4000-8000-000000000003', 'sms_reminders', false, 0, '{20000000-0000-4000-8000-000000000002}', '2026-08-11 10:00+00', '2026-08-11 10:00+00'),
  ('40000000-0000-4000-8000-000000000004', 'dynamic_pricing', true, 10,
   '{20000000-0000-4000-8000-000000000001,20000000-0000-4000-8000-000000000003}', '2026-10-02 10:00+00', '2026-11-30 10:00+00');

-- ---------------------------------------------------------------------------------------------
-- The world the generated rows are drawn from (temporary tables, gone at the end of the session)
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE t_org (o, id, prefix, fee, customers, session_days, created) AS VALUES
  (1, '20000000-0000-4000-8000-000000000001'::uuid, 'ATX', 2.50, 14, ARRAY[-10, -6, -3, -1, 0, 1, 3, 8], timestamptz '2025-04-14 15:00+00'),
  (2, '20000000-0000-4000-8000-000000000002'::uuid, 'DEN', 3.00, 12, ARRAY[-10, -6, -3, -1, 0, 1, 3, 8], timestamptz '2025-09-02 16:30+00'),
  (3, '20000000-0000-4000-8000-000000000003'::uuid, 'PDX', 3.50, 10, ARRAY[-10, -6, -3, -1, 0, 1, 3, 8], timestamptz '2026-11-09 18:00+00'),
  -- suspended on 2026-11-20: only sessions before that
  (4, '20000000-0000-4000-8000-000000000004'::uuid, 'MIA', 3.50, 6, ARRAY[-31, -29, -27, -25, -23, -21, -19, -18], timestamptz '2026-03-09 14:00+00');

CREATE TEMP TABLE t_venue (o, id, name, slug, timezone, address, city, state, zip, status) AS VALUES
  (1, '50000000-0000-4000-8000-000000000011'::uuid, 'Puzzle Room Downtown', 'downtown', 'America/Chicago', '612 Congress Ave', 'Austin', 'TX', '78701', 'active'),
  (1, '50000000-0000-4000-8000-000000000012'::uuid, 'Puzzle Room North Lamar', 'north-lamar', 'America/Chicago', '8820 N Lamar Blvd', 'Austin', 'TX', '78753', 'active'),
  (1, '50000000-0000-4000-8000-000000000013'::uuid, 'Puzzle Room Pop-up (SXSW)', 'sxsw-pop-up', 'America/Chicago', '500 E Cesar Chavez St', 'Austin', 'TX', '78701', 'archived'),
  (2, '50000000-0000-4000-8000-000000000021'::uuid, 'Cipher Escape LoDo', 'lodo', 'America/Denver', '1730 Wazee St', 'Denver', 'CO', '80202', 'active'),
  (2, '50000000-0000-4000-8000-000000000022'::uuid, 'Cipher Escape Boulder', 'boulder', 'America/Denver', '1942 Pearl St', 'Boulder', 'CO', '80302', 'active'),
  (3, '50000000-0000-4000-8000-000000000031'::uuid, 'Riddle Rush Pearl District', 'pearl-district', 'America/Los_Angeles', '1005 NW Lovejoy St', 'Portland', 'OR', '97209', 'active'),
  (4, '50000000-0000-4000-8000-000000000041'::uuid, 'Vault Quest Brickell', 'brickell', 'America/New_York', '88 SW 7th St', 'Miami', 'FL', '33130', 'inactive');

CREATE TEMP TABLE t_activity (code, venue, name, category, difficulty, min_players, max_players, price, child_price, duration, slot1, slot2, description) AS VALUES
  ('111', '50000000-0000-4000-8000-000000000011'::uuid, 'The Vanishing Heiress', 'escape_room', 'hard', 2, 8, 35.00, 28.00, 60, time '14:00', time '18:30',
   'An heiress disappears from a locked study in 1926. Find her before the will is read.'),
  ('112', '50000000-0000-4000-8000-000000000011'::uuid, 'Pharaoh''s Curse', 'escape_room', 'medium', 2, 6, 32.00, 25.00, 60, time '16:00', time '20:00',
   'Sealed in a tomb with an hour of lamp oil left.'),
  ('113', '50000000-0000-4000-8000-000000000011'::uuid, 'Lab 42', 'vr_experience', 'expert', 3, 8, 38.00, NULL, 75, time '15:00', time '19:30',
   'A virtual-reality containment breach for experienced teams.'),
  ('121', '50000000-0000-4000-8000-000000000012'::uuid, 'Speakeasy Heist', 'escape_room', 'medium', 2, 8, 34.00, 27.00, 60, time '14:00', time '18:30',
   'Crack the bootlegger''s safe before the police raid.'),
  ('122', '50000000-0000-4000-8000-000000000012'::uuid, 'Haunted Nursery', 'escape_room', 'hard', 2, 6, 36.00, NULL, 60, time '16:00', time '20:00',
   'Horror theme; not for children.'),
  ('211', '50000000-0000-4000-8000-000000000021'::uuid, 'Gold Rush 1859', 'escape_room', 'medium', 2, 8, 39.00, 30.00, 60, time '14:00', time '18:30',
   'Stake your claim and get out of the mine.'),
  ('212', '50000000-0000-4000-8000-000000000021'::uuid, 'Submarine Protocol', 'escape_room', 'hard', 3, 8, 42.00, NULL, 70, time '16:00', time '20:00',
   'Surface the sub before the air runs out.'),
  ('221', '50000000-0000-4000-8000-000000000022'::uuid, 'Flatirons Cabin', 'escape_room', 'easy', 2, 6, 33.00, 25.00, 50, time '14:00', time '18:30',
   'A snowed-in cabin and a trail of clues. Good for families.'),
  ('222', '50000000-0000-4000-8000-000000000022'::uuid, 'Alpine Observatory', 'escape_room', 'expert', 2, 6, 44.00, NULL, 60, time '16:00', time '20:00',
   'Realign the telescope before the comet passes.'),
  ('311', '50000000-0000-4000-8000-000000000031'::uuid, 'Rose City Robbery', 'escape_room', 'medium', 2, 8, 31.00, 24.00, 60, time '13:00', time '18:30',
   'The museum''s prize rose has been stolen.'),
  ('312', '50000000-0000-4000-8000-000000000031'::uuid, 'Tide Pool Mystery', 'family', 'easy', 2, 6, 29.00, 22.00, 45, time '15:00', time '17:00',
   'A gentle puzzle hunt for ages 8 and up.'),
  ('313', '50000000-0000-4000-8000-000000000031'::uuid, 'Clockmaker''s Attic', 'escape_room', 'hard', 2, 7, 33.00, NULL, 60, time '16:00', time '20:00',
   'Every clock in the attic tells a different time, and one of them tells the truth.'),
  ('411', '50000000-0000-4000-8000-000000000041'::uuid, 'Bank Vault 305', 'escape_room', 'medium', 2, 8, 34.00, 26.00, 60, time '14:00', time '18:30',
   'An inside job in a Brickell bank.'),
  ('412', '50000000-0000-4000-8000-000000000041'::uuid, 'Pirate Cove', 'family', 'easy', 2, 6, 30.00, 24.00, 60, time '16:00', time '20:00',
   'Find the treasure before the tide comes in.');

-- Two slots a day on each of the organisation's session days.
CREATE TEMP TABLE t_session AS
SELECT n, ('70000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid AS id, o, org_id, venue_id, activity_id, code,
       start_time, start_time + make_interval(mins => duration) AS end_time, local_date, price, min_players, capacity_total,
       -- an upcoming session now and then closed (maintenance), never one with bookings
       (start_time > pg_temp.demo_now() AND pg_temp.pick('closed:' || n) % 25 = 0) AS is_closed
  FROM (
    SELECT row_number() OVER (ORDER BY a.code, d.day, s.slot) AS n, t.o, t.id AS org_id, v.id AS venue_id,
           ('60000000-0000-4000-8000-000000000' || a.code)::uuid AS activity_id, a.code, a.duration, a.price, a.min_players,
           a.max_players AS capacity_total, date '2026-12-07' + d.day AS local_date,
           ((date '2026-12-07' + d.day) + s.at) AT TIME ZONE v.timezone AS start_time
      FROM t_activity a
      JOIN t_venue v ON v.id = a.venue
      JOIN t_org t ON t.o = v.o
     CROSS JOIN LATERAL unnest(t.session_days) AS d(day)
     CROSS JOIN LATERAL (VALUES (1, a.slot1), (2, a.slot2)) AS s(slot, at)
  ) sessions;

-- Customers: names drawn from two lists, so each organisation has its own (and some overlap).
CREATE TEMP TABLE t_customer AS
SELECT t.o, i, ('80000000-0000-4000-8000-' || t.o || lpad(i::text, 11, '0'))::uuid AS id, t.id AS org_id,
       f.first_name, l.last_name,
       lower(f.first_name || '.' || l.last_name || '@' || (ARRAY['gmail.example', 'outlook.example', 'icloud.example'])[1 + (t.o + i) % 3]) AS email,
       '+1' || (ARRAY['512', '303', '503', '305'])[t.o] || '555' || lpad(((t.o * 1000 + i * 37) % 10000)::text, 4, '0') AS phone
  FROM t_org t
 CROSS JOIN LATERAL generate_series(1, t.customers) AS i
  JOIN (SELECT k - 1 AS k, x AS first_name FROM unnest(ARRAY[
          'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sophia', 'Elijah', 'Isabella', 'Lucas', 'Mia', 'Ethan',
          'Amelia', 'Aiden', 'Harper', 'Jackson', 'Evelyn', 'Sebastian', 'Layla', 'Jayden', 'Chloe', 'Kai', 'Nora', 'Omar']) WITH ORDINALITY AS u(x, k)) f
    ON f.k = (t.o * 5 + i) % 24
  JOIN (SELECT k - 1 AS k, x AS last_name FROM unnest(ARRAY[
          'Garcia', 'Johnson', 'Nguyen', 'Williams', 'Brown', 'Martinez', 'Kim', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas',
          'Patel', 'Moore', 'Jackson', 'Chen', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'Wright']) WITH ORDINALITY AS u(x, k)) l
    ON l.k = (t.o * 7 + i * 3) % 24;

-- Bookings: none, one or two a session (two share the room), each by one of the organisation's customers.
CREATE TEMP TABLE t_booking AS
WITH drawn AS (
  SELECT s.*, k,
         CASE WHEN s.is_closed THEN 0 WHEN pg_temp.pick('count:' || s.n) % 10 < 4 THEN 0
              WHEN pg_temp.pick('count:' || s.n) % 10 < 8 THEN 1 ELSE 2 END AS bookings_here,
         pg_temp.pick('booking:' || s.n || ':' || k) AS r
    FROM t_session s
   CROSS JOIN generate_series(1, 2) AS k
), kept AS (
  SELECT d.*, row_number() OVER (ORDER BY d.n, d.k) AS m,
         row_number() OVER (PARTITION BY d.o ORDER BY d.start_time, d.n, d.k) AS seq,
         -- at least the activity's minimum, and never more than the room holds
         d.min_players + d.r % (d.capacity_total / d.bookings_here - d.min_players + 1) AS guest_count
    FROM drawn d
   WHERE d.k <= d.bookings_here
), stated AS (
  SELECT kept.*,
         CASE
           WHEN start_time <= pg_temp.demo_now() AND local_date = date '2026-12-07' THEN 'checked_in'
           WHEN start_time <= pg_temp.demo_now() THEN
             CASE WHEN r % 20 < 2 THEN 'cancelled' WHEN r % 20 = 2 THEN 'no_show' ELSE 'completed' END
           ELSE
             CASE WHEN r % 20 < 2 THEN 'cancelled' WHEN r % 20 < 6 THEN 'pending' ELSE 'confirmed' END
         END AS status,
         (r / 20) % 7 = 0 AS promo
    FROM kept
)
SELECT ('90000000-0000-4000-8000-' || lpad(m::text, 12, '0'))::uuid AS id, m, s.n, s.id AS session_id, s.o, s.org_id, s.venue_id,
       s.activity_id, s.start_time, s.end_time, s.local_date, t.prefix || '-26-' || lpad(s.seq::text, 4, '0') AS booking_reference,
       c.id AS customer_id, s.status, s.guest_count, s.r,
       CASE WHEN s.promo THEN 'WINTER10' END AS promo_code,
       CASE WHEN s.promo THEN round(s.guest_count * s.price * 0.10, 2) ELSE 0 END AS promo_discount,
       s.guest_count * s.price - CASE WHEN s.promo THEN round(s.guest_count * s.price * 0.10, 2) ELSE 0 END AS total_amount,
       CASE s.status
         WHEN 'cancelled' THEN CASE WHEN (s.r / 7) % 2 = 0 THEN 'refunded' ELSE 'unpaid' END
         WHEN 'pending' THEN CASE WHEN (s.r / 7) % 3 = 0 THEN 'failed' ELSE 'pending' END
         -- confirmed to pay at the venue: a manager confirmed it by hand
         WHEN 'confirmed' THEN CASE WHEN (s.r / 7) % 4 = 0 THEN 'unpaid' ELSE 'paid' END
         ELSE 'paid'
       END AS payment_status,
       -- booked 1 to 20 days before the session (never after the demo's now, nor before the organisation joined)
       greatest(least(s.start_time - make_interval(days => 1 + (s.r / 3) % 20, hours => (s.r / 11) % 9),
                      pg_temp.demo_now() - make_interval(hours => 1 + (s.r / 13) % 40)),
                t.created + make_interval(days => 3, hours => (s.r / 17) % 24)) AS created_at,
       t.fee
  FROM stated s
  JOIN t_org t ON t.o = s.o
  JOIN t_customer c ON c.o = s.o AND c.i = 1 + pg_temp.pick('customer:' || s.n || ':' || s.k) % t.customers;

-- Payments: one for each booking with a payment (a failed first attempt now and then before a success).
CREATE TEMP TABLE t_payment AS
WITH attempts AS (
  SELECT b.*, 1 AS attempt,
         CASE b.payment_status WHEN 'paid' THEN 'succeeded' WHEN 'refunded' THEN 'refunded' WHEN 'failed' THEN 'failed'
                               WHEN 'pending' THEN 'pending' END AS pay_status
    FROM t_booking b
   WHERE b.payment_status <> 'unpaid'
  UNION ALL
  SELECT b.*, 0, 'failed'
    FROM t_booking b
   WHERE b.payment_status = 'paid' AND (b.r / 5) % 9 = 0
)
SELECT ('a0000000-0000-4000-8000-' || lpad((row_number() OVER (ORDER BY a.m, a.attempt))::text, 12, '0'))::uuid AS id,
       a.id AS booking_id, a.org_id, a.customer_id, a.total_amount AS amount, a.pay_status AS status, a.attempt,
       'pi_demo_' || substr(md5('pi:' || a.m || ':' || a.attempt), 1, 20) AS stripe_payment_intent_id,
       CASE WHEN a.pay_status IN ('succeeded', 'refunded') THEN round(a.total_amount * a.fee / 100, 2) ELSE 0 END AS application_fee_amount,
       CASE WHEN a.pay_status IN ('succeeded', 'refunded') THEN a.total_amount - round(a.total_amount * a.fee / 100, 2) ELSE 0 END AS net_to_merchant,
       a.created_at + make_interval(mins => 2 + a.attempt * 3) AS created_at,
       CASE WHEN a.pay_status = 'refunded' THEN a.created_at + make_interval(days => 1) ELSE a.created_at + make_interval(mins => 2 + a.attempt * 3) END AS updated_at
  FROM attempts a
 WHERE a.total_amount > 0;

-- Places held while customers pay: live ones (capacity already taken) and lapsed ones.
CREATE TEMP TABLE t_reservation AS
SELECT ('b0000000-0000-4000-8000-' || lpad(x.q::text, 12, '0'))::uuid AS id, x.q, x.session_id, x.org_id, x.n, x.free
  FROM (
    SELECT row_number() OVER (ORDER BY s.n) AS q, s.id AS session_id, s.org_id, s.n,
           s.capacity_total - coalesce((SELECT sum(b.guest_count) FROM t_booking b WHERE b.session_id = s.id AND b.status <> 'cancelled'), 0) AS free
      FROM t_session s
     WHERE s.start_time > pg_temp.demo_now() AND NOT s.is_closed AND pg_temp.pick('hold:' || s.n) % 6 = 0
  ) x
 WHERE x.free >= 2;

-- ---------------------------------------------------------------------------------------------
-- Organisations and their people, in one statement (organizations.owner_id and
-- users.organization_id refer to each other; the deferred owner_id key is checked at the end)
-- ---------------------------------------------------------------------------------------------
WITH new_organizations AS (
INSERT INTO organizations (id, name, slug, plan_id, owner_id, status, stripe_account_id, stripe_charges_enabled, stripe_payouts_enabled,
                           application_fee_percentage, total_volume_processed, total_application_fees,
                           current_venues_count, current_staff_count, current_bookings_this_month,
                           subscription_status, trial_ends_at, suspended_at, created_at, updated_at)
SELECT t.id, x.name, x.slug, x.plan_id::uuid, x.owner_id::uuid, x.status, x.stripe_account_id, x.charges, x.payouts, t.fee,
       coalesce((SELECT sum(p.amount) FROM t_payment p WHERE p.org_id = t.id AND p.status IN ('succeeded', 'refunded')), 0),
       coalesce((SELECT sum(p.application_fee_amount) FROM t_payment p WHERE p.org_id = t.id AND p.status IN ('succeeded', 'refunded')), 0),
       (SELECT count(*) FROM t_venue v WHERE v.o = t.o AND v.status <> 'archived'),
       x.staff,
       (SELECT count(*) FROM t_booking b WHERE b.o = t.o AND b.local_date >= date '2026-12-01' AND b.status <> 'cancelled'),
       x.subscription_status, x.trial_ends_at::timestamptz, x.suspended_at::timestamptz, x.created_at::timestamptz, x.updated_at::timestamptz
  FROM t_org t
  JOIN (VALUES
    (1, 'Puzzle Room Austin', 'puzzle-room-austin', '10000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000011',
     'active', 'acct_1DemoPuzzleRoomATX', true, true, 5, 'active', NULL, NULL, '2025-04-14 15:00+00', '2026-11-30 09:00+00'),
    (2, 'Cipher Escape Co.', 'cipher-escape-co', '10000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000021',
     'active', 'acct_1DemoCipherEscDEN', true, true, 5, 'active', NULL, NULL, '2025-09-02 16:30+00', '2026-10-01 09:00+00'),
    (3, 'Riddle Rush Portland', 'riddle-rush-portland', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000031',
     'active', 'acct_1DemoRiddleRushPDX', true, false, 5, 'trialing', '2026-12-24 18:00+00', NULL, '2026-11-09 18:00+00', '2026-11-12 10:00+00'),
    (4, 'Vault Quest Miami', 'vault-quest-miami', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000041',
     'suspended', 'acct_1DemoVaultQuestMIA', false, false, 5, 'past_due', NULL, '2026-11-20 12:00+00', '2026-03-09 14:00+00', '2026-11-20 12:00+00')
  ) AS x (o, name, slug, plan_id, owner_id, status, stripe_account_id, charges, payouts, staff, subscription_status, trial_ends_at,
          suspended_at, created_at, updated_at) ON x.o = t.o
RETURNING id
)
INSERT INTO users (id, organization_id, email, full_name, role, is_platform_team, is_active, permissions, created_at, updated_at) VALUES
  -- the platform
  ('30000000-0000-4000-8000-000000000001', NULL, 'system_admin@demo.gatehouse.dev', 'Avery Quinn', 'system_admin', true, true,
   '["platform.*"]', '2025-01-05 09:00+00', '2025-01-05 09:00+00'),
  ('30000000-0000-4000-8000-000000000002', NULL, 'noor.haddad@bookingtms.example', 'Noor Haddad', 'system_admin', true, true,
   '["platform.support"]', '2025-08-18 09:00+00', '2025-08-18 09:00+00'),
  -- Puzzle Room Austin: the demo's sign-ins, one per role
  ('30000000-0000-4000-8000-000000000011', '20000000-0000-4000-8000-000000000001', 'super_admin@demo.gatehouse.dev', 'Maya Thornton', 'super_admin', false, true,
   '["*"]', '2025-04-14 15:00+00', '2025-04-14 15:00+00'),
  ('30000000-0000-4000-8000-000000000012', '20000000-0000-4000-8000-000000000001', 'org_admin@demo.gatehouse.dev', 'Leo Park', 'org_admin', false, true,
   '["bookings.*", "venues.*", "staff.manage"]', '2025-04-20 15:00+00', '2025-04-20 15:00+00'),
  ('30000000-0000-4000-8000-000000000013', '20000000-0000-4000-8000-000000000001', 'admin@demo.gatehouse.dev', 'Priya Nair', 'admin', false, true,
   '["bookings.*", "venues.*"]', '2025-05-02 15:00+00', '2025-05-02 15:00+00'),
  ('30000000-0000-4000-8000-000000000014', '20000000-0000-4000-8000-000000000001', 'manager@demo.gatehouse.dev', 'Sam Okafor', 'manager', false, true,
   '["bookings.view", "bookings.create", "bookings.update"]', '2025-06-11 15:00+00', '2025-06-11 15:00+00'),
  ('30000000-0000-4000-8000-000000000015', '20000000-0000-4000-8000-000000000001', 'staff@demo.gatehouse.dev', 'Jess Alvarez', 'staff', false, true,
   '["bookings.view"]', '2025-07-01 15:00+00', '2025-07-01 15:00+00'),
  ('30000000-0000-4000-8000-000000000016', '20000000-0000-4000-8000-000000000001', 'tom.becker@puzzleroomatx.example', 'Tom Becker', 'staff', false, false,
   '["bookings.view"]', '2025-07-01 15:00+00', '2026-09-30 17:00+00'),
  -- Cipher Escape Co.
  ('30000000-0000-4000-8000-000000000021', '20000000-0000-4000-8000-000000000002', 'dana.ruiz@cipherescape.example', 'Dana Ruiz', 'super_admin', false, true,
   '["*"]', '2025-09-02 16:30+00', '2025-09-02 16:30+00'),
  ('30000000-0000-4000-8000-000000000022', '20000000-0000-4000-8000-000000000002', 'marcus.lee@cipherescape.example', 'Marcus Lee', 'org_admin', false, true,
   '["bookings.*", "venues.*", "staff.manage"]', '2025-09-03 16:30+00', '2025-09-03 16:30+00'),
  ('30000000-0000-4000-8000-000000000023', '20000000-0000-4000-8000-000000000002', 'ines.costa@cipherescape.example', 'Inês Costa', 'admin', false, true,
   '["bookings.*", "venues.*"]', '2025-09-10 16:30+00', '2025-09-10 16:30+00'),
  ('30000000-0000-4000-8000-000000000024', '20000000-0000-4000-8000-000000000002', 'owen.fitzgerald@cipherescape.example', 'Owen Fitzgerald', 'manager', false, true,
   '["bookings.view", "bookings.create", "bookings.update"]', '2025-10-01 16:30+00', '2025-10-01 16:30+00'),
  ('30000000-0000-4000-8000-000000000025', '20000000-0000-4000-8000-000000000002', 'kira.sato@cipherescape.example', 'Kira Sato', 'staff', false, true,
   '["bookings.view"]', '2025-10-15 16:30+00', '2025-10-15 16:30+00'),
  -- Riddle Rush Portland
  ('30000000-0000-4000-8000-000000000031', '20000000-0000-4000-8000-000000000003', 'grace.holt@riddlerush.example', 'Grace Holt', 'super_admin', false, true,
   '["*"]', '2026-11-09 18:00+00', '2026-11-09 18:00+00'),
  ('30000000-0000-4000-8000-000000000032', '20000000-0000-4000-8000-000000000003', 'ben.ortiz@riddlerush.example', 'Ben Ortiz', 'org_admin', false, true,
   '["bookings.*", "venues.*", "staff.manage"]', '2026-11-09 18:30+00', '2026-11-09 18:30+00'),
  ('30000000-0000-4000-8000-000000000033', '20000000-0000-4000-8000-000000000003', 'chloe.wu@riddlerush.example', 'Chloe Wu', 'admin', false, true,
   '["bookings.*", "venues.*"]', '2026-11-10 18:00+00', '2026-11-10 18:00+00'),
  ('30000000-0000-4000-8000-000000000034', '20000000-0000-4000-8000-000000000003', 'dev.patel@riddlerush.example', 'Dev Patel', 'manager', false, true,
   '["bookings.view", "bookings.create", "bookings.update"]', '2026-11-10 18:10+00', '2026-11-10 18:10+00'),
  ('30000000-0000-4000-8000-000000000035', '20000000-0000-4000-8000-000000000003', 'ruby.meyer@riddlerush.example', 'Ruby Meyer', 'staff', false, true,
   '["bookings.view"]', '2026-11-11 18:00+00', '2026-11-11 18:00+00'),
  -- Vault Quest Miami (suspended)
  ('30000000-0000-4000-8000-000000000041', '20000000-0000-4000-8000-000000000004', 'carlos.vega@vaultquest.example', 'Carlos Vega', 'super_admin', false, true,
   '["*"]', '2026-03-09 14:00+00', '2026-03-09 14:00+00'),
  ('30000000-0000-4000-8000-000000000042', '20000000-0000-4000-8000-000000000004', 'lena.brooks@vaultquest.example', 'Lena Brooks', 'org_admin', false, true,
   '["bookings.*", "venues.*", "staff.manage"]', '2026-03-10 14:00+00', '2026-03-10 14:00+00'),
  ('30000000-0000-4000-8000-000000000043', '20000000-0000-4000-8000-000000000004', 'raj.iyer@vaultquest.example', 'Raj Iyer', 'admin', false, true,
   '["bookings.*", "venues.*"]', '2026-03-12 14:00+00', '2026-03-12 14:00+00'),
  ('30000000-0000-4000-8000-000000000044', '20000000-0000-4000-8000-000000000004', 'zoe.king@vaultquest.example', 'Zoe King', 'manager', false, true,
   '["bookings.view", "bookings.create", "bookings.update"]', '2026-04-01 14:00+00', '2026-04-01 14:00+00'),
  ('30000000-0000-4000-8000-000000000045', '20000000-0000-4000-8000-000000000004', 'ana.silva@vaultquest.example', 'Ana Silva', 'staff', false, true,
   '["bookings.view"]', '2026-04-02 14:00+00', '2026-04-02 14:00+00');

INSERT INTO platform_team (id, user_id, role, permissions, is_active, created_at, updated_at) VALUES
  ('31000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'owner', '["*"]', true, '2025-01-05 09:00+00', '2025-01-05 09:00+00'),
  ('31000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002', 'support', '["organizations.view", "bookings.view"]', true,
   '2025-08-18 09:00+00', '2025-08-18 09:00+00');

-- ---------------------------------------------------------------------------------------------
-- Venues and activities
-- ---------------------------------------------------------------------------------------------
INSERT INTO venues (id, organization_id, name, slug, embed_key, timezone, address, city, state, zip, settings, operating_hours, status, created_at, updated_at)
SELECT v.id, t.id, v.name, v.slug, 'emb_' || substr(md5('embed:' || v.id), 1, 24), v.timezone, v.address, v.city, v.state, v.zip,
       jsonb_build_object('waiver_required', v.o <> 3, 'booking_cutoff_minutes', 60, 'currency', 'USD'),
       '{"mon": null, "tue": null, "wed": ["12:00", "22:00"], "thu": ["12:00", "22:00"], "fri": ["12:00", "23:30"], "sat": ["10:00", "23:30"], "sun": ["10:00", "21:00"]}',
       v.status, t.created + interval '1 day', greatest(t.created + interval '1 day', timestamptz '2026-10-01 09:00+00')
  FROM t_venue v
  JOIN t_org t ON t.o = v.o
 ORDER BY v.id;

INSERT INTO activities (id, organization_id, venue_id, name, description, category, schedule, min_players, max_players, price, child_price, duration,
                        difficulty, stripe_product_id, stripe_prices, custom_capacity_fields, is_active, settings, created_at, updated_at)
SELECT ('60000000-0000-4000-8000-000000000' || a.code)::uuid, t.id, a.venue, a.name, a.description, a.category,
       jsonb_build_object('days', '["wed", "thu", "fri", "sat", "sun"]'::jsonb, 'times', jsonb_build_array(to_char(a.slot1, 'HH24:MI'), to_char(a.slot2, 'HH24:MI'))),
       a.min_players, a.max_players, a.price, a.child_price, a.duration, a.difficulty,
       'prod_demo_' || a.code,
       CASE WHEN a.child_price IS NULL THEN jsonb_build_object('adult', 'price_demo_' || a.code || '_adult')
            ELSE jsonb_build_object('adult', 'price_demo_' || a.code || '_adult', 'child', 'price_demo_' || a.code || '_child') END,
       CASE WHEN a.child_price IS NULL THEN '[]'::jsonb ELSE '[{"name": "children", "label": "Children under 12", "min": 0}]'::jsonb END,
       true, jsonb_build_object('hints_allowed', CASE a.difficulty WHEN 'expert' THEN 1 ELSE 3 END, 'buffer_minutes', 15),
       t.created + interval '2 days', greatest(t.created + interval '2 days', timestamptz '2026-10-01 09:00+00')
  FROM t_activity a
  JOIN t_venue v ON v.id = a.venue
  JOIN t_org t ON t.o = v.o
 ORDER BY a.code;

-- ---------------------------------------------------------------------------------------------
-- Sessions (their capacity net of bookings and live holds), customers, bookings, payments, holds
-- ---------------------------------------------------------------------------------------------
INSERT INTO activity_sessions (id, activity_id, venue_id, organization_id, start_time, end_time, price_at_generation,
                               capacity_total, capacity_remaining, is_closed, version, created_at, updated_at)
SELECT s.id, s.activity_id, s.venue_id, s.org_id, s.start_time, s.end_time, s.price, s.capacity_total,
       s.capacity_total - coalesce(taken.guests, 0) - coalesce(held.spots, 0),
       s.is_closed, 1 + coalesce(taken.bookings, 0) + coalesce(held.holds, 0),
       CASE WHEN s.o = 4 THEN timestamptz '2026-09-01 03:00+00' ELSE timestamptz '2026-10-01 03:00+00' END,
       coalesce(greatest(taken.last_at, held.last_at), CASE WHEN s.o = 4 THEN timestamptz '2026-09-01 03:00+00' ELSE timestamptz '2026-10-01 03:00+00' END)
  FROM t_session s
  LEFT JOIN (SELECT session_id, sum(guest_count) AS guests, count(*) AS bookings, max(created_at) AS last_at
               FROM t_booking WHERE status <> 'cancelled' GROUP BY session_id) taken ON taken.session_id = s.id
  LEFT JOIN (SELECT session_id, sum(2) AS spots, count(*) AS holds, max(pg_temp.demo_now() - interval '5 minutes') AS last_at
               FROM t_reservation WHERE q % 2 = 1 GROUP BY session_id) held ON held.session_id = s.id
 ORDER BY s.n;

INSERT INTO customers (id, organization_id, email, first_name, last_name, phone, stripe_customer_id, total_bookings, total_spent, metadata, created_at, updated_at)
SELECT c.id, c.org_id, c.email, c.first_name, c.last_name, c.phone,
       CASE WHEN c.i % 2 = 1 THEN 'cus_demo_' || substr(md5('cus:' || c.id), 1, 14) END,
       (SELECT count(*) FROM t_booking b WHERE b.customer_id = c.id),
       coalesce((SELECT sum(p.amount) FROM t_payment p WHERE p.customer_id = c.id AND p.status = 'succeeded'), 0),
       CASE WHEN c.i % 5 = 0 THEN '{"marketing_opt_in": true, "source": "google"}'::jsonb
            WHEN c.i % 5 = 1 THEN '{"marketing_opt_in": false, "source": "walk_in"}'::jsonb
            ELSE '{"marketing_opt_in": true, "source": "embed_widget"}'::jsonb END,
       coalesce((SELECT min(b.created_at) FROM t_booking b WHERE b.customer_id = c.id), t.created + interval '4 days'),
       coalesce((SELECT max(b.created_at) FROM t_booking b WHERE b.customer_id = c.id), t.created + interval '4 days')
  FROM t_customer c
  JOIN t_org t ON t.o = c.o
 ORDER BY c.id;

INSERT INTO bookings (id, organization_id, venue_id, activity_id, session_id, customer_id, booking_reference, booking_date, status, payment_status,
                      total_amount, guest_count, promo_code, promo_discount, stripe_payment_intent_id,
                      confirmed_by, confirmed_at, checked_in_by, checked_in_at, completed_at, cancelled_by, cancelled_at, cancellation_reason,
                      created_at, updated_at)
SELECT b.id, b.org_id, b.venue_id, b.activity_id, b.session_id, b.customer_id, b.booking_reference, b.local_date, b.status, b.payment_status,
       b.total_amount, b.guest_count, b.promo_code, b.promo_discount,
       (SELECT p.stripe_payment_intent_id FROM t_payment p WHERE p.booking_id = b.id ORDER BY p.attempt DESC LIMIT 1),
       -- paid online: the payment confirmed it (no person); to pay at the venue: the manager did
       CASE WHEN b.status IN ('confirmed', 'checked_in', 'completed', 'no_show') AND b.payment_status = 'unpaid'
            THEN ('30000000-0000-4000-8000-0000000000' || b.o || '4')::uuid END,
       CASE WHEN b.status IN ('confirmed', 'checked_in', 'completed', 'no_show') THEN b.created_at + interval '6 minutes' END,
       CASE WHEN b.status IN ('checked_in', 'completed') THEN ('30000000-0000-4000-8000-0000000000' || b.o || (3 + b.r % 2))::uuid END,
       CASE WHEN b.status IN ('checked_in', 'completed') THEN b.start_time - make_interval(mins => 5 + b.r % 10) END,
       CASE WHEN b.status = 'completed' THEN b.end_time + interval '5 minutes' END,
       CASE WHEN b.status = 'cancelled' AND b.r % 2 = 1 THEN ('30000000-0000-4000-8000-0000000000' || b.o || '3')::uuid END,
       CASE WHEN b.status = 'cancelled' THEN least(b.created_at + make_interval(hours => 2 + b.r % 30), pg_temp.demo_now() - interval '30 minutes') END,
       CASE WHEN b.status = 'cancelled' THEN (ARRAY['Customer asked to move to another date', 'Illness in the group', 'Booked twice by mistake',
                                                    'Could not travel: weather'])[1 + (b.r / 3) % 4] END,
       b.created_at,
       CASE b.status
         WHEN 'completed' THEN b.end_time + interval '5 minutes'
         WHEN 'checked_in' THEN b.start_time - make_interval(mins => 5 + b.r % 10)
         WHEN 'no_show' THEN b.end_time + interval '10 minutes'
         WHEN 'cancelled' THEN least(b.created_at + make_interval(hours => 2 + b.r % 30), pg_temp.demo_now() - interval '30 minutes')
         WHEN 'confirmed' THEN b.created_at + interval '6 minutes'
         ELSE b.created_at
       END
  FROM t_booking b
 ORDER BY b.m;

INSERT INTO payments (id, organization_id, booking_id, amount, currency, status, stripe_payment_intent_id, application_fee_amount, net_to_merchant,
                      created_at, updated_at)
SELECT p.id, p.org_id, p.booking_id, p.amount, 'USD', p.status, p.stripe_payment_intent_id, p.application_fee_amount, p.net_to_merchant,
       p.created_at, p.updated_at
  FROM t_payment p
 ORDER BY p.id;

-- Odd-numbered holds are live (expiring in ten minutes), even-numbered ones lapsed yesterday.
INSERT INTO slot_reservations (id, organization_id, session_id, customer_email, spots_reserved, expires_at, checkout_session_id, created_at)
SELECT r.id, r.org_id, r.session_id, c.email, 2,
       CASE WHEN r.q % 2 = 1 THEN pg_temp.demo_now() + interval '10 minutes' ELSE pg_temp.demo_now() - interval '1 day' END,
       'cs_demo_' || substr(md5('cs:' || r.q), 1, 24),
       CASE WHEN r.q % 2 = 1 THEN pg_temp.demo_now() - interval '5 minutes' ELSE pg_temp.demo_now() - interval '1 day 15 minutes' END
  FROM t_reservation r
  JOIN t_customer c ON c.org_id = r.org_id AND c.i = 1 + r.q % 3
 ORDER BY r.q;

DROP TABLE t_reservation, t_payment, t_booking, t_customer, t_session, t_activity, t_venue, t_org;
