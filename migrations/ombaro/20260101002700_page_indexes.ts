import type { Knex } from 'knex';

/**
 * The indexes OMBARO's pages need (\`npx gatehouse indexes\` lists them from the pack): for each
 * role's own rows, list view and workflow state, the equality columns then the list's order, so a
 * scoped, filtered page reads just its rows in order — no bitmap AND of two indexes and no sort
 * of every match — at any size. Built in the migration's transaction: on a large live table,
 * run the tool's CONCURRENTLY statements first (these then find them made).
 */
/** Each index: its table and columns; its name is PostgreSQL's usual `<table>_<columns>_idx`. */
const INDEXES: [table: string, columns: string[]][] = [
  ['attendance_records', ['employee_id', 'created_at']],
  ['booking_items', ['booking_id', 'created_at']],
  ['bookings', ['vendor_id', 'created_at']],
  ['bookings', ['customer_id', 'created_at']],
  ['campaigns', ['status', 'created_at']],
  ['customer_addresses', ['customer_id', 'created_at']],
  ['leave_requests', ['employee_id', 'created_at']],
  ['leave_requests', ['status', 'created_at']],
  ['leave_requests', ['employee_id', 'status', 'created_at']],
  ['notifications', ['user_id', 'created_at']],
  ['payment_settlements', ['vendor_id', 'created_at']],
  ['payment_settlements', ['status', 'created_at']],
  ['payment_settlements', ['vendor_id', 'status', 'created_at']],
  ['payments', ['vendor_id', 'created_at']],
  ['payments', ['customer_id', 'created_at']],
  ['performance_reviews', ['employee_id', 'created_at']],
  ['promotions', ['status', 'current_usage_count']],
  ['reviews', ['vendor_id', 'created_at']],
  ['reviews', ['customer_id', 'created_at']],
  ['reviews', ['status', 'created_at']],
  ['reviews', ['vendor_id', 'status', 'created_at']],
  ['reviews', ['customer_id', 'status', 'created_at']],
  ['salary_records', ['employee_id', 'created_at']],
  ['salary_records', ['status', 'created_at']],
  ['salary_records', ['employee_id', 'status', 'created_at']],
  ['support_tickets', ['customer_id', 'created_at']],
  ['support_tickets', ['assigned_to', 'status', 'created_at']],
  ['support_tickets', ['customer_id', 'assigned_to', 'status', 'created_at']],
  ['support_tickets', ['status', 'created_at']],
  ['support_tickets', ['customer_id', 'status', 'created_at']],
  ['support_tickets', ['priority', 'status', 'created_at']],
  ['support_tickets', ['customer_id', 'priority', 'status', 'created_at']],
  ['therapist_assignments', ['vendor_id', 'created_at']],
  ['therapist_assignments', ['therapist_id', 'created_at']],
  ['therapist_leaves', ['therapist_id', 'created_at']],
  ['therapist_leaves', ['status', 'created_at']],
  ['therapist_leaves', ['therapist_id', 'status', 'created_at']],
  ['therapist_locations', ['therapist_id', 'id']],
  ['therapist_schedules', ['therapist_id', 'created_at']],
  ['therapists', ['vendor_id', 'created_at']],
  ['therapists', ['user_id', 'created_at']],
  ['ticket_messages', ['ticket_id', 'created_at']],
  ['vendor_staff', ['vendor_id', 'created_at']],
];

const nameOf = ([table, columns]: [string, string[]]) => `${table}_${columns.join('_')}_idx`;

export async function up(knex: Knex): Promise<void> {
  for (const index of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${index[1].map(() => '??').join(', ')})`, [nameOf(index), `public.${index[0]}`, ...index[1]]);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS ${INDEXES.map(() => '??').join(', ')}`, INDEXES.map((index) => `public.${nameOf(index)}`));
}
