import type { Faker } from '@faker-js/faker';
import type { Knex } from 'knex';
import type { Random } from './createRandom.js';
import type { Place } from './cities.js';
import type { Progress } from './insertRows.js';

/** What every seeding step gets: the transaction, the seeded generators, progress. */
export interface SeedContext {
  trx: Knex.Transaction;
  rng: Random;
  faker: Faker;
  progress: Progress;
  /** argon2id hash of DEMO_PASSWORD, computed once and shared by every seeded user. */
  passwordHash: string;
}

export interface ServiceRef {
  id: string;
  code: string;
  name: string;
  price: number;
  durations: number[];
  addons: string[];
}

export interface AddonRef {
  id: string;
  code: string;
  name: string;
  price: number;
}

export interface TherapistRef {
  id: string;
  name: string;
  specialization: string[];
}

export interface VendorRef {
  id: string;
  name: string;
  businessType: string;
  commissionRate: number;
  place: Place;
  bookable: boolean;
  therapists: TherapistRef[];
}

export interface EmployeeRef {
  id: string;
  name: string;
  department: string;
  role: string;
  managerId: string | null;
}

export interface PromotionRef {
  id: string;
  code: string;
  type: string;
  value: number;
  minAmount: number;
  maxDiscount: number | null;
  validFrom: string;
  validTo: string;
  /** Empty = every service / every vendor. */
  services: string[];
  vendors: string[];
  status: string;
}

/** The fixed part of the demo (seeded once), read back from the database for each volume batch. */
export interface World {
  services: ServiceRef[];
  addons: AddonRef[];
  vendors: VendorRef[];
  employees: EmployeeRef[];
  promotions: PromotionRef[];
  /** Demo user id by role. */
  demo: Record<string, string>;
  /** therapists.id of the demo `therapist` user. */
  demoTherapist: string | undefined;
}

/** Employees of a department (or of one of several), never empty: falls back to everybody. */
export function employeesOf(world: World, ...departments: string[]): EmployeeRef[] {
  const found = world.employees.filter((e) => departments.includes(e.department));
  return found.length ? found : world.employees;
}
