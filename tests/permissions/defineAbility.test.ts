import { subject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../../permissions/defaultMatrix.js';
import { defineAbility } from '../../permissions/defineAbility.js';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ability = (role: string, owned = {}) => defineAbility(DEFAULT_MATRIX, { id: ME, roles: [role], owned });
const row = (table: string, fields: Record<string, unknown>) => subject(table, { ...fields });

describe('defineAbility', () => {
  it('refuses an unknown role instead of granting nothing silently', () => {
    expect(() => ability('janitor')).toThrow(/Unknown role/);
  });

  it('follows the matrix at the type level: accounts prepares, finance approves', () => {
    expect(ability('accounts_department').can('update', 'payment_settlements')).toBe(true);
    expect(ability('accounts_department').can('approve', 'payment_settlements')).toBe(false);
    expect(ability('finance_department').can('approve', 'payment_settlements')).toBe(true);
    expect(ability('marketing_department').can('read', 'salary_records')).toBe(false);
    expect(ability('marketing_department').can('delete', 'campaigns')).toBe(true);
  });

  it('limits own grants to the caller’s rows, directly or through their ids', () => {
    const vendor = ability('vendor', { therapistIds: ['t1'] });
    expect(vendor.can('read', row('bookings', { vendor_id: ME }))).toBe(true);
    expect(vendor.can('read', row('bookings', { vendor_id: OTHER }))).toBe(false);
    expect(vendor.can('read', row('payment_settlements', { vendor_id: OTHER }))).toBe(false);
    expect(vendor.can('update', row('therapist_schedules', { therapist_id: 't1' }))).toBe(true);
    expect(vendor.can('update', row('therapist_schedules', { therapist_id: 't2' }))).toBe(false);

    const employee = ability('employee');
    expect(employee.can('read', row('salary_records', { employee_id: ME }))).toBe(true);
    expect(employee.can('read', row('salary_records', { employee_id: OTHER }))).toBe(false);
    expect(employee.can('update', row('salary_records', { employee_id: ME }))).toBe(false);

    const customer = ability('customer', { bookingIds: ['b1'] });
    expect(customer.can('read', row('booking_items', { booking_id: 'b1' }))).toBe(true);
    expect(customer.can('read', row('booking_items', { booking_id: 'b2' }))).toBe(false);
    expect(ability('customer').can('read', row('booking_items', { booking_id: 'b1' }))).toBe(false);
  });

  it('keeps bank details to HR, finance, super admin and the owner', () => {
    const fields = ['id', 'name', 'bank_details'];
    const options = { fieldsFrom: (rule: { fields?: string[] }) => rule.fields ?? fields };
    for (const role of ['hr_department', 'finance_department', 'super_admin']) {
      if (!ability(role).can('read', 'employees')) continue;
      expect(permittedFieldsOf(ability(role), 'read', 'employees', options), role).toContain('bank_details');
    }
    expect(permittedFieldsOf(ability('corporate_office'), 'read', 'employees', options)).not.toContain('bank_details');
    expect(ability('staff_department').can('read', 'employees', 'bank_details')).toBe(false);
    expect(ability('employee').can('read', row('employees', { id: ME }), 'bank_details')).toBe(true);
  });

  it('lets only super_admin change roles and statuses, never their own', () => {
    expect(ability('admin').can('update', 'user_profiles', 'name')).toBe(true);
    expect(ability('admin').can('update', 'user_profiles', 'role')).toBe(false);
    expect(ability('super_admin').can('update', row('user_profiles', { id: OTHER }), 'role')).toBe(true);
    expect(ability('super_admin').can('update', row('user_profiles', { id: ME }), 'role')).toBe(false);
  });

  it('never shows internal ticket notes to customers or vendors', () => {
    const customer = ability('customer', { ticketIds: ['k1'] });
    expect(customer.can('read', row('ticket_messages', { ticket_id: 'k1', is_internal: false }))).toBe(true);
    expect(customer.can('read', row('ticket_messages', { ticket_id: 'k1', is_internal: true }))).toBe(false);
    expect(customer.can('create', row('ticket_messages', { ticket_id: 'k1', is_internal: true }))).toBe(false);
    expect(ability('customer_care').can('read', row('ticket_messages', { is_internal: true }))).toBe(true);
  });
});
