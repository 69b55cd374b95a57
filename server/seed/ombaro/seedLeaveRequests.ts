import type { SeedContext } from './SeedContext.js';
import type { EmployeeSeed } from './seedEmployees.js';
import { insertRows } from './insertRows.js';
import { ANCHOR, addDays, at, daysAgo, later } from './demoClock.js';

export interface LeaveRange {
  from: string;
  to: string;
}

const REASONS: Record<string, readonly string[]> = {
  sick: ['Viral fever', 'Migraine, doctor advised rest', 'Food poisoning', 'Dental surgery'],
  casual: ['Family function in hometown', 'Personal work at the bank', 'House shifting', 'Child\'s school annual day'],
  earned: ['Family vacation to Kerala', 'Trip to Manali', 'Visiting parents for Diwali', 'Sister\'s wedding'],
  emergency: ['Medical emergency in the family', 'Father hospitalised'],
  unpaid: ['Extended personal leave', 'Higher-studies entrance exam'],
  maternity: ['Maternity leave'],
  paternity: ['Birth of child'],
};

const LENGTH: Record<string, readonly [number, number]> = {
  sick: [1, 3], casual: [1, 2], earned: [3, 7], emergency: [1, 3], unpaid: [2, 5], maternity: [182, 182], paternity: [5, 10],
};

/**
 * Leave requests in every status (approved and rejected ones decided by someone other than
 * the employee). Returns the approved ranges, which attendance marks as 'leave'.
 */
export async function seedLeaveRequests(ctx: SeedContext, employees: readonly EmployeeSeed[]): Promise<Map<string, LeaveRange[]>> {
  const { rng } = ctx;
  const hrHead = employees.find((e) => e.role === 'hr_department')!.id;
  const md = employees.find((e) => e.role === 'directors')!.id;
  const approved = new Map<string, LeaveRange[]>();
  const rows: Record<string, unknown>[] = [];

  const request = (e: EmployeeSeed, type: string, from: string, status: string, days?: number) => {
    const [min, max] = LENGTH[type]!;
    const to = addDays(from, (days ?? rng.int(min, max)) - 1);
    const appliedDay = addDays(from, type === 'sick' || type === 'emergency' ? 0 : -rng.int(3, 20));
    // Requests for future dates were made before the anchor ("today").
    const applied = at(appliedDay < ANCHOR ? appliedDay : daysAgo(rng.int(1, 10)), rng.int(540, 1140));
    const approver = e.managerId && e.managerId !== e.id ? e.managerId : e.id === hrHead ? md : hrHead;
    const decided = status === 'approved' || status === 'rejected';
    if (status === 'approved') approved.set(e.id, [...(approved.get(e.id) ?? []), { from, to }]);
    rows.push({
      id: rng.uuid(),
      employee_id: e.id,
      leave_type: type,
      from_date: from,
      to_date: to,
      reason: rng.pick(REASONS[type]!),
      status,
      applied_date: applied,
      approved_by: decided ? approver : null,
      approved_date: decided ? later(applied, rng.int(60, 600)) : null,
      rejection_reason: status === 'rejected' ? rng.pick(['Quarter-end closing, please reschedule', 'Too many team members already on leave', 'Insufficient leave balance']) : null,
      documents: type === 'sick' && rng.chance(0.5) ? [`https://files.ombaro.example/leaves/${e.id}/medical.pdf`] : null,
      created_at: applied,
      updated_at: applied,
    });
  };

  for (const e of employees) {
    if (e.id === employees.find((x) => x.role === 'employee')?.id) {
      // The demo `employee` sees one request in each status.
      request(e, 'casual', daysAgo(75), 'approved', 2);
      request(e, 'earned', daysAgo(40), 'rejected', 5);
      request(e, 'sick', daysAgo(12), 'approved', 2);
      request(e, 'casual', daysAgo(-20), 'cancelled', 1);
      request(e, 'earned', daysAgo(-34), 'pending', 4);
      continue;
    }
    if (e.status === 'on_leave') {
      request(e, e.gender === 'female' ? 'maternity' : 'unpaid', daysAgo(60), 'approved', 182);
      continue;
    }
    // Up to three requests in distinct months from five months ago to next month.
    const months = rng.sample([-5, -4, -3, -2, -1, 0, 1], rng.int(0, 3));
    for (const m of months) {
      const from = addDays(ANCHOR, m * 30 + rng.int(-8, 8));
      if (from < e.joiningDate || (e.lastWorkingDate && from > e.lastWorkingDate)) continue;
      const type = rng.weighted([['casual', 35], ['sick', 30], ['earned', 20], ['emergency', 5], ['unpaid', 5], [e.gender === 'female' ? 'casual' : 'paternity', 5]] as const);
      const status = from > ANCHOR
        ? rng.weighted([['pending', 70], ['approved', 20], ['cancelled', 10]] as const)
        : rng.weighted([['approved', 70], ['rejected', 15], ['cancelled', 10], ['pending', 5]] as const);
      request(e, type, from, status);
    }
  }
  await insertRows(ctx.trx, 'public.leave_requests', rows, ctx.progress);
  return approved;
}
