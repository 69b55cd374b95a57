import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../../permissions/defaultMatrix.js';
import { grantOn } from '../../permissions/grants.js';
import { MODULE_NAMES, moduleInfo } from '../../permissions/modules.js';
import { ACTIONS, ROLES, actionsOf, type Role } from '../../permissions/vocabulary.js';

const can = (role: Role, table: string) => grantOn(DEFAULT_MATRIX, role, table);
const ALL_TABLES = MODULE_NAMES.flatMap((m) => [...moduleInfo(m).tables]);

describe('the default matrix (MATRIX.md)', () => {
  it('gives every role something and names only known modules and tables', () => {
    for (const role of ROLES) expect(DEFAULT_MATRIX.some((r) => r.role === role), role).toBe(true);
    for (const r of DEFAULT_MATRIX) {
      expect(MODULE_NAMES).toContain(r.module);
      if (r.subModule) expect(moduleInfo(r.module).tables, `${r.role} ${r.subModule}`).toContain(r.subModule);
    }
  });

  it('has at most one row per role, module and sub-module', () => {
    const keys = DEFAULT_MATRIX.map((r) => `${r.role}/${r.module}/${r.subModule ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lets super_admin do everything everywhere, but only read and export the audit trail', () => {
    for (const table of ALL_TABLES.filter((t) => t !== 'audit_log')) expect(can('super_admin', table)).toEqual({ actions: [...ACTIONS], own: false });
    expect(can('super_admin', 'audit_log')).toEqual({ actions: ['read', 'export'], own: false });
  });

  it.each([
    ['accounts_department', 'payment_settlements', 'RCUE', false],
    ['finance_department', 'payment_settlements', 'RCUAE', false],
    ['finance_department', 'salary_records', '', false],
    ['directors', 'payment_settlements', 'REA', false],
    ['directors', 'services', 'RE', false],
    ['hr_department', 'salary_records', 'RCUDAE', false],
    ['hr_department', 'therapist_leaves', 'RA', false],
    ['hr_department', 'therapists', '', false],
    ['hr_department', 'user_profiles', 'R', false],
    ['staff_department', 'leave_requests', 'RC', false],
    ['staff_department', 'salary_records', '', false],
    ['staff_department', 'performance_reviews', '', false],
    ['marketing_department', 'campaigns', 'RCUDE', false],
    ['marketing_department', 'salary_records', '', false],
    ['legal_department', 'payment_settlements', 'R', false],
    ['legal_department', 'payments', '', false],
    ['it_department', 'role_permissions', 'R', false],
    ['fo_department', 'therapist_assignments', 'RCU', false],
    ['fo_department', 'bookings', 'RU', false],
    ['corporate_office', 'employees', 'R', false],
    ['corporate_office', 'salary_records', '', false],
    ['employee', 'salary_records', 'R', true],
    ['employee', 'leave_requests', 'RC', true],
    ['employee', 'campaigns', '', false],
    ['vendor', 'bookings', 'RU', true],
    ['vendor', 'payment_settlements', 'R', true],
    ['vendor', 'customers', '', false],
    ['therapist', 'therapist_assignments', 'RU', true],
    ['customer', 'customer_addresses', 'RCUD', true],
    ['customer', 'salary_records', '', false],
  ] as const)('%s on %s: %s', (role, table, letters, own) => {
    expect(can(role, table)).toEqual({ actions: actionsOf(letters), own });
  });

  it('gives approval on finance only to roles that are not the preparers', () => {
    const approvers = ROLES.filter((r) => can(r, 'payment_settlements').actions.includes('approve'));
    expect(approvers.sort()).toEqual(['directors', 'finance_department', 'super_admin']);
  });

  it('knows no grant on a table outside the overlay', () => {
    expect(can('super_admin', 'not_a_table')).toEqual({ actions: [], own: false });
  });
});
