import type { SeedContext } from './SeedContext.js';
import type { EmployeeSeed } from './seedEmployees.js';
import { insertRows, json } from './insertRows.js';
import { ANCHOR, addDays, daysBetween } from './demoClock.js';

const ACHIEVEMENTS = ['Closed the quarter without escalations', 'Automated the weekly MIS report', 'Onboarded 12 new spa partners', 'Cut ticket resolution time by 20%', 'Led the monsoon campaign launch', 'Mentored two new joiners'];
const IMPROVE = ['Documentation', 'Time management', 'Stakeholder communication', 'Delegation', 'Attention to detail'];

/** Half-yearly reviews (Apr–Sep 2026), last year's annual reviews and probation reviews of new joiners. */
export async function seedPerformanceReviews(ctx: SeedContext, employees: readonly EmployeeSeed[]): Promise<void> {
  const { rng } = ctx;
  const rows: Record<string, unknown>[] = [];
  const review = (e: EmployeeSeed, type: string, from: string, to: string, date: string, status: string) => {
    const r = () => rng.float(2.5, 5, 1);
    const ratings = [r(), r(), r(), r()];
    const overall = Math.round((ratings.reduce((s, v) => s + v, 0) / 4) * 100) / 100;
    rows.push({
      id: rng.uuid(),
      employee_id: e.id,
      review_period_start: from,
      review_period_end: to,
      reviewer_id: e.managerId,
      review_type: type,
      overall_rating: overall,
      technical_rating: ratings[0],
      communication_rating: ratings[1],
      teamwork_rating: ratings[2],
      leadership_rating: ratings[3],
      goals: json([
        { goal: 'Meet departmental KPIs', status: 'completed', achievement_percentage: rng.int(70, 110) },
        { goal: rng.pick(['Complete a certification', 'Improve process turnaround', 'Cross-train a colleague']), status: rng.pick(['completed', 'in_progress']), achievement_percentage: rng.int(30, 100) },
      ]),
      achievements: rng.sample(ACHIEVEMENTS, rng.int(1, 2)),
      areas_of_improvement: rng.sample(IMPROVE, rng.int(1, 2)),
      reviewer_comments: overall >= 4 ? 'Consistently exceeds expectations.' : overall >= 3.3 ? 'Solid performer; meets expectations.' : 'Needs support on agreed improvement areas.',
      employee_comments: status === 'acknowledged' ? rng.pick(['Thank you for the feedback.', 'Agree with the assessment; will work on the action plan.']) : null,
      action_plan: 'Monthly one-on-ones to track the goals above',
      review_date: date,
      status,
      created_at: `${date}T11:00:00+05:30`,
      updated_at: `${date}T11:00:00+05:30`,
    });
  };
  for (const e of employees) {
    if (!e.managerId || e.status === 'terminated') continue;
    const tenure = daysBetween(e.joiningDate, ANCHOR);
    if (tenure < 120) {
      review(e, 'probation', e.joiningDate, addDays(ANCHOR, -1), addDays(ANCHOR, -rng.int(1, 5)), 'draft');
      continue;
    }
    if (e.joiningDate < '2025-04-01') review(e, 'annual', '2025-04-01', '2026-03-31', addDays('2026-04-15', rng.int(0, 20)), 'acknowledged');
    if (e.joiningDate < '2026-04-01') {
      const status = e.role === 'employee' && e.type === 'full_time' ? 'submitted' : rng.weighted([['acknowledged', 50], ['submitted', 35], ['draft', 15]] as const);
      review(e, 'half_yearly', '2026-04-01', '2026-09-30', addDays('2026-10-08', rng.int(0, 14)), status);
    }
  }
  await insertRows(ctx.trx, 'public.performance_reviews', rows, ctx.progress);
}
