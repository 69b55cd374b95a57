-- =============================================================================================
-- The backroom demo's data, loaded once into migrations/backroom/schema.sql.
-- fixture: the seed's INSERTs use gen_random_uuid() ids; here every row has a fixed id so the data
--          is deterministic. The seed's 16 venue tables are cut to 10 of them (values unchanged).
-- One person per role signs in to the demo: their emails are <role>@demo.gatehouse.dev.
-- =============================================================================================
-- Sample data (deterministic: fixed ids and time stamps, no random())
-- =============================================================================================
INSERT INTO users (id, email, phone, first_name, last_name, date_of_birth, role, status, email_verified, phone_verified,
                   totp_secret, totp_enabled, backup_codes, preferences, tags, loyalty_tier, total_spent, booking_count,
                   created_at, updated_at, last_login_at, deleted_at) VALUES
  ('11111111-1111-4111-8111-111111111111', 'super_admin@demo.gatehouse.dev', '+447700900001', 'Amy', 'Hart', '1985-04-02', 'SUPER_ADMIN', 'ACTIVE', TRUE, TRUE,
   'JBSWY3DPEHPK3PXP', TRUE, '["4f1c-9a2e", "7b3d-c6e0"]', '{"theme": "dark"}', '{staff}', 'BRONZE', 0, 0,
   '2025-06-01 09:00+00', '2025-06-01 09:00+00', '2025-09-05 18:00+00', NULL),
  ('22222222-2222-4222-8222-222222222222', 'manager@demo.gatehouse.dev', '+447700900002', 'Ben', 'Ode', '1990-07-12', 'MANAGER', 'ACTIVE', TRUE, TRUE,
   NULL, FALSE, NULL, '{}', '{staff}', 'BRONZE', 0, 0,
   '2025-06-01 09:05+00', '2025-06-01 09:05+00', '2025-09-05 17:30+00', NULL),
  ('33333333-3333-4333-8333-333333333333', 'door_staff@demo.gatehouse.dev', '+447700900003', 'Cara', 'Lane', '1994-11-30', 'DOOR_STAFF', 'ACTIVE', TRUE, FALSE,
   NULL, FALSE, NULL, '{}', '{staff,door}', 'BRONZE', 0, 0,
   '2025-06-02 10:00+00', '2025-06-02 10:00+00', '2025-09-05 20:45+00', NULL),
  ('44444444-4444-4444-8444-444444444444', 'customer@demo.gatehouse.dev', '+447700900004', 'Dev', 'Shah', '1998-01-20', 'CUSTOMER', 'ACTIVE', TRUE, TRUE,
   NULL, FALSE, NULL, '{"newsletter": true}', '{regular,vip}', 'BRONZE', 130.00, 2,
   '2025-07-10 12:00+00', '2025-08-30 01:00+00', '2025-09-01 19:00+00', NULL),
  ('55555555-5555-4555-8555-555555555555', 'ella.moss@example.com', '+447700900005', 'Ella', 'Moss', '2000-03-05', 'CUSTOMER', 'ACTIVE', TRUE, FALSE,
   NULL, FALSE, NULL, '{}', '{}', 'BRONZE', 0, 2,
   '2025-07-22 15:30+00', '2025-07-22 15:30+00', '2025-09-02 21:10+00', NULL),
  ('66666666-6666-4666-8666-666666666666', 'finn.okafor@example.com', '+447700900006', 'Finn', 'Okafor', '1992-09-14', 'CUSTOMER', 'ACTIVE', TRUE, TRUE,
   NULL, FALSE, NULL, '{"seating": "vip"}', '{birthday}', 'GOLD', 680.00, 1,
   '2025-08-01 11:00+00', '2025-08-31 02:00+00', '2025-08-30 20:00+00', NULL),
  ('77777777-7777-4777-8777-777777777777', 'gina.ross@example.com', NULL, 'Gina', 'Ross', '1996-05-27', 'CUSTOMER', 'SUSPENDED', FALSE, FALSE,
   NULL, FALSE, NULL, '{}', '{}', 'BRONZE', 0, 1,
   '2025-08-15 14:00+00', '2025-09-06 10:00+00', NULL, NULL);

