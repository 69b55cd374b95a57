import type { Knex } from 'knex';

/**
 * OMBARO keeps account status in user_profiles (1700's may_sign_in reads it): user
 * administration suspends there (as the administrator, under RLS and column privileges, so the
 * database refuses anyone the matrix does not allow), and the session-revoking triggers of 1700
 * also record security events. Role changes reach
 * auth.users through the profile sync trigger, where core's trigger revokes and records them;
 * 1700's own auth.users trigger is dropped so they are not revoked twice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS users_revoke_sessions ON auth.users;

    -- SECURITY INVOKER on purpose: the update runs as the administrator's database role.
    CREATE OR REPLACE FUNCTION gatehouse.set_suspended(p_user uuid, p_suspended boolean) RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF p_user = auth.uid() THEN
          RAISE EXCEPTION 'nobody changes their own account status' USING ERRCODE = 'insufficient_privilege';
        END IF;
        UPDATE public.user_profiles SET status = CASE WHEN p_suspended THEN 'suspended' ELSE 'active' END WHERE id = p_user;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'no user profile you may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
      END $$;

    CREATE OR REPLACE FUNCTION gatehouse.revoke_sessions_of_changed_user() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status THEN
          IF NEW.status <> 'active' THEN
            DELETE FROM gatehouse.sessions WHERE user_id = NEW.id;
            PERFORM gatehouse.note_security_event('user_suspended', NEW.id, jsonb_build_object('status', NEW.status));
          ELSE
            PERFORM gatehouse.note_security_event('user_reactivated', NEW.id);
          END IF;
        END IF;
        RETURN NULL;
      END $$;
    DROP TRIGGER user_profiles_revoke_sessions ON public.user_profiles;
    CREATE TRIGGER user_profiles_revoke_sessions AFTER UPDATE OF status ON public.user_profiles
      FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status)
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_changed_user();

    -- This schema's auth.users is Gatehouse's own (a served database's is never altered): sign-in
    -- finds an email case-blind, and user administration lists accounts in email order.
    CREATE INDEX users_lower_email_idx ON auth.users (lower(email));
    CREATE INDEX users_email_order_idx ON auth.users (lower(email) COLLATE "C", id);

    -- The security event log is read as the caller, like every table: whoever may read the
    -- audit trail (it_department, super_admin by default) reads it.
    -- The session statement, run by the authenticator, now checks idle expiry and the account too.
    GRANT SELECT (idle_timeout) ON gatehouse.sessions TO gatehouse_authenticator;
    GRANT EXECUTE ON FUNCTION gatehouse.account_open(uuid), gatehouse.must_change_password(uuid), gatehouse.has_two_factor(uuid)
      TO gatehouse_authenticator;
    GRANT EXECUTE ON FUNCTION gatehouse.set_suspended(uuid, boolean) TO gatehouse_api;

    GRANT SELECT ON gatehouse.security_events TO gatehouse_api;
    GRANT EXECUTE ON FUNCTION gatehouse.email_of(uuid) TO gatehouse_api;
    ALTER TABLE gatehouse.security_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY gh_security_events_read ON gatehouse.security_events FOR SELECT TO gatehouse_api
      USING ((SELECT gatehouse.allows('audit_log', 'read')));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS auth.users_email_order_idx;
    DROP INDEX IF EXISTS auth.users_lower_email_idx;
    DROP POLICY IF EXISTS gh_security_events_read ON gatehouse.security_events;
    ALTER TABLE gatehouse.security_events DISABLE ROW LEVEL SECURITY;
    REVOKE SELECT ON gatehouse.security_events FROM gatehouse_api;
    REVOKE SELECT (idle_timeout) ON gatehouse.sessions FROM gatehouse_authenticator;
    REVOKE EXECUTE ON FUNCTION gatehouse.account_open(uuid), gatehouse.must_change_password(uuid), gatehouse.has_two_factor(uuid)
      FROM gatehouse_authenticator;
    REVOKE EXECUTE ON FUNCTION gatehouse.set_suspended(uuid, boolean) FROM gatehouse_api;
    DROP TRIGGER IF EXISTS user_profiles_revoke_sessions ON public.user_profiles;
    CREATE OR REPLACE FUNCTION gatehouse.revoke_sessions_of_changed_user() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ BEGIN DELETE FROM gatehouse.sessions WHERE user_id = NEW.id; RETURN NULL; END $$;
    CREATE TRIGGER user_profiles_revoke_sessions AFTER UPDATE OF role, status ON public.user_profiles
      FOR EACH ROW WHEN (NEW.role IS DISTINCT FROM OLD.role OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'active'))
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_changed_user();
    CREATE TRIGGER users_revoke_sessions AFTER UPDATE OF raw_app_meta_data ON auth.users
      FOR EACH ROW WHEN (NEW.raw_app_meta_data->>'role' IS DISTINCT FROM OLD.raw_app_meta_data->>'role')
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_changed_user();
  `);
}
