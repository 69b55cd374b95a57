-- =============================================================================================
-- The fashionistas demo's data, loaded once into migrations/fashionistas/schema.sql (inside one
-- transaction, before the pack governs the database).
-- Deterministic: fixed ids and time stamps; the generated rows (attendees, orders, their lines,
-- analytics) take their ids from md5('fashionistas-<kind>-' || n)::uuid and their choices from
-- the bytes of md5 of their row number, never from random() or now().
-- The demo's "today" is 2026-12-07: events run from October 2026 to February 2027, some past
-- (completed, one cancelled), some upcoming (published, one draft, one postponed).
-- One person per role of the pack signs in: <role>@demo.gatehouse.dev (the demo organizer is a
-- designer too). password_hash is the seed's own secret column: a placeholder here, never a hash
-- anyone signs in with (Gatehouse's accounts have their own passwords).
-- The seed has no tickets table: an order item is the tickets of one ticket type in one order
-- (its quantity), and ticket_inventory_locks hold the seats of orders not yet paid.
-- =============================================================================================

-- ---------------------------------------------------------------------------------------------
-- Roles (the seed's roles table; its RLS policies name admin, organizer and marketing, and
-- users.user_type the others) and the seed's own permission list.
-- ---------------------------------------------------------------------------------------------
INSERT INTO roles (id, name, description, created_at, updated_at) VALUES
  ('a0000000-0000-4000-8000-000000000001', 'admin', 'Runs the platform: every event, order, account and setting', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000002', 'organizer', 'Plans events, sells their tickets and follows their orders', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000003', 'designer', 'Shows collections on the runway and keeps a designer profile', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000004', 'model', 'Walks in runway shows', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000005', 'sponsor', 'Sponsors events and follows the results', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000006', 'attendee', 'Buys tickets and attends events', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000007', 'staff', 'Event-day crew: doors, box office, backstage', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a0000000-0000-4000-8000-000000000008', 'marketing', 'Campaigns, promotions and the public site', '2026-01-05 09:00+00', '2026-01-05 09:00+00');

INSERT INTO permissions (id, name, description, resource, action, created_at, updated_at) VALUES
  ('a1000000-0000-4000-8000-000000000001', 'events.read', 'See events', 'events', 'read', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000002', 'events.manage', 'Create and edit events', 'events', 'manage', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000003', 'orders.read', 'See ticket orders', 'orders', 'read', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000004', 'orders.manage', 'Complete, cancel and refund orders', 'orders', 'manage', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000005', 'collections.manage', 'Edit collections and their items', 'collections', 'manage', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000006', 'sponsorships.read', 'See sponsorships and their results', 'sponsorships', 'read', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000007', 'campaigns.manage', 'Run marketing campaigns', 'marketing_campaigns', 'manage', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('a1000000-0000-4000-8000-000000000008', 'users.manage', 'Manage accounts and roles', 'users', 'manage', '2026-01-05 09:00+00', '2026-01-05 09:00+00');

INSERT INTO role_permissions (id, role_id, permission_id, created_at)
SELECT md5('fashionistas-role-permission-' || r.n || '-' || p.n)::uuid,
       ('a0000000-0000-4000-8000-00000000000' || r.n)::uuid, ('a1000000-0000-4000-8000-00000000000' || p.n)::uuid, '2026-01-05 09:05+00'
  FROM (VALUES (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
               (2, 1), (2, 2), (2, 3), (2, 4),
               (3, 1), (3, 5),
               (4, 1),
               (5, 1), (5, 6),
               (6, 1),
               (7, 1), (7, 3), (7, 4),
               (8, 1), (8, 7)) AS rp(role_n, perm_n)
  JOIN (SELECT generate_series(1, 8) AS n) r ON r.n = rp.role_n
  JOIN (SELECT generate_series(1, 8) AS n) p ON p.n = rp.perm_n;

-- ---------------------------------------------------------------------------------------------
-- People: one per role at the demo domain, the other organisers, designers, models, sponsor
-- contacts and crew, then 48 ticket buyers.
-- ---------------------------------------------------------------------------------------------
INSERT INTO users (id, email, password_hash, full_name, phone_number, user_type, status, created_at, updated_at, last_login,
                   email_verified, phone_verified, two_factor_enabled) VALUES
  ('b0000000-0000-4000-8000-000000000001', 'admin@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Valeria Montoya', '+1-212-555-0101', 'admin', 'active', '2026-01-05 09:00+00', '2026-01-05 09:00+00', '2026-12-06 17:40+00', TRUE, TRUE, TRUE),
  ('b0000000-0000-4000-8000-000000000002', 'organizer@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Camila Herrera', '+1-212-555-0102', 'organizer', 'active', '2026-01-12 10:00+00', '2026-01-12 10:00+00', '2026-12-06 21:15+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000003', 'designer@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Julian Park', '+1-646-555-0103', 'designer', 'active', '2026-02-02 14:30+00', '2026-02-02 14:30+00', '2026-12-05 11:05+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000004', 'model@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Amara Okafor', '+1-917-555-0104', 'model', 'active', '2026-03-09 16:00+00', '2026-03-09 16:00+00', '2026-12-04 09:20+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000005', 'sponsor@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Ethan Brooks', '+1-305-555-0105', 'sponsor', 'active', '2026-04-14 13:00+00', '2026-04-14 13:00+00', '2026-12-01 15:45+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000006', 'attendee@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Sofia Martinez', '+1-718-555-0106', 'attendee', 'active', '2026-05-20 19:10+00', '2026-05-20 19:10+00', '2026-12-06 22:30+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000007', 'staff@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Marcus Lee', '+1-212-555-0107', 'staff', 'active', '2026-02-16 09:00+00', '2026-02-16 09:00+00', '2026-12-06 18:00+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000008', 'marketing@demo.gatehouse.dev', 'placeholder:not-a-hash', 'Priya Nair', '+1-212-555-0108', 'staff', 'active', '2026-02-23 09:00+00', '2026-02-23 09:00+00', '2026-12-07 08:05+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000009', 'daniel.kim@example.com', 'placeholder:not-a-hash', 'Daniel Kim', '+1-305-555-0109', 'organizer', 'active', '2026-01-20 12:00+00', '2026-01-20 12:00+00', '2026-12-06 16:00+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000010', 'renata.silva@example.com', 'placeholder:not-a-hash', 'Renata Silva', '+1-213-555-0110', 'organizer', 'active', '2026-02-09 18:00+00', '2026-02-09 18:00+00', '2026-12-03 19:30+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000011', 'aisha.bello@example.com', 'placeholder:not-a-hash', 'Aisha Bello', '+1-646-555-0111', 'designer', 'active', '2026-03-02 10:00+00', '2026-03-02 10:00+00', '2026-11-30 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000012', 'lucas.moreau@example.com', 'placeholder:not-a-hash', 'Lucas Moreau', '+1-646-555-0112', 'designer', 'active', '2026-03-04 10:00+00', '2026-03-04 10:00+00', '2026-12-02 08:30+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000013', 'mei.chen@example.com', 'placeholder:not-a-hash', 'Mei Chen', '+1-415-555-0113', 'designer', 'active', '2026-03-11 10:00+00', '2026-03-11 10:00+00', '2026-12-06 07:50+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000014', 'diego.alvarez@example.com', 'placeholder:not-a-hash', 'Diego Alvarez', '+1-305-555-0114', 'designer', 'active', '2026-03-18 10:00+00', '2026-03-18 10:00+00', '2026-11-18 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000015', 'hannah.schultz@example.com', 'placeholder:not-a-hash', 'Hannah Schultz', NULL, 'designer', 'pending', '2026-11-25 10:00+00', '2026-11-25 10:00+00', NULL, FALSE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000016', 'zara.ahmed@example.com', 'placeholder:not-a-hash', 'Zara Ahmed', '+1-917-555-0116', 'model', 'active', '2026-04-01 10:00+00', '2026-04-01 10:00+00', '2026-12-05 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000017', 'noah.bennett@example.com', 'placeholder:not-a-hash', 'Noah Bennett', '+1-917-555-0117', 'model', 'active', '2026-04-03 10:00+00', '2026-04-03 10:00+00', '2026-12-02 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000018', 'lina.costa@example.com', 'placeholder:not-a-hash', 'Lina Costa', '+1-305-555-0118', 'model', 'active', '2026-04-08 10:00+00', '2026-04-08 10:00+00', '2026-11-29 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000019', 'kai.nakamura@example.com', 'placeholder:not-a-hash', 'Kai Nakamura', '+1-213-555-0119', 'model', 'active', '2026-04-15 10:00+00', '2026-04-15 10:00+00', '2026-12-01 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000020', 'olivia.grant@example.com', 'placeholder:not-a-hash', 'Olivia Grant', '+1-212-555-0120', 'sponsor', 'active', '2026-05-04 10:00+00', '2026-05-04 10:00+00', '2026-11-27 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000021', 'ben.carter@example.com', 'placeholder:not-a-hash', 'Ben Carter', '+1-305-555-0121', 'sponsor', 'active', '2026-05-11 10:00+00', '2026-05-11 10:00+00', '2026-12-03 10:00+00', TRUE, FALSE, FALSE),
  ('b0000000-0000-4000-8000-000000000022', 'jordan.reyes@example.com', 'placeholder:not-a-hash', 'Jordan Reyes', '+1-305-555-0122', 'staff', 'active', '2026-06-01 10:00+00', '2026-06-01 10:00+00', '2026-12-05 23:10+00', TRUE, TRUE, FALSE),
  ('b0000000-0000-4000-8000-000000000023', 'tessa.wright@example.com', 'placeholder:not-a-hash', 'Tessa Wright', '+1-213-555-0123', 'staff', 'inactive', '2026-06-08 10:00+00', '2026-10-30 10:00+00', '2026-10-28 10:00+00', TRUE, FALSE, FALSE);

-- 48 ticket buyers (the last two are not active: one suspended, one never confirmed).
INSERT INTO users (id, email, password_hash, full_name, phone_number, user_type, status, created_at, updated_at, last_login, email_verified)
SELECT md5('fashionistas-attendee-' || i)::uuid,
       lower(f.name || '.' || l.name || i) || '@example.com',
       'placeholder:not-a-hash',
       f.name || ' ' || l.name,
       '+1-' || (ARRAY['212', '646', '718', '305', '786', '213', '310', '917'])[1 + i % 8] || '-555-' || lpad((200 + i)::text, 4, '0'),
       'attendee',
       CASE i WHEN 47 THEN 'suspended' WHEN 48 THEN 'pending' ELSE 'active' END,
       TIMESTAMPTZ '2026-05-01 12:00+00' + i * interval '3 days 5 hours',
       TIMESTAMPTZ '2026-05-01 12:00+00' + i * interval '3 days 5 hours',
       CASE WHEN i < 48 THEN TIMESTAMPTZ '2026-12-06 20:00+00' - i * interval '7 hours' END,
       i < 48
  FROM generate_series(1, 48) AS i
  JOIN (VALUES (0, 'Emma'), (1, 'Liam'), (2, 'Olivia'), (3, 'Mateo'), (4, 'Ava'), (5, 'Ethan'), (6, 'Isabella'), (7, 'Lucas'),
               (8, 'Mia'), (9, 'Noah'), (10, 'Chloe'), (11, 'Gabriel'), (12, 'Harper'), (13, 'Julian'), (14, 'Nia'), (15, 'Leo')) AS f(n, name) ON f.n = (i - 1) % 16
  JOIN (VALUES (0, 'Johnson'), (1, 'Garcia'), (2, 'Nguyen'), (3, 'Patel'), (4, 'Rossi'), (5, 'Williams'), (6, 'Lopez'), (7, 'Kowalski'),
               (8, 'Thompson'), (9, 'Ramirez'), (10, 'Okoye'), (11, 'Sato')) AS l(n, name) ON l.n = (i * 5) % 12;

-- Roles held: each person's user_type, marketing for Priya Nair, and the demo organizer is also a designer.
INSERT INTO user_roles (id, user_id, role_id, created_at)
SELECT md5('fashionistas-user-role-' || u.id || '-' || r.name)::uuid, u.id, r.id, u.created_at
  FROM users u
  JOIN roles r ON r.name = CASE WHEN u.email = 'marketing@demo.gatehouse.dev' THEN 'marketing' ELSE u.user_type END;
INSERT INTO user_roles (id, user_id, role_id, created_at) VALUES
  (md5('fashionistas-user-role-organizer-designer')::uuid, 'b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003', '2026-02-01 10:00+00');

INSERT INTO user_profiles (id, user_id, bio, social_links, company, position, location, website, interests, preferences, created_at, updated_at) VALUES
  ('b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Platform lead at Fashionistas.', '{"linkedin": "valeria-montoya"}', 'Fashionistas', 'Head of Platform', 'New York, NY', NULL, '{operations,security}', '{"theme": "dark"}', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('b1000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', 'Producer of runway nights in New York; also designs under Herrera Atelier.', '{"instagram": "@camilaherrera"}', 'Herrera Events', 'Founder', 'New York, NY', 'https://herrera-events.example.com', '{runway,couture,production}', '{}', '2026-01-12 10:00+00', '2026-01-12 10:00+00'),
  ('b1000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000003', 'Menswear and utility tailoring from Brooklyn.', '{"instagram": "@parkstudio"}', 'Park Studio', 'Creative Director', 'Brooklyn, NY', 'https://parkstudio.example.com', '{menswear,tailoring}', '{}', '2026-02-02 14:30+00', '2026-02-02 14:30+00'),
  ('b1000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000004', 'Runway and editorial model.', '{"instagram": "@amara.walks"}', 'Nova Model Management', 'Model', 'New York, NY', NULL, '{runway,editorial}', '{}', '2026-03-09 16:00+00', '2026-03-09 16:00+00'),
  ('b1000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000005', 'Brand partnerships for Lumiere Beauty and Threadline.', '{"linkedin": "ethan-brooks"}', 'Lumiere Beauty', 'Partnerships Director', 'Miami, FL', 'https://lumiere.example.com', '{beauty,partnerships}', '{}', '2026-04-14 13:00+00', '2026-04-14 13:00+00'),
  ('b1000000-0000-4000-8000-000000000006', 'b0000000-0000-4000-8000-000000000006', 'Fashion student, front-row regular.', '{"instagram": "@sofia.styles"}', NULL, NULL, 'Queens, NY', NULL, '{streetwear,couture,sustainability}', '{"newsletter": true}', '2026-05-20 19:10+00', '2026-05-20 19:10+00'),
  ('b1000000-0000-4000-8000-000000000007', 'b0000000-0000-4000-8000-000000000007', 'Box office and doors lead.', '{}', 'Fashionistas', 'Event Operations', 'New York, NY', NULL, '{operations}', '{}', '2026-02-16 09:00+00', '2026-02-16 09:00+00'),
  ('b1000000-0000-4000-8000-000000000008', 'b0000000-0000-4000-8000-000000000008', 'Campaigns, partnerships and the public site.', '{"linkedin": "priya-nair"}', 'Fashionistas', 'Marketing Manager', 'New York, NY', NULL, '{marketing,content}', '{}', '2026-02-23 09:00+00', '2026-02-23 09:00+00'),
  ('b1000000-0000-4000-8000-000000000009', 'b0000000-0000-4000-8000-000000000009', 'Runs Miami showcases for emerging designers.', '{"instagram": "@danielkim.events"}', 'Kim Productions', 'Producer', 'Miami, FL', 'https://kimproductions.example.com', '{runway,swimwear}', '{}', '2026-01-20 12:00+00', '2026-01-20 12:00+00'),
  ('b1000000-0000-4000-8000-000000000010', 'b0000000-0000-4000-8000-000000000010', 'Streetwear and styling events in Los Angeles.', '{"instagram": "@renata.silva"}', 'Silva Social', 'Founder', 'Los Angeles, CA', NULL, '{streetwear,styling}', '{}', '2026-02-09 18:00+00', '2026-02-09 18:00+00');

-- ---------------------------------------------------------------------------------------------
-- Venues, their sections and some seats
-- ---------------------------------------------------------------------------------------------
INSERT INTO venues (id, name, slug, description, address, city, state, country, postal_code, latitude, longitude, capacity,
                    images, facilities, accessibility_features, contact_name, contact_email, contact_phone, website, status, created_at, updated_at) VALUES
  ('c0000000-0000-4000-8000-000000000001', 'The Glasshouse', 'the-glasshouse', 'Glass-walled event space on the Hudson.', '660 12th Avenue', 'New York', 'NY', 'USA', '10019', 40.76790000, -73.99590000, 1200,
   '["https://images.example.com/venues/glasshouse.jpg"]', '{"backstage": true, "catering": true, "av": "full"}', '{step_free,elevator,hearing_loop}', 'Nadia Flores', 'events@glasshouse.example.com', '+1-212-555-0301', 'https://glasshouse.example.com', 'active', '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c0000000-0000-4000-8000-000000000002', 'Spring Studios', 'spring-studios', 'Tribeca studios with a rooftop.', '50 Varick Street', 'New York', 'NY', 'USA', '10013', 40.72200000, -74.00650000, 800,
   '["https://images.example.com/venues/spring.jpg"]', '{"backstage": true, "rooftop": true}', '{step_free,elevator}', 'Oren Blake', 'bookings@springstudios.example.com', '+1-212-555-0302', 'https://springstudios.example.com', 'active', '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c0000000-0000-4000-8000-000000000003', 'Faena Forum', 'faena-forum', 'Cylindrical forum on Miami Beach.', '3300 Collins Avenue', 'Miami Beach', 'FL', 'USA', '33140', 25.80870000, -80.12260000, 600,
   '["https://images.example.com/venues/faena.jpg"]', '{"backstage": true, "terrace": true}', '{step_free,elevator}', 'Lucia Prado', 'forum@faena.example.com', '+1-305-555-0303', 'https://faena.example.com', 'active', '2026-01-11 10:00+00', '2026-01-11 10:00+00'),
  ('c0000000-0000-4000-8000-000000000004', 'The Majestic Downtown', 'the-majestic-downtown', 'Beaux-arts banking hall in downtown Los Angeles.', '650 South Spring Street', 'Los Angeles', 'CA', 'USA', '90014', 34.04640000, -118.25030000, 900,
   '["https://images.example.com/venues/majestic.jpg"]', '{"backstage": true, "balcony": true}', '{step_free,accessible_restrooms}', 'Grant Hollis', 'events@majestic.example.com', '+1-213-555-0304', 'https://majestic.example.com', 'active', '2026-01-12 10:00+00', '2026-01-12 10:00+00'),
  ('c0000000-0000-4000-8000-000000000005', 'Pier 59 Studios', 'pier-59-studios', 'Chelsea Piers photo and runway studios.', '23rd Street and Hudson River Park', 'New York', 'NY', 'USA', '10011', 40.74710000, -74.00870000, 500,
   '[]', '{"backstage": true}', '{step_free}', 'Ivy Chen', 'studio@pier59.example.com', '+1-212-555-0305', NULL, 'under_maintenance', '2026-01-12 10:00+00', '2026-09-01 10:00+00');

INSERT INTO venue_sections (id, venue_id, name, description, capacity, section_type, price_multiplier, coordinates, accessibility, created_at, updated_at) VALUES
  ('c1000000-0000-4000-8000-000000000011', 'c0000000-0000-4000-8000-000000000001', 'Main Floor', 'Standing and rows behind the front row', 900, 'general', 1.00, '{"x": 0, "y": 120}', TRUE, '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c1000000-0000-4000-8000-000000000012', 'c0000000-0000-4000-8000-000000000001', 'Front Row', 'Runway-side seats', 60, 'vip', 3.50, '{"x": 0, "y": 20}', TRUE, '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c1000000-0000-4000-8000-000000000013', 'c0000000-0000-4000-8000-000000000001', 'Press Pit', 'Photographers at the end of the runway', 40, 'press', 1.00, '{"x": 0, "y": 200}', FALSE, '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c1000000-0000-4000-8000-000000000014', 'c0000000-0000-4000-8000-000000000001', 'Backstage', 'Dressing and hair and make-up', 120, 'backstage', 1.00, NULL, TRUE, '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c1000000-0000-4000-8000-000000000021', 'c0000000-0000-4000-8000-000000000002', 'Main Hall', NULL, 650, 'general', 1.00, NULL, TRUE, '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c1000000-0000-4000-8000-000000000022', 'c0000000-0000-4000-8000-000000000002', 'Mezzanine', 'Seated, with bar service', 150, 'premium', 2.00, NULL, FALSE, '2026-01-10 10:00+00', '2026-01-10 10:00+00'),
  ('c1000000-0000-4000-8000-000000000031', 'c0000000-0000-4000-8000-000000000003', 'Forum Floor', NULL, 480, 'general', 1.00, NULL, TRUE, '2026-01-11 10:00+00', '2026-01-11 10:00+00'),
  ('c1000000-0000-4000-8000-000000000032', 'c0000000-0000-4000-8000-000000000003', 'Ocean Terrace', 'Terrace lounge', 120, 'vip', 2.50, NULL, TRUE, '2026-01-11 10:00+00', '2026-01-11 10:00+00'),
  ('c1000000-0000-4000-8000-000000000041', 'c0000000-0000-4000-8000-000000000004', 'Banking Hall', NULL, 650, 'general', 1.00, NULL, TRUE, '2026-01-12 10:00+00', '2026-01-12 10:00+00'),
  ('c1000000-0000-4000-8000-000000000042', 'c0000000-0000-4000-8000-000000000004', 'Balcony', 'Seated balcony', 200, 'premium', 1.80, NULL, FALSE, '2026-01-12 10:00+00', '2026-01-12 10:00+00'),
  ('c1000000-0000-4000-8000-000000000043', 'c0000000-0000-4000-8000-000000000004', 'Vault Lounge', 'Private lounge in the old vault', 50, 'vip', 4.00, NULL, TRUE, '2026-01-12 10:00+00', '2026-01-12 10:00+00');

-- The Glasshouse front row: rows A and B, 12 seats each.
INSERT INTO venue_seats (id, section_id, row_name, seat_number, status, coordinates, accessibility_features, notes, created_at, updated_at)
SELECT md5('fashionistas-seat-' || r.row_name || s)::uuid, 'c1000000-0000-4000-8000-000000000012', r.row_name, s::text,
       CASE WHEN r.row_name = 'A' AND s IN (6, 7) THEN 'blocked' WHEN s % 5 = 0 THEN 'reserved' ELSE 'available' END,
       jsonb_build_object('x', s * 40, 'y', r.y),
       CASE WHEN s IN (1, 12) THEN '{wheelchair}'::text[] END,
       CASE WHEN r.row_name = 'A' AND s IN (6, 7) THEN 'Held for press' END,
       '2026-01-10 10:00+00', '2026-01-10 10:00+00'
  FROM (VALUES ('A', 20), ('B', 60)) AS r(row_name, y), generate_series(1, 12) AS s;

-- ---------------------------------------------------------------------------------------------
-- Events, staged first: the orders below decide how many tickets each sold.
-- Organisers: Camila Herrera (the demo organizer) in New York, Daniel Kim in Miami (and the New
-- Year's Eve gala in Los Angeles), Renata Silva in Los Angeles.
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE demo_events (
  n int PRIMARY KEY, organizer int, title text, slug text, short_description text, description text,
  start_date timestamptz, end_date timestamptz, venue int, status text, capacity int, type text, category text, tags text[],
  featured boolean, created_at timestamptz, published_at timestamptz, tax_rate numeric, sales_close timestamptz
);
INSERT INTO demo_events VALUES
  (1, 2, 'Autumn Atelier Showcase', 'autumn-atelier-showcase-2026', 'Five ateliers, one runway.', 'An evening of autumn collections from New York ateliers, with Herrera Atelier closing the show.',
   '2026-10-17 23:00+00', '2026-10-18 02:30+00', 2, 'completed', 480, 'fashion_show', 'Runway', '{runway,autumn,atelier}', TRUE, '2026-07-20 10:00+00', '2026-07-25 10:00+00', 0.08875, NULL),
  (2, 2, 'Sustainable Style Summit', 'sustainable-style-summit-2026', 'A day on circular fashion.', 'Talks and panels on materials, resale and repair, with makers and brands.',
   '2026-11-14 14:00+00', '2026-11-14 23:00+00', 1, 'completed', 620, 'conference', 'Conference', '{sustainability,conference}', FALSE, '2026-08-10 10:00+00', '2026-08-20 10:00+00', 0.08875, NULL),
  (3, 2, 'Winter Couture Night', 'winter-couture-night-2026', 'Couture under the glass roof.', 'Four couture collections on the Glasshouse runway, followed by the after-party.',
   '2026-12-13 00:00+00', '2026-12-13 04:00+00', 1, 'published', 700, 'fashion_show', 'Runway', '{couture,winter,runway}', TRUE, '2026-09-15 10:00+00', '2026-09-28 10:00+00', 0.08875, NULL),
  (4, 2, 'Holiday Pop-Up Market', 'holiday-pop-up-market-2026', 'Forty independent labels, one weekend.', 'Shop independent designers, with live alterations and a styling bar.',
   '2026-12-19 15:00+00', '2026-12-20 01:00+00', 2, 'published', 900, 'exhibition', 'Market', '{market,holiday,shopping}', FALSE, '2026-10-01 10:00+00', '2026-10-05 10:00+00', 0.08875, NULL),
  (5, 2, 'Resort 2027 Preview', 'resort-2027-preview', 'Resort collections, by invitation.', 'A preview of resort 2027 collections on Miami Beach.',
   '2027-01-23 23:00+00', '2027-01-24 02:00+00', 3, 'draft', 400, 'fashion_show', 'Runway', '{resort,preview}', FALSE, '2026-11-20 10:00+00', NULL, 0.07, NULL),
  (6, 9, 'Miami Swim Week Preview', 'miami-swim-week-preview-2026', 'Swimwear on the Faena runway.', 'Swim and resort labels preview their next season.',
   '2026-11-08 00:00+00', '2026-11-08 03:00+00', 3, 'completed', 560, 'fashion_show', 'Runway', '{swimwear,miami,runway}', TRUE, '2026-08-01 10:00+00', '2026-08-10 10:00+00', 0.07, NULL),
  (7, 9, 'Designer Networking Brunch', 'designer-networking-brunch-2026', 'Brunch with buyers and press.', 'Meet buyers, stylists and press over brunch on the Ocean Terrace.',
   '2026-12-05 15:00+00', '2026-12-05 18:00+00', 3, 'completed', 150, 'networking', 'Networking', '{networking,brunch}', FALSE, '2026-09-20 10:00+00', '2026-09-25 10:00+00', 0.07, NULL),
  (8, 9, 'Emerging Designers Runway', 'emerging-designers-runway-2026', 'New names, first runway.', 'Six emerging designers show for the first time, judged by buyers and editors.',
   '2026-12-11 00:00+00', '2026-12-11 03:00+00', 3, 'published', 520, 'fashion_show', 'Runway', '{emerging,runway}', TRUE, '2026-09-10 10:00+00', '2026-09-26 10:00+00', 0.07, NULL),
  (9, 9, 'Textile Innovation Workshop', 'textile-innovation-workshop-2027', 'Hands-on with new fibres.', 'A practical day with bio-based fibres, dyeing and finishing.',
   '2027-01-16 15:00+00', '2027-01-16 22:00+00', 3, 'published', 60, 'workshop', 'Workshop', '{textiles,workshop}', FALSE, '2026-10-25 10:00+00', '2026-11-02 10:00+00', 0.07, NULL),
  (10, 9, 'New Year''s Eve Fashion Gala', 'new-years-eve-fashion-gala-2026', 'Black tie, runway at midnight.', 'The year''s last runway, a seated dinner and a party until late.',
   '2027-01-01 03:00+00', '2027-01-01 09:00+00', 4, 'published', 450, 'party', 'Party', '{gala,new_year,black_tie}', TRUE, '2026-10-10 10:00+00', '2026-10-17 10:00+00', 0.095, NULL),
  (11, 10, 'LA Streetwear Exhibition', 'la-streetwear-exhibition-2026', 'Thirty years of LA streetwear.', 'An exhibition of LA streetwear with archive pieces and live screen printing.',
   '2026-11-21 18:00+00', '2026-11-22 04:00+00', 4, 'completed', 800, 'exhibition', 'Exhibition', '{streetwear,exhibition,los_angeles}', FALSE, '2026-08-25 10:00+00', '2026-09-07 10:00+00', 0.095, NULL),
  (12, 10, 'Styling Masterclass', 'styling-masterclass-2026', 'Style a look in three hours.', 'Editorial stylists teach a small group to style a full look.',
   '2026-12-08 18:00+00', '2026-12-08 21:00+00', 4, 'published', 40, 'workshop', 'Workshop', '{styling,workshop}', FALSE, '2026-09-20 10:00+00', '2026-09-24 10:00+00', 0.095, NULL),
  (13, 10, 'Spring 2027 Trends Conference', 'spring-2027-trends-conference', 'What spring 2027 will wear.', 'Trend forecasters and buyers on the spring 2027 season (new date to be announced).',
   '2027-02-06 17:00+00', '2027-02-07 01:00+00', 4, 'postponed', 600, 'conference', 'Conference', '{trends,conference}', FALSE, '2026-11-10 10:00+00', '2026-11-23 10:00+00', 0.095, NULL),
  (14, 10, 'Sunset Rooftop Party', 'sunset-rooftop-party-2026', 'A rooftop party, rained off.', 'A rooftop party for the LA fashion crowd, cancelled for the storm forecast.',
   '2026-12-03 01:00+00', '2026-12-03 06:00+00', 4, 'cancelled', 300, 'party', 'Party', '{party,rooftop}', FALSE, '2026-09-01 10:00+00', '2026-09-18 10:00+00', 0.095, '2026-11-27 12:00+00');

-- Ticket types per event: the tier, its price and how many there are. Sales open 75 days before
-- the event and close when it starts.
CREATE TEMP TABLE demo_tiers (event_n int, position int, tier text, name text, description text, price numeric, capacity int, max_per_order int, section text, featured boolean);
INSERT INTO demo_tiers VALUES
  (1, 1, 'general', 'General Admission', 'Standing, main hall', 85, 400, 6, 'c1000000-0000-4000-8000-000000000021', FALSE),
  (1, 2, 'vip', 'Mezzanine VIP', 'Seated mezzanine with champagne', 250, 80, 4, 'c1000000-0000-4000-8000-000000000022', TRUE),
  (2, 1, 'general', 'Day Pass', 'All talks and panels', 149, 500, 6, 'c1000000-0000-4000-8000-000000000011', FALSE),
  (2, 2, 'premium', 'Day Pass + Lunch', 'All talks, lunch with speakers', 299, 120, 4, 'c1000000-0000-4000-8000-000000000011', TRUE),
  (3, 1, 'general', 'General Admission', 'Main floor', 120, 500, 6, 'c1000000-0000-4000-8000-000000000011', FALSE),
  (3, 2, 'premium', 'Premium Seating', 'Second row and after-party', 220, 150, 4, 'c1000000-0000-4000-8000-000000000011', FALSE),
  (3, 3, 'vip', 'Front Row', 'Front row, backstage tour and after-party', 450, 50, 2, 'c1000000-0000-4000-8000-000000000012', TRUE),
  (4, 1, 'general', 'Weekend Entry', 'Both days', 25, 800, 8, 'c1000000-0000-4000-8000-000000000021', FALSE),
  (4, 2, 'premium', 'Early Access', 'Entry an hour early, tote bag', 60, 100, 4, 'c1000000-0000-4000-8000-000000000022', TRUE),
  (5, 1, 'general', 'Invitation', 'By invitation', 95, 320, 2, 'c1000000-0000-4000-8000-000000000031', FALSE),
  (5, 2, 'vip', 'Terrace Seat', 'Terrace, runway-side', 300, 80, 2, 'c1000000-0000-4000-8000-000000000032', FALSE),
  (6, 1, 'general', 'General Admission', 'Forum floor', 75, 450, 6, 'c1000000-0000-4000-8000-000000000031', FALSE),
  (6, 2, 'vip', 'Ocean Terrace', 'Terrace lounge with open bar', 200, 110, 4, 'c1000000-0000-4000-8000-000000000032', TRUE),
  (7, 1, 'general', 'Brunch Seat', 'Brunch and drinks', 65, 150, 4, 'c1000000-0000-4000-8000-000000000032', FALSE),
  (8, 1, 'general', 'General Admission', 'Forum floor', 45, 420, 6, 'c1000000-0000-4000-8000-000000000031', FALSE),
  (8, 2, 'premium', 'Runway Seat', 'Seated runway-side', 95, 100, 4, 'c1000000-0000-4000-8000-000000000032', TRUE),
  (9, 1, 'general', 'Workshop Place', 'Materials included', 180, 60, 2, NULL, FALSE),
  (10, 1, 'general', 'Gala Entry', 'Runway and party', 150, 300, 6, 'c1000000-0000-4000-8000-000000000041', FALSE),
  (10, 2, 'vip', 'Dinner & Runway', 'Seated dinner on the balcony', 400, 100, 4, 'c1000000-0000-4000-8000-000000000042', TRUE),
  (10, 3, 'exclusive', 'Vault Table', 'Private table in the vault, host and champagne', 1200, 12, 2, 'c1000000-0000-4000-8000-000000000043', FALSE),
  (11, 1, 'general', 'Exhibition Entry', 'Timed entry', 30, 650, 8, 'c1000000-0000-4000-8000-000000000041', FALSE),
  (11, 2, 'premium', 'Collector''s Preview', 'Evening preview with the curators', 80, 150, 4, 'c1000000-0000-4000-8000-000000000042', TRUE),
  (12, 1, 'general', 'Masterclass Place', 'Limited to 40', 120, 40, 2, NULL, FALSE),
  (13, 1, 'general', 'Conference Pass', 'Both sessions', 199, 600, 6, 'c1000000-0000-4000-8000-000000000041', FALSE),
  (14, 1, 'general', 'Party Entry', 'Rooftop entry', 55, 300, 6, NULL, FALSE);

-- Which event an order is for: the busier events come up more often (no orders for the draft).
CREATE TEMP TABLE demo_event_slots AS
SELECT slot::int, event_n FROM unnest(ARRAY[3, 3, 3, 10, 10, 10, 1, 1, 2, 2, 6, 6, 8, 8, 4, 4, 11, 11, 14, 7, 12, 9, 13]) WITH ORDINALITY AS s(event_n, slot);

-- 230 orders, each drawn from the bytes of md5('fashionistas-order-' || n).
CREATE TEMP TABLE demo_orders AS
WITH drawn AS (
  SELECT n, decode(md5('fashionistas-order-' || n), 'hex') AS h FROM generate_series(1, 230) AS n
), placed AS (
  SELECT d.n, d.h, e.n AS event_n, e.status AS event_status, e.start_date, e.tax_rate,
         e.start_date - interval '75 days' AS sale_start,
         least(e.start_date - interval '1 day', coalesce(e.sales_close, 'infinity'), TIMESTAMPTZ '2026-12-06 20:00+00') AS sale_end,
         get_byte(d.h, 1) AS b1
    FROM drawn d
    JOIN demo_event_slots s ON s.slot = 1 + get_byte(d.h, 0) % 23
    JOIN demo_events e ON e.n = s.event_n
), statused AS (
  SELECT p.*,
         CASE
           WHEN p.event_status = 'cancelled' THEN CASE WHEN p.b1 < 215 THEN 'refunded' ELSE 'cancelled' END
           WHEN p.start_date < TIMESTAMPTZ '2026-12-07 09:00+00' THEN
             CASE WHEN p.b1 < 215 THEN 'completed' WHEN p.b1 < 230 THEN 'refunded' WHEN p.b1 < 244 THEN 'cancelled' ELSE 'failed' END
           ELSE
             CASE WHEN p.b1 < 178 THEN 'completed' WHEN p.b1 < 206 THEN 'pending' WHEN p.b1 < 220 THEN 'processing'
                  WHEN p.b1 < 234 THEN 'cancelled' WHEN p.b1 < 246 THEN 'failed' ELSE 'refunded' END
         END AS status
    FROM placed p
)
SELECT s.n, md5('fashionistas-order-' || s.n)::uuid AS id, s.h, s.event_n, s.status, s.tax_rate,
       CASE
         WHEN s.n % 15 = 0 THEN 'b0000000-0000-4000-8000-000000000006'::uuid
         ELSE md5('fashionistas-attendee-' || (1 + get_byte(s.h, 2) % 46))::uuid
       END AS user_id,
       CASE
         WHEN s.status IN ('pending', 'processing') THEN TIMESTAMPTZ '2026-12-07 08:00+00' - get_byte(s.h, 7) * interval '15 minutes'
         ELSE date_trunc('minute', s.sale_start + (get_byte(s.h, 7) * 256 + get_byte(s.h, 9)) / 65536.0 * (s.sale_end - s.sale_start))
       END AS created_at
  FROM statused s;

-- The lines of each order: one ticket type, sometimes a second; now and then a discount code.
CREATE TEMP TABLE demo_lines AS
WITH tiers AS (
  SELECT t.*, md5('fashionistas-ticket-type-' || t.event_n || '-' || t.tier)::uuid AS ticket_type_id,
         count(*) OVER (PARTITION BY t.event_n) AS tiers_of_event
    FROM demo_tiers t
), firsts AS (
  SELECT o.n, o.id AS order_id, o.event_n, o.created_at, 1 AS line,
         CASE WHEN get_byte(o.h, 4) < 150 THEN 1 ELSE 1 + get_byte(o.h, 4) % 3 END AS wanted,
         get_byte(o.h, 5) AS qty_byte, get_byte(o.h, 6) AS discount_byte
    FROM demo_orders o
), seconds AS (
  SELECT f.n, f.order_id, f.event_n, f.created_at, 2 AS line,
         f.wanted % 3 + 1 AS wanted, get_byte(o.h, 8) AS qty_byte, 255 AS discount_byte
    FROM firsts f JOIN demo_orders o ON o.n = f.n
   WHERE get_byte(o.h, 3) < 50
), picked AS (
  SELECT l.*, t.ticket_type_id, t.tier, t.price, t.max_per_order
    FROM (SELECT * FROM firsts UNION ALL SELECT * FROM seconds) l
    JOIN tiers t ON t.event_n = l.event_n AND t.position = 1 + (l.wanted - 1) % t.tiers_of_event
), lines AS (
  -- A second line on a one-tier event would repeat the first: left out.
  SELECT DISTINCT ON (p.order_id, p.ticket_type_id) p.*
    FROM picked p ORDER BY p.order_id, p.ticket_type_id, p.line
), priced AS (
  SELECT l.n, l.order_id, l.line, l.event_n, l.ticket_type_id, l.price AS unit_price,
         least(l.max_per_order, CASE WHEN l.tier IN ('vip', 'exclusive') THEN 1 + l.qty_byte % 2 ELSE 1 + l.qty_byte % 4 END) AS quantity,
         CASE
           WHEN l.discount_byte >= 40 THEN NULL
           WHEN l.event_n = 3 THEN 'COUTURE20'
           WHEN l.event_n IN (9, 12) THEN 'STUDENT15'
           WHEN l.event_n = 10 THEN 'EARLYBIRD25'
           ELSE 'WELCOME10'
         END AS code
    FROM lines l
)
SELECT p.n, p.order_id, p.line, p.event_n, p.ticket_type_id, p.unit_price, p.quantity, p.code,
       md5('fashionistas-order-item-' || p.n || '-' || p.line)::uuid AS id,
       p.unit_price * p.quantity AS subtotal,
       CASE p.code
         WHEN 'COUTURE20' THEN round(p.unit_price * p.quantity * 0.20, 2)
         WHEN 'STUDENT15' THEN round(p.unit_price * p.quantity * 0.15, 2)
         WHEN 'WELCOME10' THEN round(p.unit_price * p.quantity * 0.10, 2)
         WHEN 'EARLYBIRD25' THEN least(25.00, p.unit_price * p.quantity)
         ELSE 0
       END AS discount_amount
  FROM priced p;

-- Events, with the tickets their completed orders hold as their attendance.
INSERT INTO events (id, organizer_id, title, slug, description, short_description, start_date, end_date, venue_id, status, capacity,
                    current_attendance, type, category, tags, featured, featured_image_url, gallery_images, ticket_url, seo_title,
                    seo_description, seo_keywords, created_at, updated_at, published_at, meta_data)
SELECT ('d0000000-0000-4000-8000-0000000000' || lpad(e.n::text, 2, '0'))::uuid,
       ('b0000000-0000-4000-8000-0000000000' || lpad(e.organizer::text, 2, '0'))::uuid,
       e.title, e.slug, e.description, e.short_description, e.start_date, e.end_date,
       ('c0000000-0000-4000-8000-00000000000' || e.venue)::uuid, e.status, e.capacity,
       coalesce((SELECT sum(l.quantity) FROM demo_lines l JOIN demo_orders o ON o.n = l.n WHERE l.event_n = e.n AND o.status = 'completed'), 0),
       e.type, e.category, e.tags, e.featured,
       'https://images.example.com/events/' || e.slug || '.jpg',
       jsonb_build_array('https://images.example.com/events/' || e.slug || '-1.jpg', 'https://images.example.com/events/' || e.slug || '-2.jpg'),
       'https://fashionistas.example.com/events/' || e.slug || '/tickets',
       e.title || ' | Fashionistas', e.short_description, e.tags,
       e.created_at, coalesce(e.published_at, e.created_at), e.published_at,
       jsonb_build_object('dress_code', CASE WHEN e.type IN ('fashion_show', 'party') THEN 'cocktail' ELSE 'smart casual' END)
  FROM demo_events e;

-- Event categories (one nested) and which events are in them.
INSERT INTO event_categories (id, name, slug, description, parent_id, icon, color, order_index, created_at, updated_at) VALUES
  ('d1000000-0000-4000-8000-000000000001', 'Runway', 'runway', 'Fashion shows', NULL, 'runway', '#1F1F1F', 1, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('d1000000-0000-4000-8000-000000000002', 'Conference', 'conference', 'Talks and panels', NULL, 'mic', '#3B5BA5', 2, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('d1000000-0000-4000-8000-000000000003', 'Workshop', 'workshop', 'Hands-on classes', NULL, 'scissors', '#2E8B57', 3, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('d1000000-0000-4000-8000-000000000004', 'Networking', 'networking', 'Meet the industry', NULL, 'people', '#C28B2C', 4, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('d1000000-0000-4000-8000-000000000005', 'Party', 'party', 'Parties and galas', NULL, 'sparkle', '#B0306A', 5, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('d1000000-0000-4000-8000-000000000006', 'Market', 'market', 'Pop-ups and exhibitions', NULL, 'bag', '#7A4FB5', 6, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('d1000000-0000-4000-8000-000000000007', 'Sustainable Fashion', 'sustainable-fashion', 'Circular fashion talks', 'd1000000-0000-4000-8000-000000000002', 'leaf', '#4C9A2A', 7, '2026-01-05 09:00+00', '2026-01-05 09:00+00');

INSERT INTO event_category_mappings (id, event_id, category_id, created_at)
SELECT md5('fashionistas-event-category-' || m.event_n || '-' || m.category_n)::uuid,
       ('d0000000-0000-4000-8000-0000000000' || lpad(m.event_n::text, 2, '0'))::uuid,
       ('d1000000-0000-4000-8000-00000000000' || m.category_n)::uuid, e.created_at
  FROM (VALUES (1, 1), (2, 2), (2, 7), (3, 1), (3, 5), (4, 6), (5, 1), (6, 1), (7, 4), (8, 1), (9, 3), (9, 7), (10, 5), (10, 1),
               (11, 6), (12, 3), (13, 2), (14, 5)) AS m(event_n, category_n)
  JOIN demo_events e ON e.n = m.event_n;

-- A programme for each event: doors, the main part, the close.
INSERT INTO event_schedules (id, event_id, title, description, speaker_id, start_time, end_time, location, type, order_index, is_break, created_at, updated_at)
SELECT md5('fashionistas-schedule-' || e.n || '-' || p.k)::uuid,
       ('d0000000-0000-4000-8000-0000000000' || lpad(e.n::text, 2, '0'))::uuid,
       CASE p.k
         WHEN 1 THEN 'Doors and welcome drinks'
         WHEN 2 THEN CASE e.type WHEN 'fashion_show' THEN 'Runway' WHEN 'conference' THEN 'Keynote and panels' WHEN 'workshop' THEN 'Hands-on session'
                                 WHEN 'networking' THEN 'Brunch and introductions' WHEN 'party' THEN 'Runway at the party' ELSE 'Exhibition open' END
         ELSE CASE e.type WHEN 'fashion_show' THEN 'After-party' WHEN 'conference' THEN 'Closing drinks' ELSE 'Close' END
       END,
       NULL,
       CASE WHEN p.k = 2 AND e.type IN ('conference', 'workshop') THEN ('b0000000-0000-4000-8000-0000000000' || CASE WHEN e.n % 2 = 0 THEN '13' ELSE '03' END)::uuid END,
       e.start_date + (p.k - 1) * (e.end_date - e.start_date) / 3,
       e.start_date + p.k * (e.end_date - e.start_date) / 3,
       CASE p.k WHEN 1 THEN 'Lobby' WHEN 2 THEN 'Main space' ELSE 'Bar' END,
       CASE p.k WHEN 1 THEN 'arrival' WHEN 2 THEN 'main' ELSE 'social' END,
       p.k, p.k = 1, e.created_at, e.created_at
  FROM demo_events e, generate_series(1, 3) AS p(k);

INSERT INTO ticket_types (id, event_id, name, description, base_price, features, max_quantity_per_order, total_capacity, remaining_capacity,
                          sale_start_date, sale_end_date, is_active, is_featured, tier, seating_section_id, metadata, created_at, updated_at, version)
SELECT md5('fashionistas-ticket-type-' || t.event_n || '-' || t.tier)::uuid,
       ('d0000000-0000-4000-8000-0000000000' || lpad(t.event_n::text, 2, '0'))::uuid,
       t.name, t.description, t.price,
       CASE t.tier WHEN 'general' THEN '["entry"]' WHEN 'premium' THEN '["entry", "seat"]' ELSE '["entry", "seat", "hospitality"]' END::jsonb,
       t.max_per_order, t.capacity,
       t.capacity - coalesce((SELECT sum(l.quantity) FROM demo_lines l JOIN demo_orders o ON o.n = l.n
                               WHERE l.ticket_type_id = md5('fashionistas-ticket-type-' || t.event_n || '-' || t.tier)::uuid
                                 AND o.status IN ('completed', 'pending', 'processing')), 0),
       e.start_date - interval '75 days', e.start_date,
       e.status NOT IN ('draft', 'cancelled'), t.featured, t.tier, t.section::uuid, '{}',
       e.created_at, e.created_at, 1
  FROM demo_tiers t JOIN demo_events e ON e.n = t.event_n;

-- Discount codes (ticketing) and where they apply.
INSERT INTO discount_codes (id, code, description, discount_type, discount_value, minimum_order_amount, maximum_discount_amount, start_date, end_date,
                            usage_limit, current_usage, is_active, is_one_time_use, applies_to_all_events, created_by, metadata, created_at, updated_at)
SELECT ('d2000000-0000-4000-8000-00000000000' || c.k)::uuid, c.code, c.description, c.discount_type, c.discount_value, c.minimum, c.maximum,
       c.start_date, c.end_date, c.usage_limit,
       (SELECT count(*) FROM demo_lines l WHERE l.code = c.code), c.is_active, FALSE, c.all_events,
       ('b0000000-0000-4000-8000-0000000000' || c.creator)::uuid, '{}', c.start_date - interval '3 days', c.start_date - interval '3 days'
  FROM (VALUES (1, 'WELCOME10', 'Ten percent off a first order', 'percentage', 10.00, 0.00, 100.00, TIMESTAMPTZ '2026-07-01 00:00+00', TIMESTAMPTZ '2027-01-31 23:59+00', 1000, TRUE, TRUE, '08'),
               (2, 'COUTURE20', 'Winter Couture Night launch offer', 'percentage', 20.00, 100.00, 250.00, '2026-09-28 00:00+00', '2026-12-12 23:59+00', 200, TRUE, FALSE, '02'),
               (3, 'EARLYBIRD25', 'Twenty-five dollars off the gala', 'fixed_amount', 25.00, 100.00, NULL, '2026-10-17 00:00+00', '2026-12-31 23:59+00', 150, TRUE, FALSE, '09'),
               (4, 'STUDENT15', 'Students: fifteen percent off workshops', 'percentage', 15.00, 0.00, 60.00, '2026-09-24 00:00+00', '2027-01-16 23:59+00', NULL, TRUE, FALSE, '08'),
               (5, 'SUMMER5', 'Summer sale, ended', 'fixed_amount', 5.00, 20.00, NULL, '2026-06-01 00:00+00', '2026-08-31 23:59+00', 500, FALSE, TRUE, '08'))
       AS c(k, code, description, discount_type, discount_value, minimum, maximum, start_date, end_date, usage_limit, is_active, all_events, creator);

INSERT INTO discount_code_events (id, discount_code_id, event_id, created_at)
SELECT md5('fashionistas-code-event-' || x.code_k || '-' || x.event_n)::uuid, ('d2000000-0000-4000-8000-00000000000' || x.code_k)::uuid,
       ('d0000000-0000-4000-8000-0000000000' || lpad(x.event_n::text, 2, '0'))::uuid, '2026-09-25 10:00+00'
  FROM (VALUES (2, 3), (3, 10), (4, 9), (4, 12)) AS x(code_k, event_n);

INSERT INTO discount_code_ticket_types (id, discount_code_id, ticket_type_id, created_at)
SELECT md5('fashionistas-code-ticket-type-' || x.code_k || '-' || x.event_n || '-' || x.tier)::uuid, ('d2000000-0000-4000-8000-00000000000' || x.code_k)::uuid,
       md5('fashionistas-ticket-type-' || x.event_n || '-' || x.tier)::uuid, '2026-10-14 10:00+00'
  FROM (VALUES (3, 10, 'general'), (3, 10, 'vip'), (3, 10, 'exclusive'), (4, 9, 'general'), (4, 12, 'general')) AS x(code_k, event_n, tier);

-- Orders: their money is the sum of their lines, tax at the venue's rate.
INSERT INTO orders (id, user_id, status, total_amount, subtotal, tax_amount, discount_amount, currency, payment_intent_id, payment_method,
                    billing_email, billing_name, billing_phone, billing_address, notes, ip_address, user_agent, metadata,
                    created_at, updated_at, completed_at, cancelled_at, refunded_at, expiration_time)
SELECT o.id, o.user_id, o.status,
       m.subtotal - m.discount + round((m.subtotal - m.discount) * o.tax_rate, 2),
       m.subtotal,
       round((m.subtotal - m.discount) * o.tax_rate, 2),
       m.discount,
       'USD',
       CASE WHEN o.status <> 'pending' THEN 'pi_3Q' || substr(md5('fashionistas-intent-' || o.n), 1, 22) END,
       (ARRAY['card', 'card', 'card', 'apple_pay', 'google_pay', 'paypal'])[1 + get_byte(o.h, 10) % 6],
       u.email, u.full_name, u.phone_number,
       jsonb_build_object('country', 'US', 'postal_code', (ARRAY['10001', '10013', '11211', '33139', '33140', '90014', '90028', '11101'])[1 + get_byte(o.h, 11) % 8]),
       CASE WHEN get_byte(o.h, 12) < 12 THEN (ARRAY['Gift for my sister', 'Wheelchair access please', 'Invoice to my company', 'Seats together if possible'])[1 + get_byte(o.h, 12) % 4] END,
       '203.0.113.' || get_byte(o.h, 13),
       (ARRAY['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'Fashionistas/3.2 (Android 15)'])[1 + get_byte(o.h, 14) % 4],
       jsonb_build_object('order_number', 'FSH-' || lpad(o.n::text, 6, '0'), 'channel', (ARRAY['web', 'web', 'ios', 'android'])[1 + get_byte(o.h, 15) % 4]),
       o.created_at,
       CASE o.status
         WHEN 'completed' THEN o.created_at + interval '2 minutes'
         WHEN 'refunded' THEN CASE WHEN o.event_n = 14 THEN TIMESTAMPTZ '2026-11-28 15:00+00' ELSE least(o.created_at + interval '3 days', TIMESTAMPTZ '2026-12-07 08:30+00') END
         WHEN 'cancelled' THEN least(o.created_at + interval '1 day', TIMESTAMPTZ '2026-12-07 08:30+00')
         WHEN 'failed' THEN o.created_at + interval '4 minutes'
         ELSE o.created_at
       END,
       CASE WHEN o.status IN ('completed', 'refunded') THEN o.created_at + interval '2 minutes' END,
       CASE WHEN o.status = 'cancelled' THEN least(o.created_at + interval '1 day', TIMESTAMPTZ '2026-12-07 08:30+00') END,
       CASE WHEN o.status = 'refunded' THEN CASE WHEN o.event_n = 14 THEN TIMESTAMPTZ '2026-11-28 15:00+00' ELSE least(o.created_at + interval '3 days', TIMESTAMPTZ '2026-12-07 08:30+00') END END,
       CASE WHEN o.status IN ('pending', 'processing') THEN o.created_at + interval '72 hours' ELSE o.created_at + interval '15 minutes' END
  FROM demo_orders o
  JOIN users u ON u.id = o.user_id
  JOIN (SELECT n, sum(subtotal) AS subtotal, sum(discount_amount) AS discount FROM demo_lines GROUP BY n) m ON m.n = o.n;

INSERT INTO order_items (id, order_id, ticket_type_id, quantity, unit_price, subtotal, discount_amount, final_price, discount_code_id, metadata, created_at, updated_at)
SELECT l.id, l.order_id, l.ticket_type_id, l.quantity, l.unit_price, l.subtotal, l.discount_amount, l.subtotal - l.discount_amount,
       CASE l.code WHEN 'WELCOME10' THEN 'd2000000-0000-4000-8000-000000000001' WHEN 'COUTURE20' THEN 'd2000000-0000-4000-8000-000000000002'
                   WHEN 'EARLYBIRD25' THEN 'd2000000-0000-4000-8000-000000000003' WHEN 'STUDENT15' THEN 'd2000000-0000-4000-8000-000000000004' END::uuid,
       jsonb_build_object('ticket_numbers', (SELECT jsonb_agg('T' || upper(substr(md5(l.id::text || k), 1, 8))) FROM generate_series(1, l.quantity) AS k)),
       o.created_at, o.created_at
  FROM demo_lines l JOIN demo_orders o ON o.n = l.n;

-- Orders not yet paid hold their tickets for 72 hours.
INSERT INTO ticket_inventory_locks (id, ticket_type_id, quantity, order_id, session_id, expires_at, created_at)
SELECT md5('fashionistas-lock-' || l.id)::uuid, l.ticket_type_id, l.quantity, l.order_id, 'sess_' || substr(md5('fashionistas-session-' || l.n), 1, 20),
       o.created_at + interval '72 hours', o.created_at
  FROM demo_lines l JOIN demo_orders o ON o.n = l.n
 WHERE o.status IN ('pending', 'processing');

-- ---------------------------------------------------------------------------------------------
-- Designers, collections, items, runway shows and models
-- ---------------------------------------------------------------------------------------------
INSERT INTO designers (id, user_id, name, slug, brand_name, specialty, bio, website_url, social_media, contact_email, contact_phone,
                       profile_image_url, cover_image_url, is_featured, is_verified, status, years_active, awards, press_mentions, location, created_at, updated_at) VALUES
  ('e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'Camila Herrera', 'camila-herrera', 'Herrera Atelier', 'Eveningwear',
   'Sculpted eveningwear cut in New York.', 'https://herrera-atelier.example.com', '{"instagram": "@herrera.atelier"}', 'organizer@demo.gatehouse.dev', '+1-212-555-0102',
   'https://images.example.com/designers/herrera.jpg', 'https://images.example.com/designers/herrera-cover.jpg', TRUE, TRUE, 'active', 8,
   '[{"name": "CFDA Emerging Talent", "year": 2022}]', '[{"outlet": "Vogue Runway", "year": 2025}]', '{"city": "New York", "country": "USA"}', '2026-02-01 10:00+00', '2026-02-01 10:00+00'),
  ('e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003', 'Julian Park', 'julian-park', 'Park Studio', 'Menswear',
   'Utility tailoring with a soft shoulder.', 'https://parkstudio.example.com', '{"instagram": "@parkstudio"}', 'designer@demo.gatehouse.dev', '+1-646-555-0103',
   'https://images.example.com/designers/park.jpg', NULL, TRUE, TRUE, 'active', 5, '[]', '[{"outlet": "GQ", "year": 2026}]', '{"city": "Brooklyn", "country": "USA"}', '2026-02-02 15:00+00', '2026-02-02 15:00+00'),
  ('e0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000011', 'Aisha Bello', 'aisha-bello', 'Bello Lagos', 'Swimwear',
   'Swim and resort wear in West African prints.', 'https://bellolagos.example.com', '{"instagram": "@bellolagos"}', 'aisha.bello@example.com', '+1-646-555-0111',
   NULL, NULL, FALSE, TRUE, 'active', 6, '[]', '[]', '{"city": "New York", "country": "USA"}', '2026-03-02 10:30+00', '2026-03-02 10:30+00'),
  ('e0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000012', 'Lucas Moreau', 'lucas-moreau', 'Maison Moreau', 'Couture',
   'Velvet and hand embroidery.', 'https://maisonmoreau.example.com', '{}', 'lucas.moreau@example.com', NULL,
   NULL, NULL, TRUE, TRUE, 'active', 12, '[{"name": "ANDAM finalist", "year": 2019}]', '[]', '{"city": "New York", "country": "USA"}', '2026-03-04 10:30+00', '2026-03-04 10:30+00'),
  ('e0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000013', 'Mei Chen', 'mei-chen', 'Chen Mei', 'Womenswear',
   'Pleated paper-light silks.', NULL, '{"instagram": "@chenmei.studio"}', 'mei.chen@example.com', '+1-415-555-0113',
   NULL, NULL, FALSE, FALSE, 'active', 3, '[]', '[]', '{"city": "San Francisco", "country": "USA"}', '2026-03-11 10:30+00', '2026-03-11 10:30+00'),
  ('e0000000-0000-4000-8000-000000000006', 'b0000000-0000-4000-8000-000000000014', 'Diego Alvarez', 'diego-alvarez', 'Alvarez Sastreria', 'Tailoring',
   'Miami tailoring in linen and seersucker.', 'https://alvarez.example.com', '{}', 'diego.alvarez@example.com', '+1-305-555-0114',
   NULL, NULL, FALSE, TRUE, 'active', 9, '[]', '[]', '{"city": "Miami", "country": "USA"}', '2026-03-18 10:30+00', '2026-03-18 10:30+00'),
  ('e0000000-0000-4000-8000-000000000007', 'b0000000-0000-4000-8000-000000000015', 'Hannah Schultz', 'hannah-schultz', 'Schultz Berlin', 'Outerwear',
   'Architectural coats; applied in November.', NULL, '{}', 'hannah.schultz@example.com', NULL,
   NULL, NULL, FALSE, FALSE, 'pending', 2, '[]', '[]', '{"city": "Berlin", "country": "Germany"}', '2026-11-25 10:30+00', '2026-11-25 10:30+00');

INSERT INTO collections (id, designer_id, name, slug, description, season, year, release_date, is_featured, status, cover_image_url, inspiration,
                         color_palette, materials, show_notes, event_id, created_at, updated_at) VALUES
  ('e1000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'Noir Bloom', 'herrera-noir-bloom-fall-2026', 'Black florals in duchess satin.', 'fall', 2026, '2026-10-17 23:00+00', TRUE, 'published',
   'https://images.example.com/collections/noir-bloom.jpg', 'Night gardens', '["#0B0B0B", "#5E1224", "#C9A227"]', '["duchess satin", "organza"]', 'Closing look: the bloom gown.', 'd0000000-0000-4000-8000-000000000001', '2026-08-01 10:00+00', '2026-10-18 10:00+00'),
  ('e1000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', 'Tropical Modern', 'herrera-tropical-modern-resort-2027', 'Resort shapes in washed silk.', 'resort', 2027, '2026-12-11 00:00+00', FALSE, 'published',
   NULL, 'Miami modernism', '["#F2E8D5", "#2F6F5E"]', '["washed silk", "linen"]', NULL, 'd0000000-0000-4000-8000-000000000008', '2026-09-20 10:00+00', '2026-11-30 10:00+00'),
  ('e1000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000001', 'Winter Garden', 'herrera-winter-garden-winter-2026', 'Quilted velvet and frost embroidery.', 'winter', 2026, NULL, FALSE, 'draft',
   NULL, 'Frozen conservatories', '["#DDE6EE", "#1C2A39"]', '["velvet"]', NULL, NULL, '2026-11-05 10:00+00', '2026-11-05 10:00+00'),
  ('e1000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000002', 'Concrete Garden', 'park-concrete-garden-winter-2026', 'Utility tailoring in stone tones.', 'winter', 2026, '2026-12-13 00:00+00', TRUE, 'published',
   'https://images.example.com/collections/concrete-garden.jpg', 'Brutalist parks', '["#8A8D8F", "#3E4A3D"]', '["wool gabardine", "waxed cotton"]', NULL, 'd0000000-0000-4000-8000-000000000003', '2026-09-01 10:00+00', '2026-11-20 10:00+00'),
  ('e1000000-0000-4000-8000-000000000005', 'e0000000-0000-4000-8000-000000000002', 'Soft Armor', 'park-soft-armor-spring-2027', 'Padded knits for spring.', 'spring', 2027, NULL, FALSE, 'draft',
   NULL, 'Fencing kit', '["#FFFFFF", "#2B2B2B"]', '["merino", "nylon"]', NULL, NULL, '2026-11-15 10:00+00', '2026-11-15 10:00+00'),
  ('e1000000-0000-4000-8000-000000000006', 'e0000000-0000-4000-8000-000000000003', 'Lagos Nights', 'bello-lagos-nights-summer-2026', 'Swimwear in Ankara prints.', 'summer', 2026, '2026-11-08 00:00+00', TRUE, 'published',
   NULL, 'Lagos at night', '["#F28C28", "#1D3557"]', '["recycled nylon"]', NULL, 'd0000000-0000-4000-8000-000000000006', '2026-07-15 10:00+00', '2026-11-09 10:00+00'),
  ('e1000000-0000-4000-8000-000000000007', 'e0000000-0000-4000-8000-000000000004', 'Velours', 'moreau-velours-couture-2026', 'Hand-embroidered velvet couture.', 'couture', 2026, '2026-12-13 00:00+00', TRUE, 'published',
   NULL, 'Opera houses', '["#4B0D1F", "#B08D57"]', '["silk velvet", "gold thread"]', NULL, 'd0000000-0000-4000-8000-000000000003', '2026-08-20 10:00+00', '2026-11-25 10:00+00'),
  ('e1000000-0000-4000-8000-000000000008', 'e0000000-0000-4000-8000-000000000005', 'Paper Silk', 'chen-paper-silk-spring-2027', 'Pleated silks, light as paper.', 'spring', 2027, '2026-12-11 00:00+00', FALSE, 'published',
   NULL, 'Origami', '["#F5F1E6", "#C23B22"]', '["silk organza"]', NULL, 'd0000000-0000-4000-8000-000000000008', '2026-09-25 10:00+00', '2026-11-28 10:00+00'),
  ('e1000000-0000-4000-8000-000000000009', 'e0000000-0000-4000-8000-000000000006', 'Sastreria Nueva', 'alvarez-sastreria-nueva-fall-2026', 'Linen suiting for hot autumns.', 'fall', 2026, '2026-10-17 23:00+00', FALSE, 'published',
   NULL, 'Havana tailors', '["#E9DCC3", "#6B4F3A"]', '["linen", "seersucker"]', NULL, 'd0000000-0000-4000-8000-000000000001', '2026-08-05 10:00+00', '2026-10-18 10:00+00'),
  ('e1000000-0000-4000-8000-000000000010', 'e0000000-0000-4000-8000-000000000007', 'Brutal Grace', 'schultz-brutal-grace-pre-fall-2027', 'Coats cut like buildings.', 'pre-fall', 2027, NULL, FALSE, 'draft',
   NULL, 'Berlin concrete', '["#6D6D6D"]', '["boiled wool"]', NULL, NULL, '2026-11-26 10:00+00', '2026-11-26 10:00+00');

-- Three pieces per collection, each with a photo (the first photo the primary one).
INSERT INTO fashion_items (id, collection_id, name, description, item_type, materials, colors, sizes, price_range, is_featured, display_order, created_at, updated_at)
SELECT md5('fashionistas-item-' || c.k || '-' || i)::uuid,
       ('e1000000-0000-4000-8000-0000000000' || lpad(c.k::text, 2, '0'))::uuid,
       c.name || ' ' || (ARRAY['Gown', 'Jacket', 'Trouser', 'Coat', 'Top', 'Dress', 'Swimsuit', 'Boot', 'Clutch'])[1 + (c.k * 3 + i) % 9],
       'Look ' || i || ' of ' || c.name || '.',
       (ARRAY['dress', 'outerwear', 'bottom', 'outerwear', 'top', 'dress', 'swimwear', 'footwear', 'accessory'])[1 + (c.k * 3 + i) % 9],
       jsonb_build_array((ARRAY['silk', 'wool', 'linen', 'velvet', 'organza', 'recycled nylon'])[1 + (c.k + i) % 6]),
       jsonb_build_array((ARRAY['black', 'ivory', 'burgundy', 'sage', 'stone', 'gold'])[1 + (c.k * 2 + i) % 6]),
       '["XS", "S", "M", "L"]',
       jsonb_build_object('min', 400 + 150 * ((c.k + i) % 5), 'max', 900 + 400 * ((c.k + i) % 5)),
       i = 1, i, c.created_at, c.created_at
  FROM (SELECT k, name, created_at FROM (VALUES
          (1, 'Noir Bloom', TIMESTAMPTZ '2026-08-01 10:00+00'), (2, 'Tropical Modern', '2026-09-20 10:00+00'), (3, 'Winter Garden', '2026-11-05 10:00+00'),
          (4, 'Concrete Garden', '2026-09-01 10:00+00'), (5, 'Soft Armor', '2026-11-15 10:00+00'), (6, 'Lagos Nights', '2026-07-15 10:00+00'),
          (7, 'Velours', '2026-08-20 10:00+00'), (8, 'Paper Silk', '2026-09-25 10:00+00'), (9, 'Sastreria Nueva', '2026-08-05 10:00+00'),
          (10, 'Brutal Grace', '2026-11-26 10:00+00')) AS v(k, name, created_at)) c,
       generate_series(1, 3) AS i;

INSERT INTO fashion_item_images (id, fashion_item_id, image_url, alt_text, display_order, is_primary, created_at, updated_at)
SELECT md5('fashionistas-item-image-' || f.id || '-' || p)::uuid, f.id,
       'https://images.example.com/items/' || f.id || '-' || p || '.jpg', f.name || CASE p WHEN 1 THEN ', front' ELSE ', back' END,
       p, p = 1, f.created_at, f.created_at
  FROM fashion_items f, generate_series(1, 2) AS p
 WHERE p = 1 OR f.display_order = 1;

INSERT INTO runway_shows (id, collection_id, event_id, venue_id, show_date, duration_minutes, status, capacity, attendance, video_url, livestream_url, notes, created_at, updated_at) VALUES
  ('e2000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', '2026-10-18 01:30+00', 25, 'completed', 480, 455, 'https://video.example.com/noir-bloom', NULL, 'Closing show of the night', '2026-09-01 10:00+00', '2026-10-18 10:00+00'),
  ('e2000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000009', 'd0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', '2026-10-18 00:00+00', 20, 'completed', 480, 430, NULL, NULL, NULL, '2026-09-01 10:00+00', '2026-10-18 10:00+00'),
  ('e2000000-0000-4000-8000-000000000003', 'e1000000-0000-4000-8000-000000000006', 'd0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000003', '2026-11-08 01:00+00', 20, 'completed', 560, 512, 'https://video.example.com/lagos-nights', NULL, NULL, '2026-09-15 10:00+00', '2026-11-08 10:00+00'),
  ('e2000000-0000-4000-8000-000000000004', 'e1000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', '2026-12-13 01:00+00', 20, 'scheduled', 700, NULL, NULL, 'https://live.example.com/winter-couture', NULL, '2026-10-01 10:00+00', '2026-11-20 10:00+00'),
  ('e2000000-0000-4000-8000-000000000005', 'e1000000-0000-4000-8000-000000000007', 'd0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', '2026-12-13 02:00+00', 25, 'scheduled', 700, NULL, NULL, 'https://live.example.com/winter-couture', 'Finale', '2026-10-01 10:00+00', '2026-11-25 10:00+00'),
  ('e2000000-0000-4000-8000-000000000006', 'e1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000003', '2026-12-11 01:00+00', 15, 'scheduled', 520, NULL, NULL, NULL, 'Guest slot for Herrera Atelier', '2026-10-05 10:00+00', '2026-11-30 10:00+00'),
  ('e2000000-0000-4000-8000-000000000007', 'e1000000-0000-4000-8000-000000000008', 'd0000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000003', '2026-12-11 01:30+00', 15, 'scheduled', 520, NULL, NULL, NULL, NULL, '2026-10-05 10:00+00', '2026-11-28 10:00+00');

-- Two segments per show.
INSERT INTO runway_segments (id, runway_show_id, name, description, start_time, duration_minutes, segment_order, theme, music, lighting_notes, created_at, updated_at)
SELECT md5('fashionistas-segment-' || s.k || '-' || g)::uuid, ('e2000000-0000-4000-8000-00000000000' || s.k)::uuid,
       CASE g WHEN 1 THEN 'Opening looks' ELSE 'Finale' END, NULL,
       rs.show_date + (g - 1) * (rs.duration_minutes / 2) * interval '1 minute', rs.duration_minutes / 2, g,
       CASE g WHEN 1 THEN 'Day' ELSE 'Night' END,
       (ARRAY['Nils Frahm - Says', 'Robyn - Dancing On My Own', 'Burna Boy - Last Last', 'Max Richter - On the Nature of Daylight'])[1 + (s.k + g) % 4],
       CASE g WHEN 1 THEN 'Cool white wash' ELSE 'Warm spots, haze' END,
       rs.created_at, rs.created_at
  FROM generate_series(1, 7) AS s(k)
  JOIN runway_shows rs ON rs.id = ('e2000000-0000-4000-8000-00000000000' || s.k)::uuid,
       generate_series(1, 2) AS g;

INSERT INTO models (id, user_id, name, slug, agency, height, measurements, bio, profile_image_url, portfolio_url, social_media, is_featured, status, created_at, updated_at) VALUES
  ('e4000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000004', 'Amara Okafor', 'amara-okafor', 'Nova Model Management', '5''11"', '{"bust": 32, "waist": 24, "hips": 35}', 'Runway and editorial, New York.', NULL, 'https://portfolio.example.com/amara', '{"instagram": "@amara.walks"}', TRUE, 'active', '2026-03-09 16:30+00', '2026-03-09 16:30+00'),
  ('e4000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000016', 'Zara Ahmed', 'zara-ahmed', 'Nova Model Management', '5''10"', '{"bust": 33, "waist": 25, "hips": 35}', NULL, NULL, NULL, '{}', FALSE, 'active', '2026-04-01 10:30+00', '2026-04-01 10:30+00'),
  ('e4000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000017', 'Noah Bennett', 'noah-bennett', 'Hudson Men', '6''2"', '{"chest": 38, "waist": 30}', 'Menswear runway.', NULL, NULL, '{}', FALSE, 'active', '2026-04-03 10:30+00', '2026-04-03 10:30+00'),
  ('e4000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000018', 'Lina Costa', 'lina-costa', 'Wave Miami', '5''9"', '{"bust": 32, "waist": 24, "hips": 34}', NULL, NULL, NULL, '{}', TRUE, 'active', '2026-04-08 10:30+00', '2026-04-08 10:30+00'),
  ('e4000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000019', 'Kai Nakamura', 'kai-nakamura', 'West Coast Faces', '6''1"', '{"chest": 37, "waist": 29}', NULL, NULL, NULL, '{}', FALSE, 'active', '2026-04-15 10:30+00', '2026-04-15 10:30+00'),
  ('e4000000-0000-4000-8000-000000000006', NULL, 'Isabela Duarte', 'isabela-duarte', 'Wave Miami', '5''10"', '{"bust": 33, "waist": 24, "hips": 35}', 'Booked through her agency.', NULL, NULL, '{}', FALSE, 'active', '2026-05-01 10:30+00', '2026-05-01 10:30+00'),
  ('e4000000-0000-4000-8000-000000000007', NULL, 'Theo Laurent', 'theo-laurent', 'Hudson Men', '6''0"', '{"chest": 38, "waist": 31}', 'On a break this season.', NULL, NULL, '{}', FALSE, 'inactive', '2026-05-02 10:30+00', '2026-09-01 10:30+00');

-- Three looks per segment, each worn by a model and showing a piece of the show's collection.
INSERT INTO runway_appearances (id, runway_segment_id, model_id, fashion_item_id, appearance_order, notes, created_at, updated_at)
SELECT md5('fashionistas-appearance-' || s.k || '-' || g || '-' || a)::uuid,
       md5('fashionistas-segment-' || s.k || '-' || g)::uuid,
       ('e4000000-0000-4000-8000-00000000000' || (1 + (s.k * 2 + g + a) % 6))::uuid,
       md5('fashionistas-item-' || right(rs.collection_id::text, 2)::int || '-' || a)::uuid,
       a, CASE WHEN g = 2 AND a = 3 THEN 'Closing look' END, rs.created_at, rs.created_at
  FROM generate_series(1, 7) AS s(k)
  JOIN runway_shows rs ON rs.id = ('e2000000-0000-4000-8000-00000000000' || s.k)::uuid,
       generate_series(1, 2) AS g, generate_series(1, 3) AS a;

INSERT INTO designer_collaborations (id, name, description, start_date, end_date, status, created_at, updated_at) VALUES
  ('e5000000-0000-4000-8000-000000000001', 'Herrera x Park capsule', 'Eight looks for Winter Couture Night.', '2026-09-01 00:00+00', '2026-12-13 00:00+00', 'active', '2026-08-25 10:00+00', '2026-08-25 10:00+00'),
  ('e5000000-0000-4000-8000-000000000002', 'Swim Week upcycling', 'Offcuts from Lagos Nights made into accessories.', '2026-06-01 00:00+00', '2026-11-08 00:00+00', 'completed', '2026-05-20 10:00+00', '2026-11-09 10:00+00');

INSERT INTO designer_collaboration_participants (id, collaboration_id, designer_id, role, created_at) VALUES
  ('e5100000-0000-4000-8000-000000000001', 'e5000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'lead', '2026-08-25 10:00+00'),
  ('e5100000-0000-4000-8000-000000000002', 'e5000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', 'co-designer', '2026-08-25 10:00+00'),
  ('e5100000-0000-4000-8000-000000000003', 'e5000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000003', 'lead', '2026-05-20 10:00+00'),
  ('e5100000-0000-4000-8000-000000000004', 'e5000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000006', 'accessories', '2026-05-20 10:00+00');

-- Weekly profile statistics for the six active designers.
INSERT INTO designer_analytics (id, designer_id, date, profile_views, collection_views, item_views, favorites, shares, click_throughs, created_at, updated_at)
SELECT md5('fashionistas-designer-analytics-' || d || '-' || w)::uuid, ('e0000000-0000-4000-8000-00000000000' || d)::uuid,
       DATE '2026-11-02' + 7 * w,
       200 + get_byte(h, 0) * 4, jsonb_build_object('views', 80 + get_byte(h, 1) * 2), jsonb_build_object('views', 150 + get_byte(h, 2) * 3),
       10 + get_byte(h, 3) % 60, 2 + get_byte(h, 4) % 25, 5 + get_byte(h, 5) % 80,
       (DATE '2026-11-02' + 7 * w + 1)::timestamptz, (DATE '2026-11-02' + 7 * w + 1)::timestamptz
  FROM generate_series(1, 6) AS d, generate_series(0, 4) AS w,
       LATERAL (SELECT decode(md5('fashionistas-designer-analytics-' || d || '-' || w), 'hex') AS h) x;

-- ---------------------------------------------------------------------------------------------
-- Sponsorship: sponsors (self-service by their contact email), tiers, benefits, deals and results
-- ---------------------------------------------------------------------------------------------
INSERT INTO sponsors (id, name, slug, logo_url, website_url, description, contact_email, contact_phone, contact_name, status, industry, company_size,
                      founded_year, headquarters, social_media, created_at, updated_at) VALUES
  ('f0000000-0000-4000-8000-000000000001', 'Lumiere Beauty', 'lumiere-beauty', 'https://images.example.com/sponsors/lumiere.png', 'https://lumiere.example.com', 'Clean cosmetics, backstage partner.', 'sponsor@demo.gatehouse.dev', '+1-305-555-0105', 'Ethan Brooks', 'active', 'Beauty', '201-500', 2014, 'Miami, FL', '{"instagram": "@lumierebeauty"}', '2026-04-14 13:30+00', '2026-04-14 13:30+00'),
  ('f0000000-0000-4000-8000-000000000002', 'Stellar Bank', 'stellar-bank', 'https://images.example.com/sponsors/stellar.png', 'https://stellarbank.example.com', 'Title partner of Winter Couture Night.', 'olivia.grant@example.com', '+1-212-555-0120', 'Olivia Grant', 'active', 'Financial services', '5000+', 1998, 'New York, NY', '{"linkedin": "stellar-bank"}', '2026-05-04 10:30+00', '2026-05-04 10:30+00'),
  ('f0000000-0000-4000-8000-000000000003', 'Aurora Spirits', 'aurora-spirits', NULL, 'https://aurora.example.com', 'Craft spirits for parties and galas.', 'ben.carter@example.com', '+1-305-555-0121', 'Ben Carter', 'active', 'Beverages', '51-200', 2011, 'Miami, FL', '{}', '2026-05-11 10:30+00', '2026-05-11 10:30+00'),
  ('f0000000-0000-4000-8000-000000000004', 'Threadline', 'threadline', NULL, 'https://threadline.example.com', 'Textile technology start-up.', 'sponsor@demo.gatehouse.dev', NULL, 'Ethan Brooks', 'pending', 'Technology', '11-50', 2023, 'Brooklyn, NY', '{}', '2026-10-20 10:30+00', '2026-10-20 10:30+00'),
  ('f0000000-0000-4000-8000-000000000005', 'Coastline Water', 'coastline-water', NULL, 'https://coastline.example.com', 'Canned spring water; partnership ended.', 'hello@coastline.example.com', NULL, 'Rae Summers', 'inactive', 'Beverages', '11-50', 2019, 'San Diego, CA', '{}', '2026-03-01 10:30+00', '2026-09-30 10:30+00');

INSERT INTO sponsorship_tiers (id, name, description, price_range, is_custom, display_order, benefits, created_at, updated_at) VALUES
  ('f1000000-0000-4000-8000-000000000001', 'Platinum', 'Title partner', '$50,000+', FALSE, 1, '{"logo": "stage", "tickets": 20}', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f1000000-0000-4000-8000-000000000002', 'Gold', 'Presenting partner', '$25,000 - $50,000', FALSE, 2, '{"logo": "screens", "tickets": 10}', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f1000000-0000-4000-8000-000000000003', 'Silver', 'Supporting partner', '$10,000 - $25,000', FALSE, 3, '{"logo": "programme", "tickets": 6}', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f1000000-0000-4000-8000-000000000004', 'Bronze', 'Community partner', '$2,500 - $10,000', FALSE, 4, '{"logo": "website", "tickets": 2}', '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f1000000-0000-4000-8000-000000000005', 'Custom', 'Made to measure', NULL, TRUE, 5, '{}', '2026-01-05 09:00+00', '2026-01-05 09:00+00');

INSERT INTO sponsor_benefits (id, name, description, category, icon_url, is_digital, is_physical, created_at, updated_at) VALUES
  ('f3000000-0000-4000-8000-000000000001', 'Logo on the runway backdrop', NULL, 'branding', NULL, FALSE, TRUE, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f3000000-0000-4000-8000-000000000002', 'Logo on the event page', NULL, 'branding', NULL, TRUE, FALSE, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f3000000-0000-4000-8000-000000000003', 'Complimentary tickets', NULL, 'hospitality', NULL, FALSE, TRUE, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f3000000-0000-4000-8000-000000000004', 'Backstage activation', 'A stand or product placement backstage', 'activation', NULL, FALSE, TRUE, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f3000000-0000-4000-8000-000000000005', 'Newsletter feature', NULL, 'digital', NULL, TRUE, FALSE, '2026-01-05 09:00+00', '2026-01-05 09:00+00'),
  ('f3000000-0000-4000-8000-000000000006', 'Social media posts', NULL, 'digital', NULL, TRUE, FALSE, '2026-01-05 09:00+00', '2026-01-05 09:00+00');

INSERT INTO tier_benefits (tier_id, benefit_id, quantity, details, created_at)
SELECT ('f1000000-0000-4000-8000-00000000000' || t)::uuid, ('f3000000-0000-4000-8000-00000000000' || b)::uuid, q, d, '2026-01-05 09:00+00'
  FROM (VALUES (1, 1, 1, 'Centre of the backdrop'), (1, 2, 1, NULL), (1, 3, 20, NULL), (1, 4, 1, NULL), (1, 5, 3, NULL), (1, 6, 6, NULL),
               (2, 1, 1, 'Side panels'), (2, 2, 1, NULL), (2, 3, 10, NULL), (2, 6, 3, NULL),
               (3, 2, 1, NULL), (3, 3, 6, NULL), (3, 6, 1, NULL),
               (4, 2, 1, NULL), (4, 3, 2, NULL)) AS v(t, b, q, d);

INSERT INTO sponsorships (id, sponsor_id, event_id, tier_id, custom_tier_name, start_date, end_date, amount, payment_status, contract_url, notes, benefits, is_featured, display_order, created_at, updated_at)
SELECT ('f2000000-0000-4000-8000-0000000000' || lpad(s.k::text, 2, '0'))::uuid, ('f0000000-0000-4000-8000-00000000000' || s.sponsor)::uuid,
       ('d0000000-0000-4000-8000-0000000000' || lpad(s.event_n::text, 2, '0'))::uuid,
       CASE WHEN s.tier IS NOT NULL THEN ('f1000000-0000-4000-8000-00000000000' || s.tier)::uuid END, s.custom,
       (e.start_date - interval '60 days')::date, (e.end_date + interval '7 days')::date, s.amount, s.payment_status,
       'https://contracts.example.com/sponsorships/' || s.k || '.pdf', s.notes, NULL, s.featured, s.k,
       e.created_at + interval '10 days', e.created_at + interval '10 days'
  FROM (VALUES (1, 1, 3, 2, NULL, 30000.00, 'paid', 'Backstage make-up by Lumiere', TRUE),
               (2, 1, 10, 1, NULL, 60000.00, 'partial', 'Second instalment due 15 December', TRUE),
               (3, 2, 3, 1, NULL, 75000.00, 'paid', 'Title partner', TRUE),
               (4, 2, 2, 3, NULL, 15000.00, 'paid', NULL, FALSE),
               (5, 3, 10, 2, NULL, 35000.00, 'pending', 'Bar partner for the gala', FALSE),
               (6, 3, 7, 4, NULL, 5000.00, 'paid', 'Mimosas', FALSE),
               (7, 4, 9, NULL, 'Materials partner', 12000.00, 'pending', 'Provides the fibres', FALSE),
               (8, 2, 8, 3, NULL, 10000.00, 'paid', NULL, FALSE),
               (9, 3, 14, 4, NULL, 6000.00, 'refunded', 'Event cancelled', FALSE),
               (10, 1, 6, 3, NULL, 18000.00, 'paid', NULL, FALSE))
       AS s(k, sponsor, event_n, tier, custom, amount, payment_status, notes, featured)
  JOIN demo_events e ON e.n = s.event_n;

INSERT INTO sponsorship_assets (id, sponsorship_id, name, file_url, file_type, size_bytes, dimensions, status, notes, uploaded_by, created_at, updated_at) VALUES
  ('f4000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000001', 'Lumiere logo, white', 'https://assets.example.com/lumiere-white.svg', 'svg', 18432, NULL, 'approved', NULL, 'b0000000-0000-4000-8000-000000000005', '2026-10-02 10:00+00', '2026-10-04 10:00+00'),
  ('f4000000-0000-4000-8000-000000000002', 'f2000000-0000-4000-8000-000000000001', 'Backstage banner', 'https://assets.example.com/lumiere-banner.pdf', 'pdf', 2450000, '3000x1200', 'pending', 'Awaiting print proof', 'b0000000-0000-4000-8000-000000000005', '2026-12-01 10:00+00', '2026-12-01 10:00+00'),
  ('f4000000-0000-4000-8000-000000000003', 'f2000000-0000-4000-8000-000000000002', 'Gala screen loop', 'https://assets.example.com/lumiere-loop.mp4', 'mp4', 48200000, '1920x1080', 'rejected', 'Needs the gala date on the end card', 'b0000000-0000-4000-8000-000000000005', '2026-11-20 10:00+00', '2026-11-22 10:00+00'),
  ('f4000000-0000-4000-8000-000000000004', 'f2000000-0000-4000-8000-000000000003', 'Stellar Bank lock-up', 'https://assets.example.com/stellar-lockup.svg', 'svg', 22100, NULL, 'approved', NULL, 'b0000000-0000-4000-8000-000000000020', '2026-10-05 10:00+00', '2026-10-06 10:00+00'),
  ('f4000000-0000-4000-8000-000000000005', 'f2000000-0000-4000-8000-000000000005', 'Aurora bar menu', 'https://assets.example.com/aurora-menu.pdf', 'pdf', 880000, 'A4', 'pending', NULL, 'b0000000-0000-4000-8000-000000000021', '2026-12-03 10:00+00', '2026-12-03 10:00+00'),
  ('f4000000-0000-4000-8000-000000000006', 'f2000000-0000-4000-8000-000000000010', 'Swim Week photo wall', 'https://assets.example.com/lumiere-wall.jpg', 'jpg', 5400000, '6000x4000', 'approved', NULL, 'b0000000-0000-4000-8000-000000000005', '2026-10-20 10:00+00', '2026-10-21 10:00+00');

-- Daily results of each paid or partly paid sponsorship around its event.
INSERT INTO sponsor_analytics (id, sponsor_id, event_id, date, impressions, clicks, leads_generated, conversions, engagement_metrics, roi_metrics, created_at, updated_at)
SELECT md5('fashionistas-sponsor-analytics-' || sp.id || '-' || d)::uuid, sp.sponsor_id, sp.event_id, (e.start_date)::date - 3 * d,
       5000 + get_byte(x.h, 0) * 120, 120 + get_byte(x.h, 1) * 4, 5 + get_byte(x.h, 2) % 40, 1 + get_byte(x.h, 3) % 12,
       jsonb_build_object('social_mentions', 20 + get_byte(x.h, 4) % 200), jsonb_build_object('cost_per_lead', round((40 + get_byte(x.h, 5) % 60)::numeric, 2)),
       ((e.start_date)::date - 3 * d + 1)::timestamptz, ((e.start_date)::date - 3 * d + 1)::timestamptz
  FROM sponsorships sp
  JOIN events e ON e.id = sp.event_id, generate_series(0, 2) AS d,
       LATERAL (SELECT decode(md5('fashionistas-sponsor-analytics-' || sp.id || '-' || d), 'hex') AS h) x
 WHERE sp.payment_status IN ('paid', 'partial') AND (e.start_date)::date - 3 * d <= DATE '2026-12-07';

-- ---------------------------------------------------------------------------------------------
-- Marketing: campaigns, their assets, emails, posts, promotional codes, segments and results
-- ---------------------------------------------------------------------------------------------
INSERT INTO marketing_campaigns (id, name, description, start_date, end_date, status, budget, target_audience, goals, channels, event_id, created_by, created_at, updated_at) VALUES
  ('90000000-0000-4000-8000-000000000001', 'Winter Couture Night launch', 'Sell out the front row and premium seats.', '2026-11-15', '2026-12-12', 'active', 18000.00,
   '{"cities": ["New York"], "interests": ["couture"]}', '{"tickets": 600, "revenue": 120000}', '["email", "instagram", "tiktok"]', 'd0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000008', '2026-11-05 10:00+00', '2026-11-15 10:00+00'),
  ('90000000-0000-4000-8000-000000000002', 'New Year''s Eve gala countdown', 'Three weeks of gala teasers.', '2026-12-08', '2026-12-31', 'scheduled', 25000.00,
   '{"cities": ["Los Angeles"], "age": "25-45"}', '{"tickets": 400}', '["email", "instagram"]', 'd0000000-0000-4000-8000-000000000010', 'b0000000-0000-4000-8000-000000000008', '2026-11-25 10:00+00', '2026-11-25 10:00+00'),
  ('90000000-0000-4000-8000-000000000003', 'Swim Week recap', 'Highlights of the Miami Swim Week Preview.', '2026-10-20', '2026-11-15', 'completed', 8000.00,
   '{"cities": ["Miami"]}', '{"reach": 250000}', '["instagram", "tiktok"]', 'd0000000-0000-4000-8000-000000000006', 'b0000000-0000-4000-8000-000000000008', '2026-10-10 10:00+00', '2026-11-16 10:00+00'),
  ('90000000-0000-4000-8000-000000000004', 'Spring 2027 teaser', 'Teasers for the spring season.', '2027-01-05', '2027-02-06', 'draft', 12000.00,
   NULL, NULL, '["email"]', NULL, 'b0000000-0000-4000-8000-000000000008', '2026-12-02 10:00+00', '2026-12-02 10:00+00');

INSERT INTO campaign_assets (id, campaign_id, name, asset_type, file_url, thumbnail_url, size_bytes, dimensions, duration, created_by, created_at, updated_at) VALUES
  ('90100000-0000-4000-8000-000000000001', '90000000-0000-4000-8000-000000000001', 'Front row hero', 'image', 'https://assets.example.com/wcn-hero.jpg', 'https://assets.example.com/wcn-hero-thumb.jpg', 3200000, '2400x1350', NULL, 'b0000000-0000-4000-8000-000000000008', '2026-11-10 10:00+00', '2026-11-10 10:00+00'),
  ('90100000-0000-4000-8000-000000000002', '90000000-0000-4000-8000-000000000001', 'Runway teaser', 'video', 'https://assets.example.com/wcn-teaser.mp4', NULL, 61000000, '1080x1920', '0:30', 'b0000000-0000-4000-8000-000000000008', '2026-11-12 10:00+00', '2026-11-12 10:00+00'),
  ('90100000-0000-4000-8000-000000000003', '90000000-0000-4000-8000-000000000002', 'Gala invitation', 'image', 'https://assets.example.com/gala-invite.jpg', NULL, 2100000, '1080x1350', NULL, 'b0000000-0000-4000-8000-000000000008', '2026-11-28 10:00+00', '2026-11-28 10:00+00'),
  ('90100000-0000-4000-8000-000000000004', '90000000-0000-4000-8000-000000000003', 'Swim Week reel', 'video', 'https://assets.example.com/swim-reel.mp4', NULL, 45000000, '1080x1920', '0:45', 'b0000000-0000-4000-8000-000000000008', '2026-11-09 10:00+00', '2026-11-09 10:00+00'),
  ('90100000-0000-4000-8000-000000000005', '90000000-0000-4000-8000-000000000004', 'Spring brief', 'document', 'https://assets.example.com/spring-brief.pdf', NULL, 540000, NULL, NULL, 'b0000000-0000-4000-8000-000000000008', '2026-12-02 10:00+00', '2026-12-02 10:00+00');

INSERT INTO email_campaigns (id, campaign_id, subject, preview_text, sender_name, sender_email, template_id, content, scheduled_at, sent_at, recipient_segment, tracking_settings, created_at, updated_at) VALUES
  ('90200000-0000-4000-8000-000000000001', '90000000-0000-4000-8000-000000000001', 'Front row at Winter Couture Night', 'Fifty seats, four couture houses', 'Fashionistas', 'events@fashionistas.example.com', 'tpl-event-hero', 'Join us on 12 December at the Glasshouse.', '2026-11-16 14:00+00', '2026-11-16 14:00+00', '{"segment": "VIP attendees"}', '{"opens": true, "clicks": true}', '2026-11-14 10:00+00', '2026-11-16 14:00+00'),
  ('90200000-0000-4000-8000-000000000002', '90000000-0000-4000-8000-000000000001', 'Last call: Winter Couture Night', 'Premium seats almost gone', 'Fashionistas', 'events@fashionistas.example.com', 'tpl-last-call', 'Five days to go.', '2026-12-08 14:00+00', NULL, '{"segment": "New York buyers"}', '{"opens": true, "clicks": true}', '2026-12-05 10:00+00', '2026-12-05 10:00+00'),
  ('90200000-0000-4000-8000-000000000003', '90000000-0000-4000-8000-000000000003', 'Swim Week in pictures', 'The looks everyone is sharing', 'Fashionistas', 'hello@fashionistas.example.com', 'tpl-recap', 'Our favourite moments from Miami.', '2026-11-10 15:00+00', '2026-11-10 15:00+00', '{"segment": "all"}', '{"opens": true}', '2026-11-09 10:00+00', '2026-11-10 15:00+00');

INSERT INTO email_analytics (id, email_campaign_id, date, sends, opens, clicks, bounces, unsubscribes, complaints, created_at, updated_at) VALUES
  ('90300000-0000-4000-8000-000000000001', '90200000-0000-4000-8000-000000000001', '2026-11-16', 8400, 3620, 910, 42, 11, 1, '2026-11-17 06:00+00', '2026-11-17 06:00+00'),
  ('90300000-0000-4000-8000-000000000002', '90200000-0000-4000-8000-000000000001', '2026-11-17', 0, 1180, 305, 0, 4, 0, '2026-11-18 06:00+00', '2026-11-18 06:00+00'),
  ('90300000-0000-4000-8000-000000000003', '90200000-0000-4000-8000-000000000003', '2026-11-10', 21000, 7350, 1240, 120, 35, 2, '2026-11-11 06:00+00', '2026-11-11 06:00+00'),
  ('90300000-0000-4000-8000-000000000004', '90200000-0000-4000-8000-000000000003', '2026-11-11', 0, 2010, 330, 0, 9, 0, '2026-11-12 06:00+00', '2026-11-12 06:00+00');

INSERT INTO social_media_posts (id, campaign_id, platform, content, media_urls, scheduled_at, published_at, post_url, post_id, status, created_by, created_at, updated_at)
SELECT ('90400000-0000-4000-8000-00000000000' || p.k)::uuid, ('90000000-0000-4000-8000-00000000000' || p.c)::uuid, p.platform, p.content,
       ARRAY['https://assets.example.com/posts/' || p.k || '.jpg'], p.at,
       CASE WHEN p.status = 'published' THEN p.at END,
       CASE WHEN p.status = 'published' THEN 'https://social.example.com/fashionistas/' || p.k END,
       CASE WHEN p.status = 'published' THEN 'post_' || substr(md5('fashionistas-post-' || p.k), 1, 12) END,
       p.status, 'b0000000-0000-4000-8000-000000000008', p.at - interval '2 days', p.at - interval '2 days'
  FROM (VALUES (1, 1, 'instagram', 'Front row, 12 December. Four couture houses.', TIMESTAMPTZ '2026-11-18 17:00+00', 'published'),
               (2, 1, 'tiktok', 'Backstage fittings for Winter Couture Night', '2026-11-25 22:00+00', 'published'),
               (3, 1, 'instagram', 'Five days to go', '2026-12-08 17:00+00', 'scheduled'),
               (4, 2, 'instagram', 'Black tie, runway at midnight', '2026-12-09 18:00+00', 'scheduled'),
               (5, 2, 'facebook', 'New Year''s Eve Fashion Gala: tables in the vault', '2026-12-10 18:00+00', 'draft'),
               (6, 3, 'instagram', 'Lagos Nights closing look', '2026-10-22 16:00+00', 'published'),
               (7, 3, 'tiktok', 'Swim Week in 30 seconds', '2026-10-25 20:00+00', 'published'),
               (8, 3, 'pinterest', 'Swim Week moodboard', '2026-10-28 15:00+00', 'failed')) AS p(k, c, platform, content, at, status);

INSERT INTO social_media_analytics (id, post_id, date, impressions, reach, engagement, likes, comments, shares, saves, clicks, created_at, updated_at)
SELECT md5('fashionistas-post-analytics-' || p.id || '-' || d)::uuid, p.id, (p.published_at)::date + d,
       9000 + get_byte(x.h, 0) * 150, 6000 + get_byte(x.h, 1) * 100, 400 + get_byte(x.h, 2) * 8, 350 + get_byte(x.h, 3) * 6,
       10 + get_byte(x.h, 4) % 90, 5 + get_byte(x.h, 5) % 60, 8 + get_byte(x.h, 6) % 70, 40 + get_byte(x.h, 7) % 300,
       ((p.published_at)::date + d + 1)::timestamptz, ((p.published_at)::date + d + 1)::timestamptz
  FROM social_media_posts p, generate_series(0, 1) AS d,
       LATERAL (SELECT decode(md5('fashionistas-post-analytics-' || p.id || '-' || d), 'hex') AS h) x
 WHERE p.status = 'published';

INSERT INTO promotional_codes (id, campaign_id, code, description, discount_type, discount_value, min_purchase_amount, max_discount_amount, start_date, end_date,
                               usage_limit, usage_count, is_single_use, is_first_purchase_only, applicable_ticket_types, applicable_events, created_at, updated_at) VALUES
  ('90500000-0000-4000-8000-000000000001', '90000000-0000-4000-8000-000000000001', 'COUTURE20', 'The launch offer, tracked for the campaign', 'percentage', 20.00, 100.00, 250.00, '2026-09-28 00:00+00', '2026-12-12 23:59+00',
   200, (SELECT count(*) FROM demo_lines WHERE code = 'COUTURE20'), FALSE, FALSE, NULL, ARRAY['d0000000-0000-4000-8000-000000000003'::uuid], '2026-09-25 10:00+00', '2026-09-25 10:00+00'),
  ('90500000-0000-4000-8000-000000000002', '90000000-0000-4000-8000-000000000002', 'GALAGIFT', 'A gift bag with gala tickets', 'free_item', 0.00, 300.00, NULL, '2026-12-08 00:00+00', '2026-12-31 23:59+00',
   100, 0, TRUE, FALSE, NULL, ARRAY['d0000000-0000-4000-8000-000000000010'::uuid], '2026-11-25 10:00+00', '2026-11-25 10:00+00'),
  ('90500000-0000-4000-8000-000000000003', '90000000-0000-4000-8000-000000000003', 'SWIMRECAP', 'Ten dollars off the next Miami show', 'fixed_amount', 10.00, 40.00, NULL, '2026-11-10 00:00+00', '2026-12-11 23:59+00',
   300, 0, FALSE, TRUE, NULL, ARRAY['d0000000-0000-4000-8000-000000000008'::uuid], '2026-11-09 10:00+00', '2026-11-09 10:00+00');

-- Each COUTURE20 order, as the campaign saw it.
INSERT INTO promotional_code_usage (id, code_id, user_id, order_id, used_at, discount_amount, order_total)
SELECT md5('fashionistas-promo-usage-' || o.id)::uuid, '90500000-0000-4000-8000-000000000001', o.user_id, o.id, o.created_at, o.discount_amount, o.total_amount
  FROM orders o
 WHERE o.id IN (SELECT order_id FROM demo_lines WHERE code = 'COUTURE20');

-- Who is in each segment: VIP buyers (static), buyers for New York events (dynamic).
CREATE TEMP TABLE demo_segment_members AS
SELECT DISTINCT 1 AS segment_k, o.user_id, TIMESTAMPTZ '2026-12-01 06:00+00' AS added_at
  FROM demo_lines l JOIN demo_orders o ON o.n = l.n JOIN demo_tiers t ON md5('fashionistas-ticket-type-' || t.event_n || '-' || t.tier)::uuid = l.ticket_type_id
 WHERE t.tier IN ('vip', 'exclusive') AND o.status = 'completed'
UNION
SELECT DISTINCT 2, o.user_id, TIMESTAMPTZ '2026-12-06 06:00+00'
  FROM demo_orders o JOIN demo_events e ON e.n = o.event_n
 WHERE e.venue IN (1, 2);

INSERT INTO marketing_segments (id, name, description, segment_type, filter_criteria, estimated_size, last_calculated_at, created_by, created_at, updated_at)
SELECT ('90600000-0000-4000-8000-00000000000' || s.k)::uuid, s.name, s.description, s.segment_type, s.criteria::jsonb,
       (SELECT count(*) FROM demo_segment_members m WHERE m.segment_k = s.k), s.calculated, 'b0000000-0000-4000-8000-000000000008', '2026-11-01 10:00+00', s.calculated
  FROM (VALUES (1, 'VIP attendees', 'Bought VIP or exclusive tickets', 'static', NULL, TIMESTAMPTZ '2026-12-01 06:00+00'),
               (2, 'New York buyers', 'Ordered tickets for a New York event', 'dynamic', '{"city": "New York", "has_order": true}', '2026-12-06 06:00+00'))
       AS s(k, name, description, segment_type, criteria, calculated);

INSERT INTO segment_members (segment_id, user_id, added_at)
SELECT ('90600000-0000-4000-8000-00000000000' || m.segment_k)::uuid, m.user_id, m.added_at FROM demo_segment_members m;

INSERT INTO campaign_analytics (id, campaign_id, date, channel, impressions, clicks, conversions, revenue, cost, metrics, created_at, updated_at)
SELECT md5('fashionistas-campaign-analytics-' || c.k || '-' || d || '-' || ch)::uuid, ('90000000-0000-4000-8000-00000000000' || c.k)::uuid,
       c.first_day + 4 * d, ch, 4000 + get_byte(x.h, 0) * 90, 80 + get_byte(x.h, 1) * 3, 2 + get_byte(x.h, 2) % 30,
       round((get_byte(x.h, 2) % 30 + 2) * (120 + get_byte(x.h, 3))::numeric, 2), round((150 + get_byte(x.h, 4) * 2)::numeric, 2),
       jsonb_build_object('ctr', round((80 + get_byte(x.h, 1) * 3)::numeric / (4000 + get_byte(x.h, 0) * 90) * 100, 2)),
       (c.first_day + 4 * d + 1)::timestamptz, (c.first_day + 4 * d + 1)::timestamptz
  FROM (VALUES (1, DATE '2026-11-15', 5), (3, DATE '2026-10-20', 6)) AS c(k, first_day, days),
       generate_series(0, 4) AS d, unnest(ARRAY['email', 'instagram']) AS ch,
       LATERAL (SELECT decode(md5('fashionistas-campaign-analytics-' || c.k || '-' || d || '-' || ch), 'hex') AS h) x
 WHERE d < c.days AND c.first_day + 4 * d <= DATE '2026-12-06';

-- What buyers did on the site and apps over the last five weeks.
INSERT INTO user_engagement (id, user_id, event_id, engagement_type, engagement_source, engagement_data, occurred_at, ip_address, user_agent, session_id, created_at)
SELECT md5('fashionistas-engagement-' || i)::uuid,
       CASE WHEN i % 9 = 0 THEN 'b0000000-0000-4000-8000-000000000006'::uuid ELSE md5('fashionistas-attendee-' || (1 + get_byte(x.h, 0) % 46))::uuid END,
       ('d0000000-0000-4000-8000-0000000000' || lpad((ARRAY[3, 3, 10, 10, 8, 4, 12, 9, 1, 6])[1 + get_byte(x.h, 1) % 10]::text, 2, '0'))::uuid,
       (ARRAY['page_view', 'page_view', 'ticket_view', 'add_to_cart', 'share', 'favorite'])[1 + get_byte(x.h, 2) % 6],
       (ARRAY['web', 'ios', 'android', 'instagram', 'email'])[1 + get_byte(x.h, 3) % 5],
       jsonb_build_object('seconds', 5 + get_byte(x.h, 4) % 240),
       TIMESTAMPTZ '2026-11-01 00:00+00' + (get_byte(x.h, 5) * 256 + get_byte(x.h, 6)) / 65536.0 * interval '36 days',
       '198.51.100.' || get_byte(x.h, 7), NULL, 'sess_' || substr(md5('fashionistas-engagement-session-' || i), 1, 16),
       TIMESTAMPTZ '2026-11-01 00:00+00' + (get_byte(x.h, 5) * 256 + get_byte(x.h, 6)) / 65536.0 * interval '36 days'
  FROM generate_series(1, 90) AS i, LATERAL (SELECT decode(md5('fashionistas-engagement-' || i), 'hex') AS h) x;

-- ---------------------------------------------------------------------------------------------
-- Content: the public site's pages, blocks, versions and media library
-- ---------------------------------------------------------------------------------------------
INSERT INTO pages (id, slug, title, meta_description, meta_keywords, status, layout, author_id, published_at, created_at, updated_at, version, is_homepage, requires_auth, cache_ttl, seo_image_url, structured_data) VALUES
  ('80000000-0000-4000-8000-000000000001', 'home', 'Fashionistas', 'Runway shows, workshops and parties', '{fashion,events,runway}', 'published', 'landing', 'b0000000-0000-4000-8000-000000000008', '2026-03-01 10:00+00', '2026-02-25 10:00+00', '2026-11-20 10:00+00', 3, TRUE, FALSE, 600, 'https://images.example.com/seo/home.jpg', '{"@type": "Organization"}'),
  ('80000000-0000-4000-8000-000000000002', 'events', 'Events', 'Upcoming Fashionistas events', '{events,tickets}', 'published', 'default', 'b0000000-0000-4000-8000-000000000008', '2026-03-01 10:00+00', '2026-02-25 10:00+00', '2026-03-01 10:00+00', 1, FALSE, FALSE, 300, NULL, '{}'),
  ('80000000-0000-4000-8000-000000000003', 'designers', 'Designers', 'The designers on our runways', '{designers}', 'published', 'default', 'b0000000-0000-4000-8000-000000000008', '2026-04-01 10:00+00', '2026-03-28 10:00+00', '2026-10-01 10:00+00', 2, FALSE, FALSE, 3600, NULL, '{}'),
  ('80000000-0000-4000-8000-000000000004', 'partners', 'Partner with us', 'Sponsorship packages', '{sponsors,partners}', 'draft', 'default', 'b0000000-0000-4000-8000-000000000008', NULL, '2026-11-30 10:00+00', '2026-12-04 10:00+00', 1, FALSE, FALSE, 3600, NULL, '{}'),
  ('80000000-0000-4000-8000-000000000005', 'press-2025', 'Press 2025', 'Last year''s press', '{press}', 'archived', 'default', 'b0000000-0000-4000-8000-000000000001', '2025-12-01 10:00+00', '2025-11-28 10:00+00', '2026-02-01 10:00+00', 1, FALSE, FALSE, 3600, NULL, '{}');

INSERT INTO content_blocks (id, page_id, block_type, title, content, content_json, order_index, settings, created_at, updated_at, version) VALUES
  ('80100000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000001', 'hero', 'Winter Couture Night', 'Four couture houses, 12 December.', '{"cta": "/events/winter-couture-night-2026"}', 1, '{"image": "https://images.example.com/hero/wcn.jpg"}', '2026-11-20 10:00+00', '2026-11-20 10:00+00', 3),
  ('80100000-0000-4000-8000-000000000002', '80000000-0000-4000-8000-000000000001', 'event_list', 'Coming up', NULL, '{"limit": 6, "status": "published"}', 2, '{}', '2026-02-25 10:00+00', '2026-02-25 10:00+00', 1),
  ('80100000-0000-4000-8000-000000000003', '80000000-0000-4000-8000-000000000001', 'designer_list', 'On the runway', NULL, '{"featured": true}', 3, '{}', '2026-02-25 10:00+00', '2026-02-25 10:00+00', 1),
  ('80100000-0000-4000-8000-000000000004', '80000000-0000-4000-8000-000000000001', 'sponsor_list', 'Our partners', NULL, '{"status": "active"}', 4, '{}', '2026-02-25 10:00+00', '2026-02-25 10:00+00', 1),
  ('80100000-0000-4000-8000-000000000005', '80000000-0000-4000-8000-000000000002', 'event_list', 'All events', NULL, '{"limit": 24}', 1, '{}', '2026-02-25 10:00+00', '2026-02-25 10:00+00', 1),
  ('80100000-0000-4000-8000-000000000006', '80000000-0000-4000-8000-000000000003', 'designer_list', 'Designers', NULL, '{}', 1, '{}', '2026-03-28 10:00+00', '2026-03-28 10:00+00', 1),
  ('80100000-0000-4000-8000-000000000007', '80000000-0000-4000-8000-000000000004', 'text', 'Why partner with us', 'Our audience is young, urban and loves fashion.', '{}', 1, '{}', '2026-11-30 10:00+00', '2026-12-04 10:00+00', 1),
  ('80100000-0000-4000-8000-000000000008', '80000000-0000-4000-8000-000000000004', 'cta', 'Get the deck', NULL, '{"href": "mailto:partners@fashionistas.example.com"}', 2, '{}', '2026-11-30 10:00+00', '2026-11-30 10:00+00', 1);

INSERT INTO page_versions (id, page_id, version, title, meta_description, meta_keywords, layout, content_snapshot, author_id, created_at, change_summary) VALUES
  ('80200000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000001', 1, 'Fashionistas', 'Fashion events', '{fashion,events}', 'landing', '{"blocks": ["hero", "event_list"]}', 'b0000000-0000-4000-8000-000000000008', '2026-03-01 10:00+00', 'First version'),
  ('80200000-0000-4000-8000-000000000002', '80000000-0000-4000-8000-000000000001', 2, 'Fashionistas', 'Runway shows, workshops and parties', '{fashion,events,runway}', 'landing', '{"blocks": ["hero", "event_list", "designer_list"]}', 'b0000000-0000-4000-8000-000000000008', '2026-06-01 10:00+00', 'Designers on the home page'),
  ('80200000-0000-4000-8000-000000000003', '80000000-0000-4000-8000-000000000001', 3, 'Fashionistas', 'Runway shows, workshops and parties', '{fashion,events,runway}', 'landing', '{"blocks": ["hero", "event_list", "designer_list", "sponsor_list"]}', 'b0000000-0000-4000-8000-000000000008', '2026-11-20 10:00+00', 'Winter Couture Night hero, partners'),
  ('80200000-0000-4000-8000-000000000004', '80000000-0000-4000-8000-000000000003', 2, 'Designers', 'The designers on our runways', '{designers}', 'default', '{"blocks": ["designer_list"]}', 'b0000000-0000-4000-8000-000000000008', '2026-10-01 10:00+00', 'New intro');

INSERT INTO media_items (id, file_name, file_type, mime_type, file_size, url, thumbnail_url, alt_text, caption, width, height, duration, uploaded_by, folder_path, tags, created_at, updated_at) VALUES
  ('80300000-0000-4000-8000-000000000001', 'wcn-hero.jpg', 'image', 'image/jpeg', 3200000, 'https://media.example.com/wcn-hero.jpg', 'https://media.example.com/wcn-hero-thumb.jpg', 'Model in a velvet gown on the Glasshouse runway', 'Winter Couture Night', 2400, 1350, NULL, 'b0000000-0000-4000-8000-000000000008', '/events/2026', '{hero,couture}', '2026-11-19 10:00+00', '2026-11-19 10:00+00'),
  ('80300000-0000-4000-8000-000000000002', 'noir-bloom-finale.jpg', 'image', 'image/jpeg', 2800000, 'https://media.example.com/noir-bloom-finale.jpg', NULL, 'The bloom gown closing Noir Bloom', NULL, 2000, 3000, NULL, 'b0000000-0000-4000-8000-000000000002', '/designers/herrera', '{runway}', '2026-10-18 10:00+00', '2026-10-18 10:00+00'),
  ('80300000-0000-4000-8000-000000000003', 'swim-week-reel.mp4', 'video', 'video/mp4', 45000000, 'https://media.example.com/swim-week-reel.mp4', NULL, 'Swim Week highlights', NULL, 1080, 1920, 45, 'b0000000-0000-4000-8000-000000000008', '/events/2026', '{video,swim}', '2026-11-09 10:00+00', '2026-11-09 10:00+00'),
  ('80300000-0000-4000-8000-000000000004', 'partners-deck.pdf', 'document', 'application/pdf', 5400000, 'https://media.example.com/partners-deck.pdf', NULL, NULL, 'Sponsorship deck 2027', NULL, NULL, NULL, 'b0000000-0000-4000-8000-000000000008', '/partners', '{deck}', '2026-11-30 10:00+00', '2026-11-30 10:00+00'),
  ('80300000-0000-4000-8000-000000000005', 'concrete-garden-look1.jpg', 'image', 'image/jpeg', 2500000, 'https://media.example.com/concrete-garden-look1.jpg', NULL, 'Stone-grey utility suit', NULL, 2000, 3000, NULL, 'b0000000-0000-4000-8000-000000000003', '/designers/park', '{lookbook}', '2026-11-21 10:00+00', '2026-11-21 10:00+00');

-- ---------------------------------------------------------------------------------------------
-- Compliance and the API layer (administrator only)
-- ---------------------------------------------------------------------------------------------
INSERT INTO encryption_keys (id, key_name, key_version, is_active, created_at, rotated_at) VALUES
  ('70000000-0000-4000-8000-000000000001', 'payment_info', 1, FALSE, '2026-01-05 09:00+00', '2026-07-01 09:00+00'),
  ('70000000-0000-4000-8000-000000000002', 'payment_info', 2, TRUE, '2026-07-01 09:00+00', NULL);

INSERT INTO data_subject_requests (id, user_id, request_type, status, request_details, submitted_at, completed_at, notes, handled_by) VALUES
  ('70100000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000006', 'access', 'pending', '{"format": "json"}', '2026-12-05 20:15+00', NULL, NULL, NULL),
  ('70100000-0000-4000-8000-000000000002', md5('fashionistas-attendee-12')::uuid, 'rectify', 'processing', '{"field": "full_name"}', '2026-12-02 11:00+00', NULL, 'Checking the ID sent', 'b0000000-0000-4000-8000-000000000001'),
  ('70100000-0000-4000-8000-000000000003', md5('fashionistas-attendee-30')::uuid, 'portability', 'completed', '{"format": "csv"}', '2026-11-12 09:30+00', '2026-11-14 16:00+00', 'Export sent by email', 'b0000000-0000-4000-8000-000000000001'),
  ('70100000-0000-4000-8000-000000000004', md5('fashionistas-attendee-47')::uuid, 'delete', 'rejected', '{}', '2026-11-20 13:00+00', '2026-11-21 10:00+00', 'Open refund dispute: kept until it is settled', 'b0000000-0000-4000-8000-000000000001');

INSERT INTO audit_logs (id, user_id, action, table_name, record_id, old_data, new_data, ip_address, user_agent, created_at) VALUES
  ('70200000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'UPDATE', 'events', 'd0000000-0000-4000-8000-000000000003', '{"status": "draft"}', '{"status": "published"}', '203.0.113.20', 'Mozilla/5.0 (Macintosh)', '2026-09-28 10:00+00'),
  ('70200000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000010', 'UPDATE', 'events', 'd0000000-0000-4000-8000-000000000014', '{"status": "published"}', '{"status": "cancelled"}', '203.0.113.41', 'Mozilla/5.0 (iPhone)', '2026-11-27 12:00+00'),
  ('70200000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000010', 'UPDATE', 'events', 'd0000000-0000-4000-8000-000000000013', '{"status": "published"}', '{"status": "postponed"}', '203.0.113.41', 'Mozilla/5.0 (iPhone)', '2026-12-01 18:00+00'),
  ('70200000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000001', 'UPDATE', 'users', md5('fashionistas-attendee-47')::uuid, '{"status": "active"}', '{"status": "suspended"}', '203.0.113.5', 'Mozilla/5.0 (Macintosh)', '2026-11-20 14:00+00');

INSERT INTO api_keys (id, name, key_prefix, key_hash, user_id, permissions, rate_limit, is_active, expires_at, last_used_at, created_at, updated_at) VALUES
  ('70300000-0000-4000-8000-000000000001', 'Website events feed', 'fsh_live', 'placeholder:not-a-hash', 'b0000000-0000-4000-8000-000000000001', '["events:read"]', 500, TRUE, '2027-06-30 00:00+00', '2026-12-07 08:59+00', '2026-03-01 10:00+00', '2026-03-01 10:00+00'),
  ('70300000-0000-4000-8000-000000000002', 'Box office scanner', 'fsh_scan', 'placeholder:not-a-hash', 'b0000000-0000-4000-8000-000000000007', '["orders:read"]', 100, TRUE, NULL, '2026-12-05 23:40+00', '2026-06-01 10:00+00', '2026-06-01 10:00+00');

INSERT INTO api_usage_logs (id, api_key_id, endpoint, method, status_code, response_time_ms, request_size_bytes, response_size_bytes, ip_address, user_agent, created_at)
SELECT md5('fashionistas-api-usage-' || i)::uuid,
       CASE WHEN i % 4 = 0 THEN '70300000-0000-4000-8000-000000000002' ELSE '70300000-0000-4000-8000-000000000001' END::uuid,
       CASE WHEN i % 4 = 0 THEN '/api/v1/orders' ELSE '/api/v1/events' END, 'GET',
       CASE WHEN i % 11 = 0 THEN 429 ELSE 200 END, 20 + (i * 37) % 180, 0, 1000 + (i * 613) % 20000, '198.51.100.' || (i % 200), 'fashionistas-web/2.4', TIMESTAMPTZ '2026-12-06 00:00+00' + i * interval '17 minutes'
  FROM generate_series(1, 30) AS i;

INSERT INTO webhooks (id, user_id, name, url, events, is_active, secret_key, headers, created_at, updated_at) VALUES
  ('70400000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Accounting: completed orders', 'https://hooks.example.com/accounting', '{order.completed,order.refunded}', TRUE, 'placeholder:not-a-secret', '{"X-Source": "fashionistas"}', '2026-04-01 10:00+00', '2026-04-01 10:00+00');

INSERT INTO webhook_delivery_logs (id, webhook_id, event_type, payload, response_code, response_body, error_message, attempt_count, is_success, created_at, completed_at) VALUES
  ('70500000-0000-4000-8000-000000000001', '70400000-0000-4000-8000-000000000001', 'order.completed', '{"order": "FSH-000001"}', 200, 'ok', NULL, 1, TRUE, '2026-12-06 18:00+00', '2026-12-06 18:00+00'),
  ('70500000-0000-4000-8000-000000000002', '70400000-0000-4000-8000-000000000001', 'order.refunded', '{"order": "FSH-000019"}', 503, NULL, 'Service unavailable', 3, FALSE, '2026-12-06 19:30+00', '2026-12-06 19:45+00');

INSERT INTO graphql_schema_definitions (id, name, description, schema_definition, is_active, version, created_at, updated_at) VALUES
  ('70600000-0000-4000-8000-000000000001', 'public-events', 'Published events for the website', 'type Event { id: ID! title: String! startDate: String! venue: String }', TRUE, '1.0', '2026-03-01 10:00+00', '2026-03-01 10:00+00');

-- The seed's own sample row.
INSERT INTO rest_api_endpoints (id, path, method, description, function_name, required_permissions, rate_limit, is_public, version, created_at, updated_at) VALUES
  ('70700000-0000-4000-8000-000000000001', '/api/v1/events', 'GET', 'Get a list of published events with optional filtering', 'get_events', ARRAY['events:read'], 200, TRUE, '1.0', '2026-03-01 10:00+00', '2026-03-01 10:00+00');

-- The partitioned copies (served through their parents) hold the same analytics, in the 2026
-- partitions, and the same rows two years earlier, in the seed's own 2024 partitions.
INSERT INTO sponsor_analytics_partitioned SELECT * FROM sponsor_analytics;
INSERT INTO sponsor_analytics_partitioned
  SELECT (md5(id::text || '2024'))::uuid, sponsor_id, event_id, (date - interval '2 years')::date, impressions, clicks, leads_generated,
         conversions, engagement_metrics, roi_metrics, created_at - interval '2 years', updated_at - interval '2 years'
    FROM sponsor_analytics;
INSERT INTO campaign_analytics_partitioned SELECT * FROM campaign_analytics;
INSERT INTO user_engagement_partitioned SELECT * FROM user_engagement;

DROP TABLE demo_events, demo_tiers, demo_event_slots, demo_orders, demo_lines, demo_segment_members;
