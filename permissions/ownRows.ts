import type { Role } from './vocabulary.js';

/**
 * What "own rows" means per role and table (MATRIX.md): a column equal to the caller's id,
 * or a column within a set of ids that belong to the caller (their therapists, bookings,
 * tickets), which the server resolves once per request and RLS with a subquery.
 */
export type OwnerSet = 'therapistIds' | 'bookingIds' | 'ticketIds';
export type OwnerRule = { column: string; equalsUser: true } | { column: string; in: OwnerSet };

const byUser = (column: string): OwnerRule => ({ column, equalsUser: true });
const within = (column: string, set: OwnerSet): OwnerRule => ({ column, in: set });

export const OWN_ROWS: Partial<Record<Role, Record<string, OwnerRule>>> = {
  employee: {
    employees: byUser('id'),
    attendance_records: byUser('employee_id'),
    leave_requests: byUser('employee_id'),
    salary_records: byUser('employee_id'),
    performance_reviews: byUser('employee_id'),
  },
  vendor: {
    vendors: byUser('id'),
    vendor_staff: byUser('vendor_id'),
    therapists: byUser('vendor_id'),
    therapist_schedules: within('therapist_id', 'therapistIds'),
    therapist_leaves: within('therapist_id', 'therapistIds'),
    bookings: byUser('vendor_id'),
    therapist_assignments: byUser('vendor_id'),
    payments: byUser('vendor_id'),
    payment_settlements: byUser('vendor_id'),
    reviews: byUser('vendor_id'),
  },
  therapist: {
    therapists: byUser('user_id'),
    therapist_schedules: within('therapist_id', 'therapistIds'),
    therapist_leaves: within('therapist_id', 'therapistIds'),
    therapist_locations: within('therapist_id', 'therapistIds'),
    therapist_assignments: within('therapist_id', 'therapistIds'),
  },
  customer: {
    customers: byUser('id'),
    customer_addresses: byUser('customer_id'),
    bookings: byUser('customer_id'),
    booking_items: within('booking_id', 'bookingIds'),
    reviews: byUser('customer_id'),
    support_tickets: byUser('customer_id'),
    ticket_messages: within('ticket_id', 'ticketIds'),
    notifications: byUser('user_id'),
    payments: byUser('customer_id'),
  },
};

/**
 * How each owner set is found from the caller's id (`$1`): the one definition behind both
 * the API's CASL conditions and the database's policies (through `gatehouse.owned_ids`).
 */
export const OWNER_SETS: Record<OwnerSet, string> = {
  therapistIds: 'SELECT id FROM public.therapists WHERE vendor_id = $1 OR user_id = $1',
  bookingIds: 'SELECT id FROM public.bookings WHERE customer_id = $1',
  ticketIds: 'SELECT id FROM public.support_tickets WHERE customer_id = $1',
};
