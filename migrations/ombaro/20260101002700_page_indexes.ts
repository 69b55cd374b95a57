import type { Knex } from 'knex';

/**
 * The indexes OMBARO's pages need (\`npx gatehouse indexes\` lists them from the pack): for each
 * role's own rows, list view and workflow state, the equality columns then the list's order, so a
 * scoped, filtered page reads just its rows in order — no bitmap AND of two indexes and no sort
 * of every match — at any size. Built in the migration's transaction: on a large live table,
 * run the tool's CONCURRENTLY statements first (these then find them made).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS "attendance_records_employee_id_created_at_idx" ON "public"."attendance_records" ("employee_id", "created_at");
    CREATE INDEX IF NOT EXISTS "booking_items_booking_id_created_at_idx" ON "public"."booking_items" ("booking_id", "created_at");
    CREATE INDEX IF NOT EXISTS "bookings_vendor_id_created_at_idx" ON "public"."bookings" ("vendor_id", "created_at");
    CREATE INDEX IF NOT EXISTS "bookings_customer_id_created_at_idx" ON "public"."bookings" ("customer_id", "created_at");
    CREATE INDEX IF NOT EXISTS "campaigns_status_created_at_idx" ON "public"."campaigns" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "customer_addresses_customer_id_created_at_idx" ON "public"."customer_addresses" ("customer_id", "created_at");
    CREATE INDEX IF NOT EXISTS "leave_requests_employee_id_created_at_idx" ON "public"."leave_requests" ("employee_id", "created_at");
    CREATE INDEX IF NOT EXISTS "leave_requests_status_created_at_idx" ON "public"."leave_requests" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "leave_requests_employee_id_status_created_at_idx" ON "public"."leave_requests" ("employee_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "notifications_user_id_created_at_idx" ON "public"."notifications" ("user_id", "created_at");
    CREATE INDEX IF NOT EXISTS "payment_settlements_vendor_id_created_at_idx" ON "public"."payment_settlements" ("vendor_id", "created_at");
    CREATE INDEX IF NOT EXISTS "payment_settlements_status_created_at_idx" ON "public"."payment_settlements" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "payment_settlements_vendor_id_status_created_at_idx" ON "public"."payment_settlements" ("vendor_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "payments_vendor_id_created_at_idx" ON "public"."payments" ("vendor_id", "created_at");
    CREATE INDEX IF NOT EXISTS "payments_customer_id_created_at_idx" ON "public"."payments" ("customer_id", "created_at");
    CREATE INDEX IF NOT EXISTS "performance_reviews_employee_id_created_at_idx" ON "public"."performance_reviews" ("employee_id", "created_at");
    CREATE INDEX IF NOT EXISTS "promotions_status_current_usage_count_idx" ON "public"."promotions" ("status", "current_usage_count");
    CREATE INDEX IF NOT EXISTS "reviews_vendor_id_created_at_idx" ON "public"."reviews" ("vendor_id", "created_at");
    CREATE INDEX IF NOT EXISTS "reviews_customer_id_created_at_idx" ON "public"."reviews" ("customer_id", "created_at");
    CREATE INDEX IF NOT EXISTS "reviews_status_created_at_idx" ON "public"."reviews" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "reviews_vendor_id_status_created_at_idx" ON "public"."reviews" ("vendor_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "reviews_customer_id_status_created_at_idx" ON "public"."reviews" ("customer_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "salary_records_employee_id_created_at_idx" ON "public"."salary_records" ("employee_id", "created_at");
    CREATE INDEX IF NOT EXISTS "salary_records_status_created_at_idx" ON "public"."salary_records" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "salary_records_employee_id_status_created_at_idx" ON "public"."salary_records" ("employee_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_customer_id_created_at_idx" ON "public"."support_tickets" ("customer_id", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_assigned_to_status_created_at_idx" ON "public"."support_tickets" ("assigned_to", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_customer_id_assigned_to_status_created_at_idx" ON "public"."support_tickets" ("customer_id", "assigned_to", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_status_created_at_idx" ON "public"."support_tickets" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_customer_id_status_created_at_idx" ON "public"."support_tickets" ("customer_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_priority_status_created_at_idx" ON "public"."support_tickets" ("priority", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "support_tickets_customer_id_priority_status_created_at_idx" ON "public"."support_tickets" ("customer_id", "priority", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "therapist_assignments_vendor_id_created_at_idx" ON "public"."therapist_assignments" ("vendor_id", "created_at");
    CREATE INDEX IF NOT EXISTS "therapist_assignments_therapist_id_created_at_idx" ON "public"."therapist_assignments" ("therapist_id", "created_at");
    CREATE INDEX IF NOT EXISTS "therapist_leaves_therapist_id_created_at_idx" ON "public"."therapist_leaves" ("therapist_id", "created_at");
    CREATE INDEX IF NOT EXISTS "therapist_leaves_status_created_at_idx" ON "public"."therapist_leaves" ("status", "created_at");
    CREATE INDEX IF NOT EXISTS "therapist_leaves_therapist_id_status_created_at_idx" ON "public"."therapist_leaves" ("therapist_id", "status", "created_at");
    CREATE INDEX IF NOT EXISTS "therapist_locations_therapist_id_id_idx" ON "public"."therapist_locations" ("therapist_id", "id");
    CREATE INDEX IF NOT EXISTS "therapist_schedules_therapist_id_created_at_idx" ON "public"."therapist_schedules" ("therapist_id", "created_at");
    CREATE INDEX IF NOT EXISTS "therapists_vendor_id_created_at_idx" ON "public"."therapists" ("vendor_id", "created_at");
    CREATE INDEX IF NOT EXISTS "therapists_user_id_created_at_idx" ON "public"."therapists" ("user_id", "created_at");
    CREATE INDEX IF NOT EXISTS "ticket_messages_ticket_id_created_at_idx" ON "public"."ticket_messages" ("ticket_id", "created_at");
    CREATE INDEX IF NOT EXISTS "vendor_staff_vendor_id_created_at_idx" ON "public"."vendor_staff" ("vendor_id", "created_at");
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS public."attendance_records_employee_id_created_at_idx", public."booking_items_booking_id_created_at_idx", public."bookings_vendor_id_created_at_idx", public."bookings_customer_id_created_at_idx", public."campaigns_status_created_at_idx", public."customer_addresses_customer_id_created_at_idx", public."leave_requests_employee_id_created_at_idx", public."leave_requests_status_created_at_idx", public."leave_requests_employee_id_status_created_at_idx", public."notifications_user_id_created_at_idx", public."payment_settlements_vendor_id_created_at_idx", public."payment_settlements_status_created_at_idx", public."payment_settlements_vendor_id_status_created_at_idx", public."payments_vendor_id_created_at_idx", public."payments_customer_id_created_at_idx", public."performance_reviews_employee_id_created_at_idx", public."promotions_status_current_usage_count_idx", public."reviews_vendor_id_created_at_idx", public."reviews_customer_id_created_at_idx", public."reviews_status_created_at_idx", public."reviews_vendor_id_status_created_at_idx", public."reviews_customer_id_status_created_at_idx", public."salary_records_employee_id_created_at_idx", public."salary_records_status_created_at_idx", public."salary_records_employee_id_status_created_at_idx", public."support_tickets_customer_id_created_at_idx", public."support_tickets_assigned_to_status_created_at_idx", public."support_tickets_customer_id_assigned_to_status_created_at_idx", public."support_tickets_status_created_at_idx", public."support_tickets_customer_id_status_created_at_idx", public."support_tickets_priority_status_created_at_idx", public."support_tickets_customer_id_priority_status_created_at_idx", public."therapist_assignments_vendor_id_created_at_idx", public."therapist_assignments_therapist_id_created_at_idx", public."therapist_leaves_therapist_id_created_at_idx", public."therapist_leaves_status_created_at_idx", public."therapist_leaves_therapist_id_status_created_at_idx", public."therapist_locations_therapist_id_id_idx", public."therapist_schedules_therapist_id_created_at_idx", public."therapists_vendor_id_created_at_idx", public."therapists_user_id_created_at_idx", public."ticket_messages_ticket_id_created_at_idx", public."vendor_staff_vendor_id_created_at_idx"`);
}
