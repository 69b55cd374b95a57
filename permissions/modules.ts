/**
 * The presentation overlay of the OMBARO database: which module (MATRIX.md) each table
 * belongs to. It is the only place that names OMBARO tables; a table it does not name
 * is grouped under its schema, so any other database is served without it.
 */
export const MODULES = {
  administration: {
    label: 'Administration',
    tables: ['user_profiles', 'role_permissions', 'audit_log', 'auth.users', 'document_counters'],
  },
  catalog: { label: 'Catalog', tables: ['services', 'service_packages', 'addon_services'] },
  vendors: { label: 'Vendors', tables: ['vendors', 'vendor_staff'] },
  therapists: {
    label: 'Therapists',
    tables: ['therapists', 'therapist_schedules', 'therapist_leaves', 'therapist_locations'],
  },
  bookings: { label: 'Bookings', tables: ['bookings', 'booking_items', 'therapist_assignments'] },
  finance: { label: 'Finance', tables: ['payments', 'payment_settlements'] },
  hr: {
    label: 'HR',
    tables: ['employees', 'attendance_records', 'leave_requests', 'leave_queue', 'salary_records', 'performance_reviews'],
  },
  customers: { label: 'Customers', tables: ['customers', 'customer_addresses', 'loyalty_transactions'] },
  reviews: { label: 'Reviews', tables: ['reviews'] },
  marketing: { label: 'Marketing', tables: ['campaigns', 'promotions', 'promotion_usage'] },
  support: { label: 'Support', tables: ['support_tickets', 'ticket_messages', 'notifications'] },
  analytics: { label: 'Analytics', tables: ['analytics_events'] },
} as const satisfies Record<string, { label: string; tables: readonly string[] }>;

export type ModuleName = keyof typeof MODULES;
export const MODULE_NAMES = Object.keys(MODULES) as ModuleName[];

/** The module of a resource (by its resource name), if the overlay knows it. */
export function moduleOfResource(resource: string): ModuleName | undefined {
  return MODULE_NAMES.find((m) => (MODULES[m].tables as readonly string[]).includes(resource));
}
