import type { Knex } from 'knex';
import { noMatrixRoleHooksSql } from '../../permissions/matrixSql.js';
import { API_DB_ROLE, AUTHENTICATOR_DB_ROLE } from '../../permissions/rlsSql.js';
import { literal } from '../../permissions/sqlText.js';

/**
 * A person may hold several roles (a pack may take them from a many-to-many role table): their
 * grants add up. An account's roles are `raw_app_meta_data.roles` (an array, the first being
 * the role it is known by), or its single `raw_app_meta_data.role`. The session sets them in
 * `app.roles`; the database runs the request as one role that inherits every held role's
 * privileges and policies (`gatehouse_roles_<hash of the set>`, made when a person first holds
 * that set: `gatehouse.ensure_combined_role`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION gatehouse.roles_of(p_meta jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE
      AS $fn$
        SELECT CASE WHEN jsonb_typeof(p_meta -> 'roles') = 'array'
                    THEN ARRAY(SELECT r FROM jsonb_array_elements_text(p_meta -> 'roles') WITH ORDINALITY AS e(r, n) WHERE r <> '' ORDER BY n)
                    ELSE array_remove(ARRAY[nullif(p_meta ->> 'role', '')], NULL) END
      $fn$;
    COMMENT ON FUNCTION gatehouse.roles_of(jsonb) IS 'The roles an account holds, from auth.users.raw_app_meta_data';

    CREATE FUNCTION gatehouse.caller_roles() RETURNS text[]
      LANGUAGE sql STABLE
      AS $fn$ SELECT coalesce(string_to_array(nullif(current_setting('app.roles', true), ''), ','), array_remove(ARRAY[auth.role()], NULL)) $fn$;
    COMMENT ON FUNCTION gatehouse.caller_roles() IS 'Every role of the signed-in caller (app.roles), else auth.role()';

    -- Policies for some roles ask these; a database with a matrix has its own already.
    DO $$
    BEGIN
      IF to_regprocedure('gatehouse.allows_among(text[], text, text)') IS NULL THEN
        ${noMatrixRoleHooksSql()}
      END IF;
    END $$;

    CREATE FUNCTION gatehouse.combined_role_name(p_roles text[]) RETURNS text
      LANGUAGE sql IMMUTABLE
      AS $fn$ SELECT 'gatehouse_roles_' || left(md5(array_to_string(ARRAY(SELECT DISTINCT r FROM unnest(p_roles) r ORDER BY r), ',')), 20) $fn$;

    -- The database role a session runs as: its one role's, or the role made for its set of
    -- roles; a set nobody made a role for reaches nothing the policies grant (fail closed).
    CREATE FUNCTION gatehouse.session_db_role(p_roles text[]) RETURNS text
      LANGUAGE sql STABLE
      AS $fn$
        SELECT CASE
          WHEN cardinality(p_roles) <= 1 THEN gatehouse.db_role(coalesce(p_roles[1], ''))
          WHEN gatehouse.db_role(p_roles[1]) IS NULL THEN NULL
          WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = gatehouse.combined_role_name(p_roles)) THEN gatehouse.combined_role_name(p_roles)
          ELSE ${literal(API_DB_ROLE)} END
      $fn$;

    CREATE FUNCTION gatehouse.ensure_combined_role(p_roles text[]) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $fn$
      DECLARE
        combined text := gatehouse.combined_role_name(p_roles);
        held text;
      BEGIN
        IF cardinality(p_roles) < 2 OR gatehouse.db_role(p_roles[1]) IS NULL
           OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = combined) THEN
          RETURN;
        END IF;
        BEGIN
          EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS INHERIT', combined);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
          RETURN; -- made by a concurrent transaction, which grants it too
        END;
        FOREACH held IN ARRAY p_roles LOOP
          EXECUTE format('GRANT %I TO %I', gatehouse.db_role(held), combined);
        END LOOP;
        EXECUTE format('GRANT %I TO %I', combined, ${literal(AUTHENTICATOR_DB_ROLE)});
      END $fn$;
    REVOKE EXECUTE ON FUNCTION gatehouse.ensure_combined_role(text[]) FROM PUBLIC;

    -- A change to any of the roles ends the person's sessions, as a change of the one role does.
    DROP TRIGGER auth_users_role_change ON auth.users;
    CREATE OR REPLACE FUNCTION gatehouse.revoke_sessions_of_new_role() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $$
      BEGIN
        DELETE FROM gatehouse.sessions WHERE user_id = NEW.id;
        PERFORM gatehouse.note_security_event('role_changed', NEW.id,
          jsonb_build_object('from', OLD.raw_app_meta_data->>'role', 'to', NEW.raw_app_meta_data->>'role')
          || CASE WHEN gatehouse.roles_of(OLD.raw_app_meta_data) IS DISTINCT FROM ARRAY[OLD.raw_app_meta_data->>'role']
                    OR gatehouse.roles_of(NEW.raw_app_meta_data) IS DISTINCT FROM ARRAY[NEW.raw_app_meta_data->>'role']
                  THEN jsonb_build_object('fromRoles', to_jsonb(gatehouse.roles_of(OLD.raw_app_meta_data)),
                                          'toRoles', to_jsonb(gatehouse.roles_of(NEW.raw_app_meta_data)))
                  ELSE '{}'::jsonb END);
        RETURN NULL;
      END $$;
    CREATE TRIGGER auth_users_role_change AFTER UPDATE OF raw_app_meta_data ON auth.users
      FOR EACH ROW WHEN (gatehouse.roles_of(NEW.raw_app_meta_data) IS DISTINCT FROM gatehouse.roles_of(OLD.raw_app_meta_data))
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_new_role();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER auth_users_role_change ON auth.users;
    CREATE TRIGGER auth_users_role_change AFTER UPDATE OF raw_app_meta_data ON auth.users
      FOR EACH ROW WHEN (NEW.raw_app_meta_data->>'role' IS DISTINCT FROM OLD.raw_app_meta_data->>'role')
      EXECUTE FUNCTION gatehouse.revoke_sessions_of_new_role();
    DROP FUNCTION gatehouse.ensure_combined_role(text[]);
    DROP FUNCTION gatehouse.session_db_role(text[]);
    DROP FUNCTION gatehouse.combined_role_name(text[]);
    DROP FUNCTION IF EXISTS gatehouse.allows_among(text[], text, text);
    DROP FUNCTION IF EXISTS gatehouse.allows_transition_among(text[], text);
    DROP FUNCTION gatehouse.caller_roles();
    DROP FUNCTION gatehouse.roles_of(jsonb);
  `);
}
