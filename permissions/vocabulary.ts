/** The closed vocabularies of the role matrix (MATRIX.md). */
export const ACTIONS = ['read', 'create', 'update', 'delete', 'approve', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLES = [
  'super_admin', 'directors', 'admin', 'finance_department', 'accounts_department', 'hr_department',
  'staff_department', 'legal_department', 'advocate', 'ca_cs', 'it_department', 'marketing_department',
  'customer_data', 'customer_care', 'fo_department', 'vendor_list', 'ho_details', 'corporate_office',
  'employee', 'vendor', 'therapist', 'customer',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** MATRIX.md's letters: R C U D A E. */
const LETTER: Record<string, Action> = { R: 'read', C: 'create', U: 'update', D: 'delete', A: 'approve', E: 'export' };

/** "RCUDE" -> ['read', 'create', 'update', 'delete', 'export'] */
export function actionsOf(letters: string): Action[] {
  return [...letters].map((l) => {
    const action = LETTER[l];
    if (!action) throw new Error(`Unknown action letter ${l} in "${letters}"`);
    return action;
  });
}
