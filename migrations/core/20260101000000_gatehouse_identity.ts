import type { Knex } from 'knex';

/**
 * Gatehouse's own objects, and nothing else: this migration runs against any database
 * Gatehouse is pointed at, so it only creates things in the `auth` and `gatehouse`
 * schemas and never alters an existing table. `auth.users` follows Supabase's shape so that
 * schemas written for Supabase (foreign keys to auth.users, auth.uid() in policies) work.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE SCHEMA IF NOT EXISTS auth;
    CREATE SCHEMA IF NOT EXISTS gatehouse;

    CREATE TABLE IF NOT EXISTS auth.users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text UNIQUE NOT NULL,
      encrypted_password text NOT NULL,
      email_confirmed_at timestamptz,
      last_sign_in_at timestamptz,
      raw_app_meta_data jsonb,  -- {"role": "..."}: the Gatehouse role of the user
      raw_user_meta_data jsonb, -- {"name": "..."}
      created_at timestamptz DEFAULT now(),
      updated_at timestamptz DEFAULT now()
    );
    -- An auth.users that was there before (a trimmed Supabase, another tool's) may have
    -- another shape: Gatehouse signs people in, so it adds what it needs, nullable, and leaves
    -- every existing column and row as it was. Existing users have no password until an
    -- administrator sets one.
    DO $$
    BEGIN
      IF (SELECT format_type(atttypid, atttypmod) FROM pg_attribute
           WHERE attrelid = 'auth.users'::regclass AND attname = 'id' AND NOT attisdropped) IS DISTINCT FROM 'uuid' THEN
        RAISE EXCEPTION 'auth.users exists but has no uuid column "id"; Gatehouse identifies people by a uuid id'
          USING HINT = 'Rename that table, or serve this database with its auth schema excluded.';
      END IF;
    END $$;
    ALTER TABLE auth.users
      ADD COLUMN IF NOT EXISTS email text,
      ADD COLUMN IF NOT EXISTS encrypted_password text,
      ADD COLUMN IF NOT EXISTS email_confirmed_at timestamptz,
      ADD COLUMN IF NOT EXISTS last_sign_in_at timestamptz,
      ADD COLUMN IF NOT EXISTS raw_app_meta_data jsonb,
      ADD COLUMN IF NOT EXISTS raw_user_meta_data jsonb,
      ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now(),
      ADD COLUMN IF NOT EXISTS updated_at timestamptz DEFAULT now();
    DO $$
    BEGIN
      IF (SELECT atthasdef FROM pg_attribute WHERE attrelid = 'auth.users'::regclass AND attname = 'id') IS NOT TRUE THEN
        ALTER TABLE auth.users ALTER COLUMN id SET DEFAULT gen_random_uuid();
      END IF;
    END $$;
    -- Sign-in finds people by email; an existing table may not index it.
    CREATE INDEX IF NOT EXISTS users_email_lookup ON auth.users (email);
    COMMENT ON COLUMN auth.users.raw_app_meta_data IS 'Role and department, set by administrators';

    -- The caller of the current request, set with set_config('app.user_id', ..., true)
    -- inside the request's transaction; NULL outside one.
    CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid
      LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

    CREATE OR REPLACE FUNCTION auth.role() RETURNS text
      LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.role', true), '') $$;

    -- Only a hash of the token is stored: a leaked table does not leak live sessions.
    CREATE TABLE IF NOT EXISTS gatehouse.sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip inet,
      user_agent text
    );
    CREATE INDEX IF NOT EXISTS sessions_user_id_idx ON gatehouse.sessions(user_id);
    CREATE INDEX IF NOT EXISTS sessions_expires_at_idx ON gatehouse.sessions(expires_at);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS gatehouse.sessions;
    DROP FUNCTION IF EXISTS auth.role();
    DROP FUNCTION IF EXISTS auth.uid();
  `);
}
