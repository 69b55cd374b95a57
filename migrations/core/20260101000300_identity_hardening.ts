import type { Knex } from 'knex';

/**
 * What a security review of sign-in expects, kept in Gatehouse's own schema so that any
 * database served gets it: account flags (forced password change, suspension where the
 * served schema has no status of its own), password history, TOTP second factors with
 * single-use backup codes, failed sign-ins per client address, and an append-only log of
 * security events. Only the owner touches these tables; the API's roles reach them through
 * the SECURITY DEFINER functions below.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Each session carries its own idle limit, so the session statement needs no setting.
    ALTER TABLE gatehouse.sessions ADD COLUMN idle_timeout interval NOT NULL DEFAULT interval '30 minutes';

    CREATE TABLE gatehouse.accounts (
      user_id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
      must_change_password boolean NOT NULL DEFAULT false,
      password_changed_at timestamptz,
      suspended_at timestamptz
    );
    COMMENT ON TABLE gatehouse.accounts IS 'Per-user sign-in flags Gatehouse keeps beside auth.users';

    CREATE TABLE gatehouse.password_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX password_history_user_idx ON gatehouse.password_history (user_id, created_at DESC);

    -- The secret is AES-256-GCM ciphertext under a key the database never sees.
    CREATE TABLE gatehouse.two_factor (
      user_id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
      secret_ciphertext text NOT NULL,
      enabled_at timestamptz,          -- NULL while enrolment waits for its first valid code
      last_used_step bigint,           -- a TOTP code is accepted once: only later time steps pass
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE gatehouse.backup_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      UNIQUE (user_id, code_hash)
    );

    -- Failed sign-ins per client address, across every account tried from it.
    CREATE TABLE gatehouse.address_failures (
      address inet PRIMARY KEY,
      failed_login_attempts integer NOT NULL DEFAULT 0,
      first_failed_at timestamptz NOT NULL DEFAULT now(),
      last_failed_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz
    );

    CREATE TABLE gatehouse.security_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL,
      user_id uuid,      -- whom the event is about (no foreign key: the log outlives users)
      email text,        -- as typed, for sign-ins that matched no user
      actor_id uuid,     -- who caused it, when not the user (an administrator)
      address inet,
      user_agent text,
      detail jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX security_events_time_idx ON gatehouse.security_events (occurred_at DESC);
    CREATE INDEX security_events_user_idx ON gatehouse.security_events (user_id, occurred_at DESC);
    CREATE INDEX security_events_kind_idx ON gatehouse.security_events (kind, occurred_at DESC);

    CREATE FUNCTION gatehouse.refuse_security_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the security event log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
    CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON gatehouse.security_events
      FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.refuse_security_event_change();

    -- Records an event from inside the database (triggers), with the caller, address and
    -- user agent the request's transaction set.
    CREATE FUNCTION gatehouse.note_security_event(p_kind text, p_user uuid, p_detail jsonb DEFAULT '{}')
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog
      AS $$
        INSERT INTO gatehouse.security_events (kind, user_id, actor_id, address, user_agent, detail)
        VALUES (p_kind, p_user, auth.uid(),
                nullif(current_setting('app.client_address', true), '')::inet,
                nullif(current_setting('app.user_agent', true), ''),
                coalesce(p_detail, '{}'))
      $$;

    -- The email of a user named in the log, for those who may read the log (not auth.users);
    -- who that is follows the governance record (20260101000600 gives it its body).
    CREATE FUNCTION gatehouse.email_of(p_user uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
      AS $$ SELECT NULL::text $$;
    REVOKE EXECUTE ON FUNCTION gatehouse.email_of(uuid) FROM PUBLIC;

    -- Read by the session statement, before the caller's role is set.
    CREATE FUNCTION gatehouse.must_change_password(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
      AS $$ SELECT coalesce((SELECT must_change_password FROM gatehouse.accounts WHERE user_id = p_user), false) $$;
    CREATE FUNCTION gatehouse.has_two_factor(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
      AS $$ SELECT EXISTS (SELECT 1 FROM gatehouse.two_factor WHERE user_id = p_user AND enabled_at IS NOT NULL) $$;

    -- May this account be used now: the served schema's own hook (may_sign_in, which a schema
    -- with account statuses replaces) and Gatehouse's suspension both agree. Sign-in and every
    -- request's session statement ask it, so a suspension racing a sign-in still wins.
    CREATE FUNCTION gatehouse.account_open(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
      AS $$
        SELECT gatehouse.may_sign_in(p_user)
           AND NOT EXISTS (SELECT 1 FROM gatehouse.accounts WHERE user_id = p_user AND suspended_at IS NOT NULL)
      $$;

    -- Suspending (or reactivating) an account: the hook user administration calls, inside
    -- the administrator's transaction. A schema with its own account status replaces it.
    CREATE FUNCTION gatehouse.set_suspended(p_user uuid, p_suspended boolean) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $$
      BEGIN
        IF p_user = auth.uid() THEN
          RAISE EXCEPTION 'nobody changes their own account status' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM gatehouse.require('auth.users', 'update');
        INSERT INTO gatehouse.accounts (user_id, suspended_at) VALUES (p_user, CASE WHEN p_suspended THEN now() END)
          ON CONFLICT (user_id) DO UPDATE SET suspended_at = EXCLUDED.suspended_at;
      END $$;

    CREATE FUNCTION gatehouse.revoke_sessions_of_suspended_account() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $$
      BEGIN
        IF NEW.suspended_at IS NOT NULL THEN
          DELETE FROM gatehouse.sessions WHERE user_id = NEW.user_id;
          PERFORM gatehouse.note_security_event('user_suspended', NEW.user_id);
        ELSIF TG_OP = 'UPDATE' AND OLD.suspended_at IS NOT NULL THEN
          PERFORM gatehouse.note_security_event('user_reactivated', NEW.user_id);
        END IF;
        RETURN NULL;
      END $$;
    CREATE TRIGGER accounts_suspension AFTER INSERT OR UPDATE OF suspended_at ON gatehouse.accounts
      FOR EACH ROW EXECUTE FUNCTION gatehouse.revoke_sessions_of_suspended_account();

    -- A new role takes effect at once: every open session of the user ends (whatever route
    -- changed it), and the change is a security event.
    CREATE FUNCTION gatehouse.revoke_sessions_of_new_role() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $$
      BEGIN
        DELETE FROM gatehouse.sessions WHERE user_id = NEW.id;
        PERFORM gatehouse.note_security_event('role_changed', NEW.id,
          jsonb_build_object('from', OLD.raw_app_meta_data->>'role', 'to', NEW.raw_app_meta_data->>'role'));
        RETURN NULL;
      END $$;
    -- Definer functions are for the owner's triggers and the session statement only; the API's
    -- roles get EXECUTE where a schema with roles grants it (OMBARO's 1800).
    REVOKE EXECUTE ON FUNCTION gatehouse.note_security_event(text, uuid, jsonb), gatehouse.must_change_password(uuid),
      gatehouse.has_two_factor(uuid), gatehouse.account_open(uuid), gatehouse.set_suspended(uuid, boolean) FROM PUBLIC;

    CREATE TRIGGER auth_users_role_change AFTER UPDATE OF raw_app_meta_data ON auth.users
      FOR EACH ROW WHEN (NEW.raw_app_meta_data->>'role' IS DISTINCT FROM OLD.raw_app_meta_data->>'role')
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_new_role();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS auth_users_role_change ON auth.users;
    DROP FUNCTION IF EXISTS gatehouse.revoke_sessions_of_new_role();
    DROP TRIGGER IF EXISTS accounts_suspension ON gatehouse.accounts;
    DROP FUNCTION IF EXISTS gatehouse.revoke_sessions_of_suspended_account();
    DROP FUNCTION IF EXISTS gatehouse.set_suspended(uuid, boolean);
    DROP FUNCTION IF EXISTS gatehouse.account_open(uuid);
    DROP FUNCTION IF EXISTS gatehouse.email_of(uuid);
    DROP FUNCTION IF EXISTS gatehouse.has_two_factor(uuid);
    DROP FUNCTION IF EXISTS gatehouse.must_change_password(uuid);
    DROP FUNCTION IF EXISTS gatehouse.note_security_event(text, uuid, jsonb);
    DROP TABLE IF EXISTS gatehouse.security_events, gatehouse.address_failures, gatehouse.backup_codes,
      gatehouse.two_factor, gatehouse.password_history, gatehouse.accounts;
    ALTER TABLE gatehouse.sessions DROP COLUMN IF EXISTS idle_timeout;
    DROP FUNCTION IF EXISTS gatehouse.refuse_security_event_change();
  `);
}
