import type { Knex } from 'knex';

/**
 * OMBARO demo schema, part 1: shared plumbing and identity.
 * Seed 004 "Core Database Schema" section 1 (user_profiles, role_permissions).
 * `auth.users`, `auth.uid()` and `auth.role()` come from the core migration; the seed's own
 * CREATE TABLE auth.users is therefore not repeated here.
 * RLS (ENABLE ROW LEVEL SECURITY, CREATE POLICY) is deliberately left out: a later migration
 * derives it from the role matrix.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- One trigger function for every table with an updated_at column.
    CREATE FUNCTION public.set_updated_at() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END
      $$;
    COMMENT ON FUNCTION public.set_updated_at() IS 'BEFORE UPDATE trigger: stamps updated_at with now()';

    -- Per-day counters behind human-readable document numbers (bookings: OBO-YYYYMMDD-NNNN,
    -- support tickets: TKT-YYYYMMDD-NNNN). The upsert takes a row lock on (scope, day), so
    -- concurrent inserts are serialised on that row and never get the same number.
    CREATE TABLE public.document_counters (
      scope text NOT NULL,
      day date NOT NULL,
      last_value integer NOT NULL DEFAULT 0 CHECK (last_value >= 0),
      PRIMARY KEY (scope, day)
    );
    COMMENT ON TABLE public.document_counters IS 'Internal: last number handed out per document prefix and day (booking and ticket numbers)';
    COMMENT ON COLUMN public.document_counters.scope IS 'Number prefix, e.g. OBO (bookings) or TKT (support tickets)';
    COMMENT ON COLUMN public.document_counters.day IS 'Day of the numbered documents (UTC date of their created_at)';
    COMMENT ON COLUMN public.document_counters.last_value IS 'Last sequence number handed out for that day';

    -- Next number for prefix on the (UTC) day of p_at: PREFIX-YYYYMMDD-NNNN, at least 4 digits.
    -- SECURITY DEFINER so that callers need no privileges on document_counters.
    CREATE FUNCTION public.next_document_number(p_prefix text, p_at timestamptz) RETURNS text
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      DECLARE
        d date := (coalesce(p_at, now()) AT TIME ZONE 'UTC')::date;
        n integer;
      BEGIN
        INSERT INTO public.document_counters AS c (scope, day, last_value)
        VALUES (p_prefix, d, 1)
        ON CONFLICT (scope, day) DO UPDATE SET last_value = c.last_value + 1
        RETURNING c.last_value INTO n;
        RETURN p_prefix || '-' || to_char(d, 'YYYYMMDD') || '-' || lpad(n::text, greatest(4, length(n::text)), '0');
      END
      $$;
    COMMENT ON FUNCTION public.next_document_number(text, timestamptz) IS
      'Hands out PREFIX-YYYYMMDD-NNNN (per-day counter, concurrency-safe) for the UTC day of the given timestamp';

    -- A number supplied explicitly (e.g. by the demo seeder) in the same format moves the
    -- day's counter forward, so later generated numbers do not collide with it.
    CREATE FUNCTION public.note_document_number(p_prefix text, p_number text) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      DECLARE
        m text[] := regexp_match(p_number, '^' || p_prefix || '-([0-9]{8})-([0-9]{1,9})$');
        d date;
      BEGIN
        IF m IS NULL THEN
          RETURN;
        END IF;
        BEGIN
          d := to_date(m[1], 'YYYYMMDD');
        EXCEPTION WHEN others THEN
          RETURN; -- not a real date: nothing to keep in step with
        END;
        IF to_char(d, 'YYYYMMDD') <> m[1] THEN
          RETURN;
        END IF;
        INSERT INTO public.document_counters AS c (scope, day, last_value)
        VALUES (p_prefix, d, m[2]::integer)
        ON CONFLICT (scope, day) DO UPDATE SET last_value = greatest(c.last_value, EXCLUDED.last_value);
      END
      $$;
    COMMENT ON FUNCTION public.note_document_number(text, text) IS
      'Advances the per-day counter past an explicitly supplied PREFIX-YYYYMMDD-NNNN number';

    -- ---------------------------------------------------------------- user_profiles
    CREATE TABLE public.user_profiles (
      id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
      name text NOT NULL,
      mobile text UNIQUE NOT NULL,
      gender text CHECK (gender IN ('male', 'female', 'other')),
      date_of_birth date,
      profile_image text,
      role text NOT NULL CHECK (role IN (
        'customer', 'vendor', 'therapist', 'employee', 'admin',
        'accounts_department', 'marketing_department', 'finance_department',
        'legal_department', 'customer_care', 'staff_department',
        'vendor_list', 'customer_data', 'fo_department', 'it_department',
        'super_admin', 'ho_details', 'corporate_office', 'advocate',
        'ca_cs', 'directors', 'hr_department'
      )),
      status text DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'suspended')),
      address jsonb,
      preferences jsonb,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_user_profiles_role ON public.user_profiles(role);
    CREATE INDEX idx_user_profiles_status ON public.user_profiles(status);
    CREATE INDEX idx_user_profiles_mobile ON public.user_profiles(mobile);
    CREATE TRIGGER user_profiles_set_updated_at BEFORE UPDATE ON public.user_profiles
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.user_profiles IS 'Profile and platform role of every signed-up user (one row per auth user)';
    COMMENT ON COLUMN public.user_profiles.id IS 'The auth user this profile belongs to';
    COMMENT ON COLUMN public.user_profiles.role IS 'Platform role; decides which modules the user can reach';
    COMMENT ON COLUMN public.user_profiles.address IS '{ street, city, state, pincode, country }';
    COMMENT ON COLUMN public.user_profiles.preferences IS 'User preferences and settings';

    -- ---------------------------------------------------------------- role_permissions
    -- seed deviation: UNIQUE(role_id, module_id, sub_module_id) lets two module-level rows
    -- (sub_module_id NULL) coexist for the same role and module; NULLS NOT DISTINCT (PG15+)
    -- treats NULL sub-modules as equal, so there is at most one module-level row.
    CREATE TABLE public.role_permissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      role_id text NOT NULL,
      module_id text NOT NULL,
      sub_module_id text,
      permissions text[] DEFAULT '{}',
      created_at timestamptz DEFAULT now(),
      CONSTRAINT role_permissions_role_id_module_id_sub_module_id_key
        UNIQUE NULLS NOT DISTINCT (role_id, module_id, sub_module_id)
    );
    CREATE INDEX idx_role_permissions_role ON public.role_permissions(role_id);
    CREATE INDEX idx_role_permissions_module ON public.role_permissions(module_id);

    COMMENT ON TABLE public.role_permissions IS 'Role matrix: which actions each role may perform on each module or sub-module';
    COMMENT ON COLUMN public.role_permissions.role_id IS 'Maps to role enum (user_profiles.role)';
    COMMENT ON COLUMN public.role_permissions.module_id IS 'Module, e.g. finance, hr, bookings';
    COMMENT ON COLUMN public.role_permissions.sub_module_id IS 'Optional single table inside the module; overrides the module row for that table';
    COMMENT ON COLUMN public.role_permissions.permissions IS 'Actions: read, create, update, delete, approve, export';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.role_permissions;
    DROP TABLE IF EXISTS public.user_profiles;
    DROP FUNCTION IF EXISTS public.note_document_number(text, text);
    DROP FUNCTION IF EXISTS public.next_document_number(text, timestamptz);
    DROP TABLE IF EXISTS public.document_counters;
    DROP FUNCTION IF EXISTS public.set_updated_at();
  `);
}
