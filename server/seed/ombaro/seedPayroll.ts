import type { SeedContext } from './SeedContext.js';
import type { EmployeeSeed } from './seedEmployees.js';
import { insertRows, json } from './insertRows.js';
import { addDays, monthEnd, monthStart } from './demoClock.js';

const round = (n: number) => Math.round(n);

/** Monthly income tax withheld, roughly the new regime (nothing up to ₹12 lakh a year). */
function monthlyTax(gross: number): number {
  const annual = gross * 12;
  if (annual <= 1_200_000) return 0;
  return round(((annual - 1_200_000) * (annual > 2_400_000 ? 0.25 : 0.15)) / 12);
}

/**
 * Six months of payroll (May–October 2026) for every employee on the rolls that month:
 * gross = basic + allowances + overtime + bonus, net = gross - deductions.
 * Older months are paid, the last is processed or pending, leavers' last month is on hold.
 */
export async function seedPayroll(ctx: SeedContext, employees: readonly EmployeeSeed[]): Promise<void> {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  for (let back = 6; back >= 1; back--) {
    const start = monthStart(back);
    const end = monthEnd(start);
    const [year, month] = start.split('-').map(Number) as [number, number];
    for (const e of employees) {
      if (e.joiningDate > end || (e.lastWorkingDate && e.lastWorkingDate < start)) continue;
      const basic = e.basic;
      const allowances = {
        hra: round(basic * 0.4),
        transport: 1600,
        medical: 1250,
        special: round(basic * 0.15),
        other: 0,
      };
      const overtimeHours = e.type !== 'intern' && e.role !== 'directors' && rng.chance(0.2) ? rng.int(2, 12) : 0;
      const overtimeAmount = round((basic / 208) * 2 * overtimeHours);
      const bonus = month === 10 ? round(basic * 0.5) : 0; // Diwali bonus with October pay
      const gross = basic + Object.values(allowances).reduce((s, v) => s + v, 0) + overtimeAmount + bonus;
      const deductions = {
        pf: round(Math.min(basic, 15_000) * 0.12),
        esi: gross <= 21_000 ? round(gross * 0.0075) : 0,
        tax: monthlyTax(gross),
        loan_emi: e.id.charCodeAt(0) % 7 === 0 ? 5_000 : 0,
        advance: 0,
        other: 200, // professional tax
      };
      const totalDeductions = Object.values(deductions).reduce((s, v) => s + v, 0);
      const leaving = e.lastWorkingDate !== null && e.lastWorkingDate <= end;
      const status = leaving ? 'hold' : back > 1 ? 'paid' : rng.chance(0.75) ? 'processed' : 'pending';
      const paidOn = status === 'paid' ? end : null;
      rows.push({
        id: rng.uuid(),
        employee_id: e.id,
        month,
        year,
        basic_salary: basic,
        allowances: json(allowances),
        deductions: json(deductions),
        overtime_hours: overtimeHours,
        overtime_amount: overtimeAmount,
        bonus,
        gross_salary: gross,
        total_deductions: totalDeductions,
        net_salary: gross - totalDeductions,
        payment_date: paidOn,
        payment_method: status === 'paid' ? 'bank_transfer' : null,
        payment_reference: status === 'paid' ? `HDFCN${year}${String(month).padStart(2, '0')}${rng.digits(8)}` : null,
        status,
        notes: status === 'hold' ? 'Full and final settlement pending clearance' : bonus ? 'Includes Diwali bonus' : null,
        created_at: `${addDays(end, -3)}T18:00:00+05:30`,
        updated_at: `${paidOn ?? addDays(end, -3)}T18:30:00+05:30`,
      });
    }
  }
  await insertRows(ctx.trx, 'public.salary_records', rows, ctx.progress);
}
