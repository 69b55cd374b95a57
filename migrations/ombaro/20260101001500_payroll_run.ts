import type { Knex } from 'knex';

/**
 * The payroll run: `public.run_payroll(year, month)` creates the month's pending salary
 * record for every employee on the rolls who has none yet (UNIQUE(employee_id, month, year)
 * makes a second run add nothing). Basic pay is the employee's latest; allowances are HRA
 * 40 %, special 15 %, transport and medical; overtime is paid double for hours worked beyond
 * nine a day; approved unpaid leave is deducted pro rata; deductions are PF (12 % of basic up
 * to ₹15,000), ESI (0.75 % up to ₹21,000 gross), income tax (new regime, nothing up to ₹12
 * lakh a year) and professional tax. It checks the matrix itself (create on salary records).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION public.run_payroll(p_year integer, p_month integer)
      RETURNS SETOF public.salary_records
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      DECLARE
        v_start date;
        v_end date;
        v_days integer;
      BEGIN
        PERFORM gatehouse.require('salary_records', 'create');
        IF p_month NOT BETWEEN 1 AND 12 THEN
          RAISE EXCEPTION 'a month is 1 to 12' USING ERRCODE = 'check_violation', COLUMN = 'month';
        END IF;
        IF p_year NOT BETWEEN 2000 AND 2100 THEN
          RAISE EXCEPTION 'the year is out of range' USING ERRCODE = 'check_violation', COLUMN = 'year';
        END IF;
        v_start := make_date(p_year, p_month, 1);
        v_end := (v_start + interval '1 month' - interval '1 day')::date;
        v_days := extract(day FROM v_end)::integer;
        RETURN QUERY
        WITH staff AS (
          SELECT e.id,
                 (SELECT s.basic_salary FROM public.salary_records s WHERE s.employee_id = e.id
                   ORDER BY s.year DESC, s.month DESC LIMIT 1) AS basic
            FROM public.employees e
           WHERE e.status IN ('active', 'on_leave') AND e.joining_date <= v_end
             AND (e.last_working_date IS NULL OR e.last_working_date >= v_start)
        ), unpaid AS (
          SELECT l.employee_id, sum(least(l.to_date, v_end) - greatest(l.from_date, v_start) + 1)::integer AS days
            FROM public.leave_requests l
           WHERE l.status = 'approved' AND l.leave_type = 'unpaid' AND l.from_date <= v_end AND l.to_date >= v_start
           GROUP BY l.employee_id
        ), overtime AS (
          SELECT a.employee_id, sum(greatest(a.work_hours - 9, 0)) AS hours
            FROM public.attendance_records a
           WHERE a.date BETWEEN v_start AND v_end
           GROUP BY a.employee_id
        ), earnings AS (
          SELECT st.id AS employee_id, st.basic,
                 jsonb_build_object('hra', round(st.basic * 0.4), 'transport', 1600, 'medical', 1250,
                                    'special', round(st.basic * 0.15), 'other', 0) AS allowances,
                 coalesce(o.hours, 0) AS ot_hours,
                 round(st.basic / 208 * 2 * coalesce(o.hours, 0)) AS ot_amount,
                 round(st.basic / v_days * coalesce(u.days, 0)) AS unpaid_leave
            FROM staff st
            LEFT JOIN unpaid u ON u.employee_id = st.id
            LEFT JOIN overtime o ON o.employee_id = st.id
           WHERE st.basic IS NOT NULL
        ), gross AS (
          SELECT x.*, x.basic + (SELECT sum(v::numeric) FROM jsonb_each_text(x.allowances) AS a(k, v)) + x.ot_amount AS gross
            FROM earnings x
        ), deductions AS (
          SELECT g.*,
                 jsonb_build_object(
                   'pf', round(least(g.basic, 15000) * 0.12),
                   'esi', CASE WHEN g.gross <= 21000 THEN round(g.gross * 0.0075) ELSE 0 END,
                   'tax', CASE WHEN g.gross * 12 <= 1200000 THEN 0
                               ELSE round((g.gross * 12 - 1200000) * CASE WHEN g.gross * 12 > 2400000 THEN 0.25 ELSE 0.15 END / 12) END,
                   'unpaid_leave', g.unpaid_leave,
                   'other', 200) AS deductions
            FROM gross g
        )
        INSERT INTO public.salary_records AS s (employee_id, month, year, basic_salary, allowances, deductions,
               overtime_hours, overtime_amount, bonus, gross_salary, total_deductions, net_salary, notes)
        SELECT d.employee_id, p_month, p_year, d.basic, d.allowances, d.deductions, d.ot_hours, d.ot_amount, 0,
               d.gross, t.total, d.gross - t.total,
               CASE WHEN d.unpaid_leave > 0 THEN 'Unpaid leave deducted' END
          FROM deductions d
          CROSS JOIN LATERAL (SELECT sum(v::numeric) AS total FROM jsonb_each_text(d.deductions) AS x(k, v)) t
        ON CONFLICT (employee_id, month, year) DO NOTHING
        RETURNING s.*;
      END $$;
    COMMENT ON FUNCTION public.run_payroll(integer, integer) IS
      'Pending salary records for the month for everyone on the rolls who has none yet';
  `);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible: restore from a backup instead.');
}
