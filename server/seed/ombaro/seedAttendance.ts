import type { SeedContext } from './SeedContext.js';
import type { EmployeeSeed } from './seedEmployees.js';
import type { LeaveRange } from './seedLeaveRequests.js';
import { insertRows, json } from './insertRows.js';
import { at, dayOfWeek, daysAgo, later } from './demoClock.js';

/** Public holidays inside the attendance window (Gandhi Jayanti, Dussehra 2026). */
const HOLIDAYS = new Set(['2026-10-02', '2026-10-20']);

const OFFICE = { latitude: 12.9352, longitude: 77.6245, address: 'OMBARO Head Office, 80 Feet Road, Koramangala, Bengaluru 560034' };

/** The last 30 working days (Monday to Friday) before the anchor. */
export function workingDays(count = 30): string[] {
  const days: string[] = [];
  for (let back = 1; days.length < count; back++) {
    const d = daysAgo(back);
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) days.push(d);
  }
  return days.reverse();
}

/** Attendance for the last ~30 working days: present mostly, some late, WFH, half days, absences, leave. */
export async function seedAttendance(ctx: SeedContext, employees: readonly EmployeeSeed[], leaves: Map<string, LeaveRange[]>): Promise<void> {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  for (const e of employees) {
    const ranges = leaves.get(e.id) ?? [];
    for (const date of workingDays()) {
      if (date < e.joiningDate || (e.lastWorkingDate && date > e.lastWorkingDate)) continue;
      const onLeave = ranges.some((r) => r.from <= date && date <= r.to);
      const status = HOLIDAYS.has(date)
        ? 'holiday'
        : onLeave
          ? 'leave'
          : rng.weighted([['present', 80], ['late', 6], ['work_from_home', 7], ['half_day', 3], ['absent', 2]] as const);
      let checkIn: string | null = null;
      let checkOut: string | null = null;
      let hours: number | null = null;
      if (status === 'present' || status === 'late' || status === 'work_from_home' || status === 'half_day') {
        checkIn = at(date, status === 'late' ? rng.int(600, 660) : rng.int(545, 585));
        const minutes = status === 'half_day' ? rng.int(230, 270) : rng.int(500, 570);
        checkOut = later(checkIn, minutes);
        hours = Math.round((minutes / 60) * 100) / 100;
      }
      const home = { latitude: OFFICE.latitude + rng.float(-0.05, 0.05, 5), longitude: OFFICE.longitude + rng.float(-0.05, 0.05, 5), address: 'Home (remote)' };
      const location = status === 'work_from_home' ? home : OFFICE;
      const needsApproval = status === 'work_from_home' || status === 'half_day';
      rows.push({
        id: rng.uuid(),
        employee_id: e.id,
        date,
        check_in_time: checkIn,
        check_out_time: checkOut,
        status,
        work_hours: hours,
        check_in_location: checkIn ? json(location) : null,
        check_out_location: checkOut ? json(location) : null,
        notes: status === 'late' ? rng.pick(['Traffic on Outer Ring Road', 'Metro delay', 'Heavy rain']) : status === 'absent' ? 'No intimation' : null,
        approved_by: needsApproval && e.managerId ? e.managerId : null,
        created_at: checkIn ?? at(date, 1200),
        updated_at: checkOut ?? at(date, 1200),
      });
    }
  }
  await insertRows(ctx.trx, 'public.attendance_records', rows, ctx.progress);
}
