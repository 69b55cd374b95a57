import type { Knex } from 'knex';

/** OMBARO demo schema, part 2: service catalog (seed 004 section 2). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- ---------------------------------------------------------------- services
    CREATE TABLE public.services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text UNIQUE NOT NULL,
      name text NOT NULL,
      category text NOT NULL CHECK (category IN (
        'relaxation', 'therapeutic', 'specialty', 'couples', 'wellness'
      )),
      description text,
      style text,
      pressure_level integer CHECK (pressure_level BETWEEN 1 AND 5),
      techniques text,
      focus_areas text,
      primary_benefits text,
      contraindications text,
      oils_products text,
      room_setup text,
      recommended_addons text[],
      duration_options integer[],
      base_price_60min numeric(10,2) NOT NULL,
      is_active boolean DEFAULT true,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE INDEX idx_services_category ON public.services(category);
    CREATE INDEX idx_services_code ON public.services(code);
    CREATE INDEX idx_services_active ON public.services(is_active);
    -- Full-text search index.
    -- seed deviation: the seed concatenates name || ' ' || description || ' ' || techniques;
    -- description and techniques are nullable and one NULL makes the whole document NULL
    -- (the service becomes unsearchable), so each part is wrapped in coalesce(..., '').
    -- Queries must use the same expression to hit this index.
    CREATE INDEX idx_services_search ON public.services
      USING gin (to_tsvector('english',
        coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(techniques, '')));
    CREATE TRIGGER services_set_updated_at BEFORE UPDATE ON public.services
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.services IS 'Massage and wellness services offered on the platform';
    COMMENT ON COLUMN public.services.code IS 'Short service code, e.g. ARO, SWD, DPT';
    COMMENT ON COLUMN public.services.pressure_level IS 'Massage pressure, 1 (light) to 5 (very firm)';
    COMMENT ON COLUMN public.services.recommended_addons IS 'Codes of add-on services that go well with this one';
    COMMENT ON COLUMN public.services.duration_options IS 'Array of duration options in minutes';
    COMMENT ON COLUMN public.services.base_price_60min IS 'Price of a 60-minute session';

    -- ---------------------------------------------------------------- service_packages
    CREATE TABLE public.service_packages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text,
      service_ids uuid[] NOT NULL,
      total_duration integer NOT NULL,
      package_price numeric(10,2) NOT NULL,
      discount_percentage numeric(5,2) DEFAULT 0,
      is_active boolean DEFAULT true,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE TRIGGER service_packages_set_updated_at BEFORE UPDATE ON public.service_packages
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.service_packages IS 'Bundles of several services sold together at a package price';
    COMMENT ON COLUMN public.service_packages.service_ids IS 'Array of service IDs';
    COMMENT ON COLUMN public.service_packages.total_duration IS 'Total duration in minutes';
    COMMENT ON COLUMN public.service_packages.discount_percentage IS 'Discount against the sum of the services'' prices, in percent';

    -- ---------------------------------------------------------------- addon_services
    CREATE TABLE public.addon_services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text UNIQUE NOT NULL,
      name text NOT NULL,
      description text,
      duration integer NOT NULL,
      price numeric(10,2) NOT NULL,
      is_active boolean DEFAULT true,
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    CREATE TRIGGER addon_services_set_updated_at BEFORE UPDATE ON public.addon_services
      FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

    COMMENT ON TABLE public.addon_services IS 'Extras that can be added to a booked service (e.g. hot stones, aromatherapy oil)';
    COMMENT ON COLUMN public.addon_services.duration IS 'Duration in minutes';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS public.addon_services;
    DROP TABLE IF EXISTS public.service_packages;
    DROP TABLE IF EXISTS public.services;
  `);
}
