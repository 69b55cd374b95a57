import type { SeedContext } from './SeedContext.js';
import { seedCatalog } from './seedCatalog.js';
import { seedEmployees } from './seedEmployees.js';
import { seedLeaveRequests } from './seedLeaveRequests.js';
import { seedAttendance } from './seedAttendance.js';
import { seedPayroll } from './seedPayroll.js';
import { seedPerformanceReviews } from './seedPerformanceReviews.js';
import { seedVendors } from './seedVendors.js';
import { seedTherapists } from './seedTherapists.js';
import { seedTherapistLeaves } from './seedTherapistLeaves.js';
import { seedMarketing } from './seedMarketing.js';

/** Rows the fixed part writes (for the progress bar). */
export const BASE_ROWS = 4_200;

/**
 * The fixed part of the demo, seeded once: catalog, head-office employees (the department demo
 * users among them) with HR records, vendors with therapists, marketing. The demo customer is
 * written with the first volume batch.
 */
export async function seedBase(ctx: SeedContext, demoIds: Record<string, string>): Promise<void> {
  const serviceIds = await seedCatalog(ctx);
  const employees = await seedEmployees(ctx, demoIds);
  const leaves = await seedLeaveRequests(ctx, employees);
  await seedAttendance(ctx, employees, leaves);
  await seedPayroll(ctx, employees);
  await seedPerformanceReviews(ctx, employees);
  const vendors = await seedVendors(ctx, demoIds.vendor!, serviceIds);
  const therapists = await seedTherapists(ctx, vendors, demoIds.therapist!);
  await seedTherapistLeaves(ctx, therapists, vendors);
  await seedMarketing(ctx, employees, serviceIds, demoIds.vendor!);
}
