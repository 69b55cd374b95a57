import type { Knex } from 'knex';

/**
 * HR's leave queue names who else is away: beside the count of colleagues of the same
 * department away on overlapping days, their names and days ("Asha Rao (12–14 Dec)", with
 * "asked" for requests not yet decided), so a decision needs no second screen.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE VIEW public.leave_queue WITH (security_invoker = true) AS
    SELECT l.id, l.employee_id, e.name AS employee_name, e.department, l.leave_type, l.from_date, l.to_date, l.total_days, l.reason, l.status, l.applied_date,
           ent.days AS entitled_days,
           taken.days AS taken_days,
           ent.days - taken.days - CASE WHEN l.status = 'pending' THEN l.total_days ELSE 0 END AS balance_after,
           away.n AS overlapping_in_department,
           away.names AS also_away
      FROM public.leave_requests l
      JOIN public.employees e ON e.id = l.employee_id
      LEFT JOIN (VALUES ('casual', 12), ('sick', 12), ('earned', 18), ('maternity', 182), ('paternity', 15), ('emergency', 3))
           AS ent(leave_type, days) ON ent.leave_type = l.leave_type
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(x.total_days), 0)::int AS days FROM public.leave_requests x
         WHERE x.employee_id = l.employee_id AND x.leave_type = l.leave_type AND x.status = 'approved'
           AND x.id <> l.id AND date_part('year', x.from_date) = date_part('year', l.from_date)
      ) taken
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS n,
               string_agg(
                 oe.name || ' (' || to_char(o.from_date, 'FMDD Mon')
                   || CASE WHEN o.to_date <> o.from_date THEN '–' || to_char(o.to_date, 'FMDD Mon') ELSE '' END
                   || CASE WHEN o.status = 'pending' THEN ', asked' ELSE '' END || ')',
                 ', ' ORDER BY o.from_date, oe.name) AS names
          FROM public.leave_requests o JOIN public.employees oe ON oe.id = o.employee_id
         WHERE oe.department = e.department AND o.id <> l.id AND o.status IN ('approved', 'pending')
           AND o.from_date <= l.to_date AND o.to_date >= l.from_date
      ) away
     WHERE (SELECT gatehouse.allows('leave_queue', 'read'));
    COMMENT ON COLUMN public.leave_queue.also_away IS 'Who of the same department is away on overlapping days, and when';
  `);
}

export async function down(): Promise<void> {
  throw new Error('The leave queue keeps its names: restore from a backup instead.');
}
