import type { Knex } from 'knex';

/**
 * HR's leave queue: every leave request with what a decision needs in view — the employee's
 * entitlement for that kind of leave, the days already approved this year, the balance left
 * if this one is granted, and how many colleagues of the same department are away (approved
 * or asked) on overlapping days. A security_invoker view: the caller's own RLS applies to
 * every table it reads, and the matrix decides who sees the queue at all (module hr; the
 * resource is in permissions/modules.ts, so gatehouse.matrix_modules knows it).
 * Entitlements are OMBARO's annual policy (casual 12, sick 12, earned 18, maternity 182,
 * paternity 15, emergency 3 days; unpaid has no limit).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE VIEW public.leave_queue WITH (security_invoker = true) AS
    SELECT l.id, l.employee_id, e.name AS employee_name, e.department, l.leave_type, l.from_date, l.to_date, l.total_days, l.reason, l.status, l.applied_date,
           ent.days AS entitled_days,
           taken.days AS taken_days,
           ent.days - taken.days - CASE WHEN l.status = 'pending' THEN l.total_days ELSE 0 END AS balance_after,
           (SELECT count(*)::int
              FROM public.leave_requests o JOIN public.employees oe ON oe.id = o.employee_id
             WHERE oe.department = e.department AND o.id <> l.id AND o.status IN ('approved', 'pending')
               AND o.from_date <= l.to_date AND o.to_date >= l.from_date) AS overlapping_in_department
      FROM public.leave_requests l
      JOIN public.employees e ON e.id = l.employee_id
      LEFT JOIN (VALUES ('casual', 12), ('sick', 12), ('earned', 18), ('maternity', 182), ('paternity', 15), ('emergency', 3))
           AS ent(leave_type, days) ON ent.leave_type = l.leave_type
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(x.total_days), 0)::int AS days FROM public.leave_requests x
         WHERE x.employee_id = l.employee_id AND x.leave_type = l.leave_type AND x.status = 'approved'
           AND x.id <> l.id AND date_part('year', x.from_date) = date_part('year', l.from_date)
      ) taken
     WHERE (SELECT gatehouse.allows('leave_queue', 'read'));
    COMMENT ON VIEW public.leave_queue IS 'Leave requests with the employee''s balance and overlapping absences in view';
    COMMENT ON COLUMN public.leave_queue.balance_after IS 'Days of this kind of leave left this year if this request is granted';
    COMMENT ON COLUMN public.leave_queue.overlapping_in_department IS 'Colleagues of the same department away (approved or asked) on overlapping days';
    GRANT SELECT ON public.leave_queue TO gatehouse_api;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP VIEW IF EXISTS public.leave_queue;`);
}
