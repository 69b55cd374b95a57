import type { SeedContext } from './SeedContext.js';
import { addDays } from './demoClock.js';

export type Gender = 'male' | 'female' | 'other';

export interface Person {
  first: string;
  last: string;
  name: string;
  gender: Gender;
  dateOfBirth: string;
  mobile: string;
  /** Lower-case ascii "first.last", for e-mail addresses. */
  handle: string;
}

/** Number spaces that keep every generated mobile number unique (user_profiles.mobile is UNIQUE). */
export const MOBILE_SPACE = { demo: 1, vendor: 2, employee: 3, therapist: 4, vendorStaff: 5, customers: 100 } as const;

/**
 * An Indian mobile number that is unique for (space, seq): the pair is mapped through a
 * bijection of 0..1e9-1 (multiplier coprime with 10), so the digits still look random.
 */
export function mobileNumber(space: number, seq: number): string {
  const n = space * 1_000_000 + seq;
  const digits = String((n * 7_777_777 + 123_456_789) % 1_000_000_000).padStart(9, '0');
  const lead = '9876'[n % 4];
  return `+91 ${lead}${digits.slice(0, 4)} ${digits.slice(4)}`;
}

const ascii = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');

/** A person with an Indian name (faker en_IN), born 21–60 years before `ageAt`. */
export function createPerson(
  ctx: SeedContext,
  mobile: string,
  options: { gender?: Gender; minAge?: number; maxAge?: number; ageAt?: string } = {},
): Person {
  const { rng, faker } = ctx;
  const gender = options.gender ?? (rng.chance(0.52) ? 'female' : rng.chance(0.985) ? 'male' : 'other');
  const sex = gender === 'other' ? (rng.chance(0.5) ? 'female' : 'male') : gender;
  const first = faker.person.firstName(sex);
  const last = faker.person.lastName();
  const age = rng.int(options.minAge ?? 21, options.maxAge ?? 60);
  const dateOfBirth = addDays(options.ageAt ?? '2026-11-01', -(age * 365 + rng.int(0, 364)));
  return { first, last, name: `${first} ${last}`, gender, dateOfBirth, mobile, handle: `${ascii(first)}.${ascii(last)}` };
}
