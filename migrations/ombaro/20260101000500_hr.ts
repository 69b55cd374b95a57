import type { Knex } from 'knex';

/** OMBARO demo schema, part 5: employees and HR (seed 004 section 7). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- employees
    CREATE TABLE public.employees (
      id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
      employee_code text UNIQUE NOT NULL,
      name text NOT NULL,
      email text UNIQUE NOT NULL,
      mobile text NOT NULL,
      gender text CHECK (gender IN ('male', 'female', 'other')),
      date_of_birth date,
      profile_photo text,
      department text NOT NULL,
      designation text NOT NULL,
      employee_type text CHECK (employee_type IN ('full_time', 'part_time', 'contract', 'intern')),
      reporting_manager uuid REFERENCES public.employees(id),
      joining_date date NOT NULL,
      probation_end_date date,
      confirmation_date date,
      resignation_date date,
      last_working_date date,
      status text DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'on_leave', 'terminated')),
      address jsonb,
      emergency_contact jsonb,
      bank_details jsonb,
      documents jsonb DEFAULT '[]',
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_employees_code ON public.employees(employee_code);
    CREATE INDEX idx_employees_department ON public.employees(department);
    CREATE INDEX idx_employees_manager ON public.employees(reporting_manager);
    CREATE INDEX idx_employees_status ON public.employees(status);
    CREATE TRIGGER employees_set_updated_at BEFORE UPDATE ON public.employees
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.employees IS 'OMBARO staff in head office and departments; one row per employee user';
    COMMENT ON COLUMN public.employees.id IS 'The employee''s auth user';
    COMMENT ON COLUMN public.employees.department IS 'Maps to role definitions (e.g. hr_department, finance_department)';
    COMMENT ON COLUMN public.employees.reporting_manager IS 'The employee this one reports to';
    COMMENT ON COLUMN public.employees.emergency_contact IS '{ name, relation, phone, alternate_phone }';
    COMMENT ON COLUMN public.employees.bank_details IS 'Encrypted';
    COMMENT ON COLUMN public.employees.documents IS '[{ type, url, uploaded_at }]';

    -- ---------------------------------------------------------------- attendance_records
    CREATE TABLE public.attendance_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES public.employees(id) ON DELETE CASCADE,
      date date NOT NULL,
      check_in_time timestamptz,
      check_out_time timestamptz,
      status text NOT NULL CHECK (status IN ('present', 'absent', 'late', 'half_day', 'leave', 'work_from_home', 'holiday')),
      work_hours numeric(5,2),
      check_in_location jsonb,
      check_out_location jsonb,
      notes text,
      approved_by uuid REFERENCES public.employees(id),
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now(),
      UNIQUE(employee_id, date)
    );
    CREATE INDEX idx_attendance_employee ON public.attendance_records(employee_id);
    CREATE INDEX idx_attendance_date ON public.attendance_records(date);
    CREATE INDEX idx_attendance_status ON public.attendance_records(status);
    CREATE INDEX idx_attendance_approved_by ON public.attendance_records(approved_by);
    CREATE TRIGGER attendance_records_set_updated_at BEFORE UPDATE ON public.attendance_records
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.attendance_records IS 'Daily attendance of employees (one row per employee and day)';
    COMMENT ON COLUMN public.attendance_records.work_hours IS 'Hours worked that day';
    COMMENT ON COLUMN public.attendance_records.check_in_location IS '{ latitude, longitude, address }';
    COMMENT ON COLUMN public.attendance_records.check_out_location IS '{ latitude, longitude, address }';

    -- ---------------------------------------------------------------- leave_requests
    CREATE TABLE public.leave_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES public.employees(id) ON DELETE CASCADE,
      leave_type text NOT NULL CHECK (leave_type IN (
        'sick', 'casual', 'earned', 'maternity', 'paternity', 'emergency', 'unpaid'
      )),
      from_date date NOT NULL,
      to_date date NOT NULL,
      total_days integer GENERATED ALWAYS AS (to_date - from_date + 1) STORED,
      reason text NOT NULL,
      status text DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
      applied_date timestamptz DEFAULT now(),
      approved_by uuid REFERENCES public.employees(id),
      approved_date timestamptz,
      rejection_reason text,
      documents text[],
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now(),
      CHECK (to_date >= from_date)
    );
    CREATE INDEX idx_leave_requests_employee ON public.leave_requests(employee_id);
    CREATE INDEX idx_leave_requests_status ON public.leave_requests(status);
    CREATE INDEX idx_leave_requests_dates ON public.leave_requests(from_date, to_date);
    CREATE INDEX idx_leave_requests_approved_by ON public.leave_requests(approved_by);
    CREATE TRIGGER leave_requests_set_updated_at BEFORE UPDATE ON public.leave_requests
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.leave_requests IS 'Employees'' leave applications and their approval';
    COMMENT ON COLUMN public.leave_requests.total_days IS 'Computed: to_date - from_date + 1';
    COMMENT ON COLUMN public.leave_requests.approved_by IS 'Who approved or rejected the request (never the employee)';
    COMMENT ON COLUMN public.leave_requests.rejection_reason IS 'Needed when the request is rejected';

    -- ---------------------------------------------------------------- salary_records
    CREATE TABLE public.salary_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES public.employees(id) ON DELETE RESTRICT,
      month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
      year integer NOT NULL,
      basic_salary numeric(10,2) NOT NULL,
      allowances jsonb DEFAULT '{}',
      deductions jsonb DEFAULT '{}',
      overtime_hours numeric(5,2) DEFAULT 0,
      overtime_amount numeric(10,2) DEFAULT 0,
      bonus numeric(10,2) DEFAULT 0,
      gross_salary numeric(10,2) NOT NULL,
      total_deductions numeric(10,2) NOT NULL,
      net_salary numeric(10,2) NOT NULL,
      payment_date date,
      payment_method text,
      payment_reference text,
      status text DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'paid', 'hold')),
      notes text,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now(),
      UNIQUE(employee_id, month, year)
    );
    CREATE INDEX idx_salary_records_employee ON public.salary_records(employee_id);
    CREATE INDEX idx_salary_records_period ON public.salary_records(year, month);
    CREATE INDEX idx_salary_records_status ON public.salary_records(status);
    CREATE TRIGGER salary_records_set_updated_at BEFORE UPDATE ON public.salary_records
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.salary_records IS 'Monthly payroll of each employee';
    COMMENT ON COLUMN public.salary_records.allowances IS '{ hra, transport, medical, special, other }';
    COMMENT ON COLUMN public.salary_records.deductions IS '{ pf, esi, tax, loan_emi, advance, other }';
    COMMENT ON COLUMN public.salary_records.payment_reference IS 'Bank transfer reference; needed to mark the salary paid';

    -- ---------------------------------------------------------------- performance_reviews
    CREATE TABLE public.performance_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid NOT NULL REFERENCES public.employees(id) ON DELETE CASCADE,
      review_period_start date NOT NULL,
      review_period_end date NOT NULL,
      reviewer_id uuid NOT NULL REFERENCES public.employees(id),
      review_type text CHECK (review_type IN ('quarterly', 'half_yearly', 'annual', 'probation')),
      overall_rating numeric(3,2) CHECK (overall_rating BETWEEN 0 AND 5),
      technical_rating numeric(3,2),
      communication_rating numeric(3,2),
      teamwork_rating numeric(3,2),
      leadership_rating numeric(3,2),
      goals jsonb DEFAULT '[]',
      achievements text[],
      areas_of_improvement text[],
      reviewer_comments text,
      employee_comments text,
      action_plan text,
      review_date date NOT NULL,
      status text DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'acknowledged')),
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_performance_reviews_employee ON public.performance_reviews(employee_id);
    CREATE INDEX idx_performance_reviews_reviewer ON public.performance_reviews(reviewer_id);
    CREATE INDEX idx_performance_reviews_period ON public.performance_reviews(review_period_start, review_period_end);
    CREATE TRIGGER performance_reviews_set_updated_at BEFORE UPDATE ON public.performance_reviews
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.performance_reviews IS 'Periodic performance appraisals of employees';
    COMMENT ON COLUMN public.performance_reviews.reviewer_id IS 'The employee who wrote the review';
    COMMENT ON COLUMN public.performance_reviews.overall_rating IS 'Overall rating, 0 to 5';
    COMMENT ON COLUMN public.performance_reviews.goals IS '[{ goal, status, achievement_percentage }]';
    COMMENT ON COLUMN public.performance_reviews.employee_comments IS 'The reviewed employee''s response';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.performance_reviews;
    DROP TABLE IF EXISTS public.salary_records;
    DROP TABLE IF EXISTS public.leave_requests;
    DROP TABLE IF EXISTS public.attendance_records;
    DROP TABLE IF EXISTS public.employees;
  `);
}
