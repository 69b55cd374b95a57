import { MODULE_NAMES, type ModuleName } from './modules.js';
import { actionsOf, type Action, type Role } from './vocabulary.js';

/**
 * One row of `role_permissions`: a role's actions on a module, or on one table of it
 * (a sub-module row overrides its module's row for that table). `own` limits the grant to
 * the caller's own rows (the conditions are in ownRows.ts).
 */
export interface MatrixRow {
  role: Role;
  module: ModuleName;
  subModule?: string;
  actions: Action[];
  own?: boolean;
}

const row = (role: Role, module: ModuleName, letters: string, subModule?: string, own?: boolean): MatrixRow => ({
  role,
  module,
  actions: actionsOf(letters),
  ...(subModule ? { subModule } : {}),
  ...(own ? { own } : {}),
});
const everyModule = (role: Role, letters: string) => MODULE_NAMES.map((m) => row(role, m, letters));
const own = (role: Role, module: ModuleName, table: string, letters: string) => row(role, module, letters, table, true);

/** The default matrix of MATRIX.md ("Default grants"), seeded into role_permissions. */
export const DEFAULT_MATRIX: readonly MatrixRow[] = [
  ...everyModule('super_admin', 'RCUDAE'),
  // The audit trail is written by the database alone: even super_admin reads and exports it.
  row('super_admin', 'administration', 'RE', 'audit_log'),
  ...MODULE_NAMES.map((m) => row('directors', m, ['finance', 'hr', 'marketing'].includes(m) ? 'REA' : 'RE')),
  row('admin', 'administration', 'RU', 'user_profiles'),
  row('admin', 'catalog', 'RCUDE'),
  ...(['vendors', 'therapists', 'bookings', 'customers', 'support', 'analytics'] as const).map((m) => row('admin', m, 'R')),
  row('admin', 'reviews', 'RU'),
  row('finance_department', 'finance', 'RCUAE'),
  row('finance_department', 'vendors', 'R'),
  row('finance_department', 'bookings', 'R'),
  row('accounts_department', 'finance', 'RCUE'),
  row('accounts_department', 'vendors', 'R'),
  row('accounts_department', 'bookings', 'R'),
  row('hr_department', 'hr', 'RCUDAE'),
  row('hr_department', 'administration', 'R', 'user_profiles'),
  row('hr_department', 'therapists', 'RA', 'therapist_leaves'),
  row('staff_department', 'hr', 'R', 'employees'),
  row('staff_department', 'hr', 'RCU', 'attendance_records'),
  row('staff_department', 'hr', 'RC', 'leave_requests'),
  row('legal_department', 'vendors', 'RE'),
  row('legal_department', 'finance', 'R', 'payment_settlements'),
  row('legal_department', 'administration', 'R', 'audit_log'),
  row('advocate', 'vendors', 'R'),
  row('ca_cs', 'vendors', 'R'),
  row('ca_cs', 'finance', 'RE'),
  row('ca_cs', 'hr', 'R', 'salary_records'),
  row('it_department', 'administration', 'RU', 'user_profiles'),
  row('it_department', 'administration', 'R', 'role_permissions'),
  row('it_department', 'administration', 'R', 'audit_log'),
  row('it_department', 'analytics', 'RE'),
  row('marketing_department', 'marketing', 'RCUDE'),
  row('marketing_department', 'customers', 'RE'),
  row('marketing_department', 'catalog', 'R'),
  row('marketing_department', 'reviews', 'R'),
  row('marketing_department', 'analytics', 'RE'),
  row('customer_data', 'customers', 'RUE'),
  row('customer_care', 'support', 'RCUDE'),
  row('customer_care', 'bookings', 'R'),
  row('customer_care', 'customers', 'R'),
  row('customer_care', 'reviews', 'RU'),
  row('fo_department', 'support', 'RCU'),
  row('fo_department', 'bookings', 'RU'),
  row('fo_department', 'bookings', 'RCU', 'therapist_assignments'),
  row('fo_department', 'therapists', 'R'),
  row('vendor_list', 'vendors', 'RCUE'),
  row('vendor_list', 'therapists', 'R'),
  ...(['catalog', 'vendors', 'bookings', 'finance', 'customers', 'support'] as const).map((m) => row('ho_details', m, 'R')),
  ...(['finance', 'bookings', 'analytics'] as const).map((m) => row('corporate_office', m, 'RE')),
  row('corporate_office', 'hr', 'R', 'employees'),
  own('employee', 'hr', 'employees', 'R'),
  own('employee', 'hr', 'attendance_records', 'RC'),
  own('employee', 'hr', 'leave_requests', 'RC'),
  own('employee', 'hr', 'salary_records', 'R'),
  own('employee', 'hr', 'performance_reviews', 'R'),
  own('vendor', 'vendors', 'vendors', 'RU'),
  own('vendor', 'vendors', 'vendor_staff', 'RCUD'),
  own('vendor', 'therapists', 'therapists', 'RCU'),
  own('vendor', 'therapists', 'therapist_schedules', 'RCU'),
  own('vendor', 'therapists', 'therapist_leaves', 'RA'),
  own('vendor', 'bookings', 'bookings', 'RU'),
  own('vendor', 'bookings', 'therapist_assignments', 'RCU'),
  own('vendor', 'finance', 'payments', 'R'),
  own('vendor', 'finance', 'payment_settlements', 'R'),
  own('vendor', 'reviews', 'reviews', 'R'),
  own('therapist', 'therapists', 'therapists', 'R'),
  own('therapist', 'therapists', 'therapist_schedules', 'R'),
  own('therapist', 'therapists', 'therapist_leaves', 'RC'),
  own('therapist', 'therapists', 'therapist_locations', 'RC'),
  own('therapist', 'bookings', 'therapist_assignments', 'RU'),
  own('customer', 'bookings', 'bookings', 'RC'),
  own('customer', 'bookings', 'booking_items', 'R'),
  own('customer', 'customers', 'customers', 'RU'),
  own('customer', 'customers', 'customer_addresses', 'RCUD'),
  own('customer', 'reviews', 'reviews', 'RC'),
  own('customer', 'support', 'support_tickets', 'RC'),
  own('customer', 'support', 'ticket_messages', 'RC'),
  own('customer', 'support', 'notifications', 'RU'),
  own('customer', 'finance', 'payments', 'R'),
];
