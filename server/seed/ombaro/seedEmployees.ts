import type { SeedContext } from './SeedContext.js';
import { DEPARTMENTS, EMPLOYEE_USER_DEPARTMENT } from './DEPARTMENTS.js';
import { createPerson, mobileNumber, MOBILE_SPACE, type Person } from './createPerson.js';
import { insertUsers, type UserSpec } from './insertUsers.js';
import { insertRows, json } from './insertRows.js';
import { addDays, at, daysAgo } from './demoClock.js';
import { randomPlace } from './cities.js';
import { DEMO_DOMAIN } from '../../auth/demoAccounts.js';

export interface EmployeeSeed {
  id: string;
  name: string;
  department: string;
  role: string;
  managerId: string | null;
  joiningDate: string;
  status: 'active' | 'on_leave' | 'terminated';
  lastWorkingDate: string | null;
  basic: number;
  type: 'full_time' | 'part_time' | 'contract' | 'intern';
  gender: string;
}

const BANKS = [['HDFC Bank', 'HDFC0'], ['ICICI Bank', 'ICIC0'], ['State Bank of India', 'SBIN0'], ['Axis Bank', 'UTIB0'], ['Kotak Mahindra Bank', 'KKBK0']] as const;

/** 60 head-office employees: the department demo users as heads, staff under them. */
export async function seedEmployees(ctx: SeedContext, demoIds: Record<string, string>): Promise<EmployeeSeed[]> {
  const { rng } = ctx;
  const heads = new Map(DEPARTMENTS.map((d) => [d.role, demoIds[d.role]!]));
  const seeds: EmployeeSeed[] = [];
  const people: Person[] = [];
  const designations: string[] = [];
  const emails: string[] = [];
  let seq = 0;
  const add = (e: Omit<EmployeeSeed, 'id' | 'name' | 'gender'> & { id?: string }, designation: string, email?: string) => {
    const person = createPerson(ctx, mobileNumber(email ? MOBILE_SPACE.demo : MOBILE_SPACE.employee, seq++), { minAge: 22, maxAge: 55 });
    const id = e.id ?? rng.uuid();
    seeds.push({ ...e, id, name: person.name, gender: person.gender });
    people.push(person);
    designations.push(designation);
    emails.push(email ?? `${person.handle}${seq}@ombaro.example`);
  };

  for (const d of DEPARTMENTS) {
    const manager = d.reportsTo ? heads.get(d.reportsTo)! : null;
    add({ id: heads.get(d.role)!, department: d.role, role: d.role, managerId: manager, joiningDate: daysAgo(rng.int(700, 2000)), status: 'active', lastWorkingDate: null, basic: d.headBasic, type: 'full_time' }, d.head, `${d.role}@${DEMO_DOMAIN}`);
  }
  add({ id: demoIds.employee!, department: EMPLOYEE_USER_DEPARTMENT, role: 'employee', managerId: heads.get(EMPLOYEE_USER_DEPARTMENT)!, joiningDate: daysAgo(430), status: 'active', lastWorkingDate: null, basic: 32_000, type: 'full_time' }, 'Front Office Executive', `employee@${DEMO_DOMAIN}`);

  let n = 0;
  for (const d of DEPARTMENTS) {
    for (let i = 0; i < d.size; i++, n++) {
      const type = rng.weighted([['full_time', 80], ['contract', 10], ['intern', 6], ['part_time', 4]] as const);
      // Three leavers and a long leave among the 42 staff, at fixed positions.
      const status = n === 7 || n === 23 ? 'terminated' : n === 30 ? 'on_leave' : 'active';
      const joiningDate = n % 13 === 5 ? daysAgo(rng.int(40, 90)) : daysAgo(rng.int(200, 1500));
      const basic = type === 'intern' ? 15_000 : Math.round((d.headBasic * rng.float(0.25, 0.6)) / 500) * 500;
      add({
        department: d.role,
        // Interns and contractors sign in with the plain `employee` role (their own records only).
        role: type === 'intern' || type === 'contract' ? 'employee' : d.role,
        managerId: heads.get(d.role)!,
        joiningDate,
        status,
        lastWorkingDate: status === 'terminated' ? daysAgo(rng.int(35, 75)) : null,
        basic,
        type,
      }, d.staff[i % d.staff.length]!);
    }
  }

  const users: UserSpec[] = seeds.map((e, i) => ({
    id: e.id,
    email: emails[i]!,
    person: people[i]!,
    role: e.role,
    createdAt: at(e.joiningDate, 600),
    lastSignInAt: e.status === 'terminated' ? at(e.lastWorkingDate!, 1080) : at(daysAgo(rng.int(0, 5)), rng.int(540, 1200)),
    status: e.status === 'terminated' ? 'inactive' : 'active',
  }));
  await insertUsers(ctx, users);

  const rows = seeds.map((e, i) => {
    const p = people[i]!;
    const place = randomPlace(rng);
    const [bank, ifsc] = rng.pick(BANKS);
    const probationEnd = addDays(e.joiningDate, 180);
    const confirmed = probationEnd <= daysAgo(0) && e.type !== 'intern';
    return {
      id: e.id,
      employee_code: `OMB${String(1001 + i)}`,
      name: e.name,
      email: emails[i],
      mobile: p.mobile,
      gender: p.gender,
      date_of_birth: p.dateOfBirth,
      profile_photo: null,
      department: e.department,
      designation: designations[i],
      employee_type: e.type,
      reporting_manager: e.managerId,
      joining_date: e.joiningDate,
      probation_end_date: probationEnd,
      confirmation_date: confirmed ? probationEnd : null,
      resignation_date: e.lastWorkingDate ? addDays(e.lastWorkingDate, -30) : null,
      last_working_date: e.lastWorkingDate,
      status: e.status,
      address: json({ street: place.line1, locality: place.locality, city: place.city, state: place.state, pincode: place.pincode, country: 'India' }),
      emergency_contact: json({ name: `${ctx.faker.person.firstName()} ${p.last}`, relation: rng.pick(['Spouse', 'Father', 'Mother', 'Brother', 'Sister']), phone: mobileNumber(MOBILE_SPACE.employee, 500 + i), alternate_phone: null }),
      bank_details: json({ account_number: rng.digits(12), ifsc: `${ifsc}${rng.digits(6)}`, bank_name: bank, branch: place.locality }),
      documents: json([
        { type: 'aadhaar', url: `https://files.ombaro.example/hr/${e.id}/aadhaar.pdf`, uploaded_at: at(e.joiningDate, 660) },
        { type: 'pan', url: `https://files.ombaro.example/hr/${e.id}/pan.pdf`, uploaded_at: at(e.joiningDate, 665) },
      ]),
      created_at: at(e.joiningDate, 600),
      updated_at: at(e.joiningDate, 600),
    };
  });
  // reporting_manager points at earlier rows only (heads first), so one insert keeps the FK happy.
  await insertRows(ctx.trx, 'public.employees', rows, ctx.progress);
  return seeds;
}