INSERT INTO user_sessions (id, user_id, token_hash, ip_address, user_agent, device_id, expires_at, revoked_at, created_at) VALUES
  ('a1000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'sha256:0c6d1f0e7a', '81.2.69.160', 'Mozilla/5.0 (Macintosh)', 'mac-office', '2025-09-12 18:00+00', NULL, '2025-09-05 18:00+00'),
  ('a1000000-0000-4000-8000-000000000002', '33333333-3333-4333-8333-333333333333', 'sha256:5be2a7c913', '10.20.0.15', 'BackroomDoor/1.4 (iPad)', 'door-ipad-1', '2025-09-06 06:00+00', NULL, '2025-09-05 20:45+00'),
  ('a1000000-0000-4000-8000-000000000003', '44444444-4444-4444-8444-444444444444', 'sha256:93f4d8b2aa', '2001:db8:85a3::8a2e:370:7334', 'Mozilla/5.0 (iPhone)', NULL, '2025-09-08 19:00+00', '2025-09-02 08:00+00', '2025-09-01 19:00+00');

INSERT INTO password_resets (id, user_id, token_hash, expires_at, used_at, created_at) VALUES
  ('a2000000-0000-4000-8000-000000000001', '55555555-5555-4555-8555-555555555555', 'reset:e1a9', '2025-09-02 22:10+00', '2025-09-02 21:20+00', '2025-09-02 21:10+00'),
  ('a2000000-0000-4000-8000-000000000002', '77777777-7777-4777-8777-777777777777', 'reset:b7c4', '2025-08-20 15:00+00', NULL, '2025-08-20 14:00+00'),
  ('a2000000-0000-4000-8000-000000000003', '44444444-4444-4444-8444-444444444444', 'reset:0d52', '2025-09-01 20:00+00', NULL, '2025-09-01 19:00+00');

-- Floors: the seed's two, plus a closed terrace with no tables (deletable without FK errors).
INSERT INTO venue_floors (id, name, level, capacity, layout_config, features, status, created_at, updated_at) VALUES
  ('a3000000-0000-4000-8000-000000000001', 'Upstairs', 1, 120, '{"zones": ["main", "bar", "lounge"]}', '{bar,lounge,window_views}', 'OPEN', '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('a3000000-0000-4000-8000-000000000002', 'Downstairs', 0, 80, '{"zones": ["dance_floor", "vip", "bar"]}', '{dance_floor,dj_booth,vip_area}', 'OPEN', '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('a3000000-0000-4000-8000-000000000003', 'Terrace', 2, 30, '{"zones": ["smoking"]}', '{heaters}', 'CLOSED', '2025-06-01 09:00+00', '2025-08-01 09:00+00');

-- fixture: 10 of the seed's 16 tables (numbers 1, 3, 5, 6, 9 upstairs; 11, 13, 14, 15, 16 downstairs).
INSERT INTO tables (id, floor_id, table_number, internal_name, capacity_min, capacity_max, capacity_optimal, shape,
                    position, features, accessibility_features, min_spend, requires_deposit, status, maintenance_notes, created_at, updated_at) VALUES
  ('b0000000-0000-4000-8000-000000000001', 'a3000000-0000-4000-8000-000000000001', 1, 'Window 1', 2, 6, 4, 'ROUND',
   '{"x": 100, "y": 200, "zone": "main"}', '{window_view}', '{step_free}', NULL, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000003', 'a3000000-0000-4000-8000-000000000001', 3, 'Corner', 4, 8, 6, 'SQUARE',
   '{"x": 200, "y": 200, "zone": "main"}', '{corner}', '{}', 150.00, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000005', 'a3000000-0000-4000-8000-000000000001', 5, 'Centre Long', 6, 12, 8, 'RECTANGLE',
   '{"x": 150, "y": 300, "zone": "main"}', '{central}', '{step_free}', 200.00, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000006', 'a3000000-0000-4000-8000-000000000001', 6, 'Bar Left', 2, 4, 3, 'ROUND',
   '{"x": 250, "y": 100, "zone": "bar"}', '{bar_view}', '{}', NULL, FALSE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000009', 'a3000000-0000-4000-8000-000000000001', 9, 'Lounge Sofa', 6, 10, 8, 'BOOTH',
   '{"x": 350, "y": 250, "zone": "lounge"}', '{sofa,vip}', '{}', 300.00, TRUE, 'MAINTENANCE', 'Sofa cushion being reupholstered', '2025-06-01 09:00+00', '2025-09-01 12:00+00'),
  ('b0000000-0000-4000-8000-000000000011', 'a3000000-0000-4000-8000-000000000002', 11, 'DJ Left', 4, 8, 6, 'ROUND',
   '{"x": 100, "y": 100, "zone": "dance_floor"}', '{dj_view}', '{}', 150.00, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000013', 'a3000000-0000-4000-8000-000000000002', 13, 'VIP Booth A', 6, 10, 8, 'BOOTH',
   '{"x": 200, "y": 150, "zone": "vip"}', '{vip,bottle_service}', '{}', 500.00, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000014', 'a3000000-0000-4000-8000-000000000002', 14, 'VIP Booth B', 8, 12, 10, 'BOOTH',
   '{"x": 250, "y": 150, "zone": "vip"}', '{vip,bottle_service}', '{}', 750.00, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000015', 'a3000000-0000-4000-8000-000000000002', 15, 'High Table', 2, 6, 4, 'SQUARE',
   '{"x": 300, "y": 100, "zone": "bar"}', '{bar_view,high_table}', '{}', NULL, FALSE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('b0000000-0000-4000-8000-000000000016', 'a3000000-0000-4000-8000-000000000002', 16, 'Bar Right', 4, 8, 6, 'ROUND',
   '{"x": 350, "y": 100, "zone": "bar"}', '{bar_view}', '{}', NULL, TRUE, 'AVAILABLE', NULL, '2025-06-01 09:00+00', '2025-06-01 09:00+00');

INSERT INTO table_availability (id, table_id, date, time_slot, status, override_reason, created_by, created_at) VALUES
  ('b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000009', '2025-09-05', '[2025-09-05 18:00+00,2025-09-06 04:00+00)', 'BLOCKED', 'Sofa being reupholstered', '22222222-2222-4222-8222-222222222222', '2025-09-01 12:00+00'),
  ('b1000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000014', '2025-09-06', '[2025-09-06 21:00+00,2025-09-07 03:00+00)', 'RESERVED', 'Held for Garage Nation guest list', '22222222-2222-4222-8222-222222222222', '2025-09-02 10:00+00'),
  ('b1000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000005', '2025-09-12', '[2025-09-12 19:00+00,2025-09-13 03:00+00)', 'AVAILABLE', NULL, '11111111-1111-4111-8111-111111111111', '2025-09-03 09:30+00');

-- The seed's four drinks packages.
INSERT INTO drinks_packages (id, name, description, price, min_people, max_people, includes, terms, available_days, valid_from, valid_until, sort_order, is_active, created_at, updated_at) VALUES
  ('c0000000-0000-4000-8000-000000000001', 'Bronze Package', 'Entry level package with house spirits', 170.00, 2, 6,
   '{"spirits": ["vodka", "gin", "rum"], "mixers": ["unlimited"], "shots": 10}', 'Over 18s only.', '{MON,TUE,WED,THU,FRI,SAT,SUN}', '2025-06-01', NULL, 1, TRUE, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('c0000000-0000-4000-8000-000000000002', 'Silver Package', 'Premium spirits and champagne', 280.00, 4, 8,
   '{"spirits": ["grey_goose", "hendricks", "bacardi"], "champagne": 1, "mixers": ["unlimited"], "shots": 20}', 'Over 18s only.', '{MON,TUE,WED,THU,FRI,SAT,SUN}', '2025-06-01', NULL, 2, TRUE, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('c0000000-0000-4000-8000-000000000003', 'Gold Package', 'Luxury experience with premium bottles', 450.00, 6, 12,
   '{"bottles": ["grey_goose", "hennessy", "dom_perignon"], "mixers": ["unlimited"], "service": "dedicated_host"}', 'Over 18s only. VIP tables.', '{THU,FRI,SAT}', '2025-06-01', NULL, 3, TRUE, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('c0000000-0000-4000-8000-000000000004', 'Platinum Package', 'Ultimate VIP experience', 580.00, 6, 12,
   '{"bottles": ["cristal", "hennessy_paradis", "grey_goose_magnum"], "service": "vip_host", "perks": ["skip_queue", "vip_area"]}', 'Over 18s only. Book 7 days ahead.', '{FRI,SAT}', '2025-06-01', '2025-12-31', 4, FALSE, '2025-06-01 09:00+00', '2025-08-15 09:00+00');

INSERT INTO bookings (id, booking_reference, customer_id, event_date, arrival_time, departure_time, party_size, status,
                      confirmation_sent_at, reminder_sent_at, deposit_amount, total_estimated, total_actual, drinks_package_id,
                      special_requests, dietary_requirements, celebration_type, qr_code, checked_in_at, checked_in_by, check_in_notes,
                      guest_names, guest_contact_consent, cancelled_at, cancelled_by, cancellation_reason, refund_amount,
                      booking_source, referral_code, utm_params, tags, internal_notes, created_at, updated_at) VALUES
  ('d0000000-0000-4000-8000-000000000001', 'BR20250001', '44444444-4444-4444-8444-444444444444', '2025-08-29', '20:00', '23:00', 2, 'COMPLETED',
   '2025-08-20 12:05+00', '2025-08-28 12:00+00', 50.00, 120.00, 130.00, NULL,
   NULL, '[]', NULL, 'QR-BR20250001', '2025-08-29 20:05+00', '33333333-3333-4333-8333-333333333333', 'On time',
   '["Priya"]', FALSE, NULL, NULL, NULL, NULL,
   'WEBSITE', NULL, '{}', '{}', NULL, '2025-08-20 12:00+00', '2025-08-29 23:10+00'),
  ('d0000000-0000-4000-8000-000000000002', 'BR20250002', '66666666-6666-4666-8666-666666666666', '2025-08-30', '21:30', '23:45', 10, 'COMPLETED',
   '2025-08-18 10:05+00', '2025-08-29 12:00+00', 50.00, 450.00, 680.00, 'c0000000-0000-4000-8000-000000000003',
   'Birthday cake at midnight, please', '[{"guest": "Tom", "requirement": "nut allergy"}]', 'BIRTHDAY', 'QR-BR20250002', '2025-08-30 21:40+00', '33333333-3333-4333-8333-333333333333', 'Two guests late',
   '["Tom", "Aisha", "Leo", "Mia", "Sam", "Jo", "Kat", "Raj", "Zoe"]', TRUE, NULL, NULL, NULL, NULL,
   'INSTAGRAM', 'FINN30', '{"utm_source": "instagram", "utm_campaign": "summer"}', '{birthday,vip}', 'Regular, tips well', '2025-08-18 10:00+00', '2025-08-30 23:50+00'),
  ('d0000000-0000-4000-8000-000000000003', 'BR20250003', '44444444-4444-4444-8444-444444444444', '2025-09-05', '21:00', '23:30', 6, 'CONFIRMED',
   '2025-09-01 19:05+00', NULL, 50.00, 280.00, NULL, 'c0000000-0000-4000-8000-000000000002',
   'Near the window if possible', '[]', 'PROMOTION', 'QR-BR20250003', NULL, NULL, NULL,
   '["Sam", "Jo", "Kat", "Raj", "Zoe"]', TRUE, NULL, NULL, NULL, NULL,
   'WEBSITE', NULL, '{"utm_source": "newsletter"}', '{}', NULL, '2025-09-01 19:00+00', '2025-09-01 19:05+00'),
  ('d0000000-0000-4000-8000-000000000004', 'BR20250004', '77777777-7777-4777-8777-777777777777', '2025-09-05', '22:00', '23:59', 3, 'CHECKED_IN',
   '2025-09-03 11:05+00', '2025-09-05 10:00+00', 50.00, 90.00, NULL, NULL,
   NULL, '[]', NULL, 'QR-BR20250004', '2025-09-05 22:10+00', '33333333-3333-4333-8333-333333333333', 'ID checked',
   '["Lou", "Ana"]', FALSE, NULL, NULL, NULL, NULL,
   'PHONE', NULL, '{}', '{}', NULL, '2025-09-03 11:00+00', '2025-09-05 22:10+00'),
  ('d0000000-0000-4000-8000-000000000005', 'BR20250005', '55555555-5555-4555-8555-555555555555', '2025-09-06', '22:00', '23:59', 4, 'PENDING',
   NULL, NULL, 50.00, 170.00, NULL, 'c0000000-0000-4000-8000-000000000001',
   NULL, '[{"guest": "Ella", "requirement": "vegan"}]', 'HEN_PARTY', NULL, NULL, NULL, NULL,
   '[]', FALSE, NULL, NULL, NULL, NULL,
   'WEBSITE', NULL, '{}', '{}', 'Awaiting deposit', '2025-09-02 21:30+00', '2025-09-02 21:30+00'),
  ('d0000000-0000-4000-8000-000000000006', 'BR20250006', '55555555-5555-4555-8555-555555555555', '2025-09-12', '20:00', '23:00', 8, 'CANCELLED',
   '2025-08-25 09:05+00', NULL, 50.00, 300.00, NULL, NULL,
   NULL, '[]', 'WORK_DO', 'QR-BR20250006', NULL, NULL, NULL,
   '[]', FALSE, '2025-09-04 08:30+00', '55555555-5555-4555-8555-555555555555', 'Office party moved', 50.00,
   'WEBSITE', 'WORKDO', '{}', '{}', NULL, '2025-08-25 09:00+00', '2025-09-04 08:30+00');

-- Each party fits its table (check_capacity trigger).
INSERT INTO booking_tables (booking_id, table_id, assigned_at, assigned_by) VALUES
  ('d0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000006', '2025-08-20 12:10+00', '22222222-2222-4222-8222-222222222222'),
  ('d0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000014', '2025-08-18 10:30+00', '22222222-2222-4222-8222-222222222222'),
  ('d0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000013', '2025-08-18 10:30+00', '22222222-2222-4222-8222-222222222222'),
  ('d0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000003', '2025-09-01 19:10+00', '11111111-1111-4111-8111-111111111111'),
  ('d0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000015', '2025-09-03 11:10+00', '22222222-2222-4222-8222-222222222222'),
  ('d0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000001', '2025-09-02 21:35+00', NULL);

INSERT INTO booking_history (id, booking_id, from_status, to_status, changed_by, change_reason, metadata, created_at) VALUES
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'CHECKED_IN', 'COMPLETED', '33333333-3333-4333-8333-333333333333', 'Left at close', '{}', '2025-08-29 23:10+00'),
  ('d1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002', 'PENDING', 'CONFIRMED', '22222222-2222-4222-8222-222222222222', 'Deposit received', '{"payment": "pi_3Q0002"}', '2025-08-18 10:05+00'),
  ('d1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000003', 'PENDING', 'CONFIRMED', NULL, 'Deposit received', '{"payment": "pi_3Q0004"}', '2025-09-01 19:05+00'),
  ('d1000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000004', 'CONFIRMED', 'CHECKED_IN', '33333333-3333-4333-8333-333333333333', NULL, '{"door": "main"}', '2025-09-05 22:10+00'),
  ('d1000000-0000-4000-8000-000000000005', 'd0000000-0000-4000-8000-000000000006', 'CONFIRMED', 'CANCELLED', '55555555-5555-4555-8555-555555555555', 'Office party moved', '{"refund": 50}', '2025-09-04 08:30+00');

INSERT INTO waitlist (id, customer_id, event_date, party_size, preferred_time, flexibility_hours, contact_preference, status, notified_at, expired_at, converted_booking_id, created_at) VALUES
  ('d2000000-0000-4000-8000-000000000001', '44444444-4444-4444-8444-444444444444', '2025-09-06', 6, '22:00', 2, 'SMS', 'WAITING', NULL, NULL, NULL, '2025-09-02 09:00+00'),
  ('d2000000-0000-4000-8000-000000000002', '55555555-5555-4555-8555-555555555555', '2025-09-06', 4, '22:00', 1, 'EMAIL', 'CONVERTED', '2025-09-02 21:00+00', NULL, 'd0000000-0000-4000-8000-000000000005', '2025-08-30 12:00+00'),
  ('d2000000-0000-4000-8000-000000000003', '66666666-6666-4666-8666-666666666666', '2025-08-23', 12, '21:00', 3, 'EMAIL', 'EXPIRED', '2025-08-22 10:00+00', '2025-08-23 23:59+00', NULL, '2025-08-15 16:00+00');

INSERT INTO payment_methods (id, customer_id, stripe_payment_method_id, type, last_four, brand, exp_month, exp_year, is_default, created_at) VALUES
  ('e0000000-0000-4000-8000-000000000001', '44444444-4444-4444-8444-444444444444', 'pm_1Q0001', 'card', '4242', 'visa', 4, 2027, TRUE, '2025-07-10 12:10+00'),
  ('e0000000-0000-4000-8000-000000000002', '55555555-5555-4555-8555-555555555555', 'pm_1Q0002', 'card', '4444', 'mastercard', 11, 2026, TRUE, '2025-07-22 15:40+00'),
  ('e0000000-0000-4000-8000-000000000003', '66666666-6666-4666-8666-666666666666', 'pm_1Q0003', 'apple_pay', '0005', 'amex', 1, 2028, TRUE, '2025-08-01 11:10+00'),
  ('e0000000-0000-4000-8000-000000000004', '77777777-7777-4777-8777-777777777777', 'pm_1Q0004', 'card', '1881', 'visa', 6, 2026, FALSE, '2025-08-15 14:10+00');

INSERT INTO payments (id, booking_id, stripe_payment_intent_id, stripe_charge_id, amount, currency, fee_amount, net_amount, type, status,
                      payment_method_id, processed_at, failed_at, failure_reason, refunded_amount, refund_reason, refunded_at, metadata, created_at, updated_at) VALUES
  ('e1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'pi_3Q0001', 'ch_3Q0001', 50.00, 'GBP', 0.95, 49.05, 'DEPOSIT', 'SUCCEEDED',
   'e0000000-0000-4000-8000-000000000001', '2025-08-20 12:04+00', NULL, NULL, 0, NULL, NULL, '{}', '2025-08-20 12:03+00', '2025-08-20 12:04+00'),
  ('e1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', 'pi_3Q0002', 'ch_3Q0002', 80.00, 'GBP', 1.40, 78.60, 'FINAL', 'SUCCEEDED',
   'e0000000-0000-4000-8000-000000000001', '2025-08-29 23:05+00', NULL, NULL, 0, NULL, NULL, '{"till": 2}', '2025-08-29 23:05+00', '2025-08-29 23:05+00'),
  ('e1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000002', 'pi_3Q0003', 'ch_3Q0003', 50.00, 'GBP', 0.95, 49.05, 'DEPOSIT', 'SUCCEEDED',
   'e0000000-0000-4000-8000-000000000003', '2025-08-18 10:04+00', NULL, NULL, 0, NULL, NULL, '{}', '2025-08-18 10:03+00', '2025-08-18 10:04+00'),
  ('e1000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000002', 'pi_3Q0004', 'ch_3Q0004', 630.00, 'GBP', 9.65, 620.35, 'FINAL', 'SUCCEEDED',
   'e0000000-0000-4000-8000-000000000003', '2025-08-30 23:45+00', NULL, NULL, 0, NULL, NULL, '{"till": 1}', '2025-08-30 23:45+00', '2025-08-30 23:45+00'),
  ('e1000000-0000-4000-8000-000000000005', 'd0000000-0000-4000-8000-000000000003', 'pi_3Q0005', 'ch_3Q0005', 50.00, 'GBP', 0.95, 49.05, 'DEPOSIT', 'SUCCEEDED',
   'e0000000-0000-4000-8000-000000000001', '2025-09-01 19:04+00', NULL, NULL, 0, NULL, NULL, '{}', '2025-09-01 19:03+00', '2025-09-01 19:04+00'),
  ('e1000000-0000-4000-8000-000000000006', 'd0000000-0000-4000-8000-000000000006', 'pi_3Q0006', 'ch_3Q0006', 50.00, 'GBP', 0.95, 49.05, 'DEPOSIT', 'REFUNDED',
   'e0000000-0000-4000-8000-000000000002', '2025-08-25 09:04+00', NULL, NULL, 50.00, 'Booking cancelled more than 48h ahead', '2025-09-04 08:35+00', '{}', '2025-08-25 09:03+00', '2025-09-04 08:35+00'),
  ('e1000000-0000-4000-8000-000000000007', 'd0000000-0000-4000-8000-000000000005', 'pi_3Q0007', NULL, 50.00, 'GBP', NULL, NULL, 'DEPOSIT', 'FAILED',
   'e0000000-0000-4000-8000-000000000002', NULL, '2025-09-02 21:32+00', 'card_declined', 0, NULL, NULL, '{}', '2025-09-02 21:31+00', '2025-09-02 21:32+00');

INSERT INTO events (id, name, slug, type, event_date, start_time, end_time, doors_open, last_entry, description, lineup, images,
                    ticket_link, ticket_price, capacity_override, status, published, featured, tags, seo_metadata, created_at, updated_at) VALUES
  ('f0000000-0000-4000-8000-000000000001', 'Shhh! Fridays', 'shhh-fridays-2025-09-05', 'CLUB_NIGHT', '2025-09-05', '21:00', '23:59', '21:00', '23:30',
   'Speakeasy house and disco in the back room.', '["DJ Nova", "Velvet Static"]', '[]', 'https://tickets.example.com/shhh-0905', 10.00, NULL,
   'SCHEDULED', TRUE, TRUE, '{house,disco}', '{"title": "Shhh! Fridays at the Backroom"}', '2025-08-01 10:00+00', '2025-08-20 10:00+00'),
  ('f0000000-0000-4000-8000-000000000002', 'Garage Nation', 'garage-nation-2025-09-06', 'CLUB_NIGHT', '2025-09-06', '22:00', '23:59', '22:00', '23:45',
   'UK garage classics, downstairs and up.', '["MC Echo"]', '[]', 'https://tickets.example.com/garage-0906', 15.00, 180,
   'SCHEDULED', TRUE, FALSE, '{garage}', '{}', '2025-08-02 10:00+00', '2025-08-02 10:00+00'),
  ('f0000000-0000-4000-8000-000000000003', 'Jazz & Cocktails', 'jazz-and-cocktails-2025-08-28', 'LIVE_MUSIC', '2025-08-28', '19:00', '23:00', '18:30', '22:00',
   'A quiet Thursday with a live trio.', '["The Hyde Park Trio"]', '[]', NULL, NULL, 60,
   'COMPLETED', TRUE, FALSE, '{jazz,live}', '{}', '2025-07-15 10:00+00', '2025-08-29 09:00+00');

INSERT INTO artists (id, name, slug, bio, genres, social_links, images, rider_requirements, fee_range_min, fee_range_max, is_resident, is_active, created_at, updated_at) VALUES
  ('f1000000-0000-4000-8000-000000000001', 'DJ Nova', 'dj-nova', 'Backroom resident since 2023.', '{house,disco}', '{"instagram": "@djnova"}', '[]', 'Two CDJs and a mixer', 250.00, 500.00, TRUE, TRUE, '2025-06-01 09:00+00', '2025-06-01 09:00+00'),
  ('f1000000-0000-4000-8000-000000000002', 'Velvet Static', 'velvet-static', 'Leeds duo, nu-disco and edits.', '{disco,nu_disco}', '{}', '[]', NULL, 200.00, 350.00, FALSE, TRUE, '2025-06-10 09:00+00', '2025-06-10 09:00+00'),
  ('f1000000-0000-4000-8000-000000000003', 'MC Echo', 'mc-echo', 'Garage MC.', '{garage,uk_bass}', '{"soundcloud": "mcecho"}', '[]', 'Wireless mic', 300.00, 600.00, FALSE, TRUE, '2025-06-12 09:00+00', '2025-06-12 09:00+00'),
  ('f1000000-0000-4000-8000-000000000004', 'The Hyde Park Trio', 'hyde-park-trio', 'Piano, bass and drums.', '{jazz}', '{}', '[]', 'Upright piano tuned', 400.00, 400.00, FALSE, TRUE, '2025-07-01 09:00+00', '2025-07-01 09:00+00');

INSERT INTO event_artists (event_id, artist_id, performance_time, set_duration_minutes, fee_agreed) VALUES
  ('f0000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000002', '21:00', 90, 250.00),
  ('f0000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001', '22:30', 90, 400.00),
  ('f0000000-0000-4000-8000-000000000002', 'f1000000-0000-4000-8000-000000000003', '22:00', 120, 450.00),
  ('f0000000-0000-4000-8000-000000000003', 'f1000000-0000-4000-8000-000000000004', '19:30', 150, 400.00);

-- Two rows in each monthly partition.
INSERT INTO audit_log (id, user_id, action, entity_type, entity_id, old_values, new_values, ip_address, user_agent, session_id,
                       requires_review, reviewed_by, reviewed_at, created_at) VALUES
  ('f2000000-0000-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', 'UPDATE', 'bookings', 'd0000000-0000-4000-8000-000000000002',
   '{"status": "PENDING"}', '{"status": "CONFIRMED"}', '10.20.0.2', 'Mozilla/5.0 (Windows)', NULL, FALSE, NULL, NULL, '2025-08-18 10:05+00'),
  ('f2000000-0000-4000-8000-000000000002', '33333333-3333-4333-8333-333333333333', 'UPDATE', 'bookings', 'd0000000-0000-4000-8000-000000000001',
   '{"status": "CHECKED_IN"}', '{"status": "COMPLETED"}', '10.20.0.15', 'BackroomDoor/1.4 (iPad)', 'a1000000-0000-4000-8000-000000000002', FALSE, NULL, NULL, '2025-08-29 23:10+00'),
  ('f2000000-0000-4000-8000-000000000003', '11111111-1111-4111-8111-111111111111', 'UPDATE', 'users', '77777777-7777-4777-8777-777777777777',
   '{"status": "ACTIVE"}', '{"status": "SUSPENDED"}', '81.2.69.160', 'Mozilla/5.0 (Macintosh)', 'a1000000-0000-4000-8000-000000000001', TRUE, '22222222-2222-4222-8222-222222222222', '2025-09-06 12:00+00', '2025-09-06 10:00+00'),
  ('f2000000-0000-4000-8000-000000000004', NULL, 'INSERT', 'payments', 'e1000000-0000-4000-8000-000000000006',
   NULL, '{"type": "DEPOSIT", "amount": 50}', NULL, NULL, NULL, FALSE, NULL, NULL, '2025-09-04 08:35+00');

INSERT INTO consent_records (id, user_id, consent_type, granted, version, ip_address, user_agent, withdrawn_at, created_at) VALUES
  ('f3000000-0000-4000-8000-000000000001', '44444444-4444-4444-8444-444444444444', 'MARKETING_EMAIL', TRUE, '2025-06', '192.0.2.10', 'Mozilla/5.0 (iPhone)', NULL, '2025-07-10 12:01+00'),
  ('f3000000-0000-4000-8000-000000000002', '55555555-5555-4555-8555-555555555555', 'MARKETING_EMAIL', FALSE, '2025-06', '198.51.100.7', 'Mozilla/5.0 (Android)', NULL, '2025-07-22 15:31+00'),
  ('f3000000-0000-4000-8000-000000000003', '66666666-6666-4666-8666-666666666666', 'GUEST_CONTACT', TRUE, '2025-06', '203.0.113.42', 'Mozilla/5.0 (iPhone)', '2025-09-01 09:00+00', '2025-08-01 11:01+00');

-- The seed's five retention policies.
INSERT INTO data_retention (id, entity_type, retention_days, deletion_strategy, last_cleanup_at, next_cleanup_at, created_at, updated_at) VALUES
  ('f4000000-0000-4000-8000-000000000001', 'audit_log', 2555, 'ARCHIVE', NULL, '2026-01-01 03:00+00', '2025-06-01 09:00+00', '2025-06-01 09:00+00'),        -- 7 years for financial
  ('f4000000-0000-4000-8000-000000000002', 'bookings', 2555, 'ANONYMIZE', NULL, '2026-01-01 03:00+00', '2025-06-01 09:00+00', '2025-06-01 09:00+00'),       -- 7 years
  ('f4000000-0000-4000-8000-000000000003', 'payments', 2555, 'ARCHIVE', NULL, '2026-01-01 03:00+00', '2025-06-01 09:00+00', '2025-06-01 09:00+00'),         -- 7 years
  ('f4000000-0000-4000-8000-000000000004', 'user_sessions', 30, 'HARD_DELETE', '2025-09-01 03:00+00', '2025-09-02 03:00+00', '2025-06-01 09:00+00', '2025-09-01 03:00+00'), -- 30 days
  ('f4000000-0000-4000-8000-000000000005', 'password_resets', 7, 'HARD_DELETE', '2025-09-01 03:00+00', '2025-09-02 03:00+00', '2025-06-01 09:00+00', '2025-09-01 03:00+00'); -- 7 days



-- =============================================================================================
-- Nights around the day the demo is loaded (not in the seed): 60 regulars and about 300 bookings
-- from two months back to a month ahead, so door staff have tonight's guests to check in and
-- managers a season to look back on. Random but repeatable: a fixed seed, ids made from numbers.
-- =============================================================================================
SELECT setseed(0.42);

INSERT INTO users (id, email, phone, first_name, last_name, date_of_birth, role, status, email_verified, created_at, updated_at)
SELECT md5('backroom-regular-' || i)::uuid,
       lower(f.name || '.' || l.name || i) || '@example.com',
       '+4477009' || lpad(i::text, 5, '0'),
       f.name, l.name,
       DATE '1975-01-01' + (random() * 9000)::int,
       'CUSTOMER', 'ACTIVE', TRUE,
       now() - interval '1 day' * (120 + i), now() - interval '1 day' * (120 + i)
  FROM generate_series(1, 60) AS i
  JOIN (VALUES (0, 'Aisha'), (1, 'Callum'), (2, 'Freya'), (3, 'Harry'), (4, 'Imogen'), (5, 'Kwame'), (6, 'Lily'), (7, 'Mohammed'),
               (8, 'Niamh'), (9, 'Oliver'), (10, 'Poppy'), (11, 'Rory')) AS f(n, name) ON f.n = i % 12
  JOIN (VALUES (0, 'Ahmed'), (1, 'Brennan'), (2, 'Clarke'), (3, 'Dawson'), (4, 'Evans'), (5, 'Hughes'), (6, 'Khan'),
               (7, 'Murphy'), (8, 'Patel'), (9, 'Walsh')) AS l(n, name) ON l.n = (i * 7) % 10;

INSERT INTO bookings (id, booking_reference, customer_id, event_date, arrival_time, departure_time, party_size, status,
                      confirmation_sent_at, deposit_amount, total_estimated, total_actual, drinks_package_id, celebration_type,
                      qr_code, checked_in_at, cancelled_at, cancellation_reason, booking_source, created_at, updated_at)
SELECT md5('backroom-booking-' || b.i)::uuid,
       'BR26' || lpad(b.i::text, 6, '0'),
       md5('backroom-regular-' || (1 + (b.r1 * 60)::int % 60))::uuid,
       b.night,
       make_time(19 + (b.r2 * 4)::int, CASE WHEN b.r3 < 0.5 THEN 0 ELSE 30 END, 0),
       TIME '23:59',
       2 + (b.r3 * 8)::int,
       b.status::booking_status,
       CASE WHEN b.status <> 'PENDING' THEN b.night - 7 + TIME '12:00' END,
       50.00,
       round((120 + b.r2 * 500)::numeric, 2),
       CASE WHEN b.status = 'COMPLETED' THEN round((140 + b.r1 * 600)::numeric, 2) END,
       CASE WHEN b.r1 < 0.3 THEN 'c0000000-0000-4000-8000-00000000000' || (1 + (b.r2 * 2)::int) END::uuid,
       CASE WHEN b.r2 < 0.2 THEN 'BIRTHDAY' WHEN b.r2 > 0.9 THEN 'WORK_DO' END,
       CASE WHEN b.status <> 'PENDING' THEN 'QR-BR26' || lpad(b.i::text, 6, '0') END,
       CASE WHEN b.status IN ('CHECKED_IN', 'COMPLETED') THEN b.night + TIME '21:00' END,
       CASE WHEN b.status = 'CANCELLED' THEN b.night - 3 + TIME '10:00' END,
       CASE WHEN b.status = 'CANCELLED' THEN 'Plans changed' END,
       (ARRAY['WEBSITE', 'WEBSITE', 'PHONE', 'INSTAGRAM'])[1 + (b.r3 * 3)::int],
       b.night - 14 + TIME '12:00', b.night - 14 + TIME '12:00'
  FROM (
    SELECT i, night, r1, r2, r3,
           CASE
             WHEN night < CURRENT_DATE THEN CASE WHEN r3 < 0.08 THEN 'NO_SHOW' WHEN r3 < 0.15 THEN 'CANCELLED' ELSE 'COMPLETED' END
             WHEN night = CURRENT_DATE THEN CASE WHEN r3 < 0.3 THEN 'CHECKED_IN' ELSE 'CONFIRMED' END
             ELSE CASE WHEN r3 < 0.4 THEN 'PENDING' WHEN r3 < 0.5 THEN 'CANCELLED' ELSE 'CONFIRMED' END
           END AS status
      FROM (SELECT i, CURRENT_DATE - 60 + (i % 91) AS night, random() AS r1, random() AS r2, random() AS r3
              FROM generate_series(1, 300) AS i) AS drawn
  ) AS b;

-- A deposit for every booking that was confirmed.
INSERT INTO payments (id, booking_id, stripe_payment_intent_id, amount, currency, type, status, processed_at, created_at, updated_at)
SELECT md5('backroom-deposit-' || b.id)::uuid, b.id, 'pi_26' || substr(md5(b.id::text), 1, 10), 50.00, 'GBP', 'DEPOSIT',
       CASE WHEN b.status = 'CANCELLED' THEN 'REFUNDED' ELSE 'SUCCEEDED' END,
       b.confirmation_sent_at, b.confirmation_sent_at, b.confirmation_sent_at
  FROM bookings b
 WHERE b.booking_reference LIKE 'BR26%' AND b.confirmation_sent_at IS NOT NULL;

-- fixture: the materialized views were created WITH DATA before any row existed; fill them now.
REFRESH MATERIALIZED VIEW daily_booking_summary;
REFRESH MATERIALIZED VIEW table_utilization;
REFRESH MATERIALIZED VIEW customer_lifetime_value;
