/**
 * Departments of OMBARO's head office. employees.department holds the department role's
 * name ("maps to role definitions"); each department's head is the demo user of that role.
 */
export interface Department {
  role: string;
  head: string;
  staff: readonly string[];
  /** Extra employees besides the head (60 employees in all with the demo users). */
  size: number;
  /** Department whose head this head reports to; null = the managing director (or nobody). */
  reportsTo: string | null;
  /** Monthly basic salary of the head, in INR. */
  headBasic: number;
}

export const DEPARTMENTS: readonly Department[] = [
  { role: 'directors', head: 'Managing Director', staff: ['Director - Operations'], size: 1, reportsTo: null, headBasic: 300_000 },
  { role: 'super_admin', head: 'Platform Administrator', staff: [], size: 0, reportsTo: 'directors', headBasic: 160_000 },
  { role: 'admin', head: 'Administration Manager', staff: ['Administration Executive'], size: 1, reportsTo: 'directors', headBasic: 110_000 },
  { role: 'finance_department', head: 'Head of Finance', staff: ['Financial Analyst', 'Finance Executive', 'Treasury Executive'], size: 3, reportsTo: 'directors', headBasic: 180_000 },
  { role: 'accounts_department', head: 'Accounts Manager', staff: ['Senior Accountant', 'Accounts Executive', 'Accounts Assistant'], size: 3, reportsTo: 'finance_department', headBasic: 110_000 },
  { role: 'hr_department', head: 'HR Manager', staff: ['HR Executive', 'Talent Acquisition Specialist'], size: 2, reportsTo: 'directors', headBasic: 130_000 },
  { role: 'staff_department', head: 'Staff Coordinator', staff: ['Staff Welfare Executive', 'Office Assistant'], size: 2, reportsTo: 'hr_department', headBasic: 75_000 },
  { role: 'legal_department', head: 'Legal Head', staff: ['Legal Associate'], size: 1, reportsTo: 'directors', headBasic: 170_000 },
  { role: 'advocate', head: 'Senior Advocate', staff: ['Advocate'], size: 1, reportsTo: 'legal_department', headBasic: 120_000 },
  { role: 'ca_cs', head: 'Company Secretary', staff: ['Chartered Accountant'], size: 1, reportsTo: 'finance_department', headBasic: 140_000 },
  { role: 'it_department', head: 'IT Manager', staff: ['Software Engineer', 'DevOps Engineer', 'Data Analyst', 'IT Support Engineer'], size: 4, reportsTo: 'directors', headBasic: 170_000 },
  { role: 'marketing_department', head: 'Marketing Manager', staff: ['Digital Marketing Executive', 'Content Strategist', 'Performance Marketer', 'Brand Executive'], size: 4, reportsTo: 'directors', headBasic: 150_000 },
  { role: 'customer_data', head: 'CRM Manager', staff: ['CRM Analyst', 'Data Executive'], size: 2, reportsTo: 'marketing_department', headBasic: 100_000 },
  { role: 'customer_care', head: 'Customer Care Lead', staff: ['Customer Care Executive', 'Senior Customer Care Executive'], size: 7, reportsTo: 'directors', headBasic: 90_000 },
  { role: 'fo_department', head: 'Front Office Manager', staff: ['Booking Coordinator', 'Front Office Executive'], size: 4, reportsTo: 'directors', headBasic: 85_000 },
  { role: 'vendor_list', head: 'Vendor Onboarding Manager', staff: ['Vendor Onboarding Executive'], size: 2, reportsTo: 'directors', headBasic: 95_000 },
  { role: 'ho_details', head: 'Head Office Administrator', staff: ['Head Office Coordinator'], size: 1, reportsTo: 'directors', headBasic: 90_000 },
  { role: 'corporate_office', head: 'Corporate Affairs Manager', staff: ['Corporate Relations Executive'], size: 2, reportsTo: 'directors', headBasic: 140_000 },
];

/** The demo `employee` user is a front-office executive reporting to the front-office head. */
export const EMPLOYEE_USER_DEPARTMENT = 'fo_department';
