import type { Knex } from 'knex';

/**
 * Account status and role changes take effect at once: a suspended or inactive profile may
 * not sign in, and suspending a user or changing their role revokes every session they have
 * open (the next request of each gets 401 and a fresh sign-in picks up the new role).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION gatehouse.may_sign_in(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT coalesce((SELECT status = 'active' FROM public.user_profiles WHERE id = p_user), true) $$;

    CREATE FUNCTION gatehouse.revoke_sessions_of_changed_user() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        DELETE FROM gatehouse.sessions WHERE user_id = NEW.id;
        RETURN NULL;
      END $$;
    CREATE TRIGGER user_profiles_revoke_sessions AFTER UPDATE OF role, status ON public.user_profiles
      FOR EACH ROW WHEN (NEW.role IS DISTINCT FROM OLD.role OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'active'))
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_changed_user();
    CREATE TRIGGER users_revoke_sessions AFTER UPDATE OF raw_app_meta_data ON auth.users
      FOR EACH ROW WHEN (NEW.raw_app_meta_data->>'role' IS DISTINCT FROM OLD.raw_app_meta_data->>'role')
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_changed_user();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS users_revoke_sessions ON auth.users;
    DROP TRIGGER IF EXISTS user_profiles_revoke_sessions ON public.user_profiles;
    DROP FUNCTION IF EXISTS gatehouse.revoke_sessions_of_changed_user();
    CREATE OR REPLACE FUNCTION gatehouse.may_sign_in(p_user uuid) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT true $$;
  `);
}
