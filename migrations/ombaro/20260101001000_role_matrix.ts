import type { Knex } from 'knex';
import { DEFAULT_MATRIX } from '../../permissions/defaultMatrix.js';
import { MODULE_NAMES, moduleInfo } from '../../permissions/modules.js';
import {
  API_DB_ROLE,
  authenticatorGrantsSql,
  createRolesSql,
  grantsSql,
  ownedIdsFunctionSql,
  policiesSql,
  selfLockSql,
  type ExposedTable,
} from '../../permissions/rlsSql.js';
import { OWN_ROWS, type OwnerSet } from '../../permissions/ownRows.js';
import { ROLES } from '../../permissions/vocabulary.js';

/**
 * The role matrix as data and the database's own enforcement of it: role_permissions seeded
 * from permissions/defaultMatrix.ts, every change to it logged, the helpers policies call
 * (STABLE SECURITY DEFINER, so a policy never queries a table that has policies of its own),
 * one database role per application role, column privileges for restricted fields, RLS
 * enabled and forced on every table with per-command policies, and the login role the API
 * connects as (gatehouse_authenticator), which owns nothing and only becomes those roles.
 */
export async function up(knex: Knex): Promise<void> {
  const ownSetsOf = (role: (typeof ROLES)[number]) =>
    [...new Set(Object.values(OWN_ROWS[role] ?? {}).flatMap((r) => ('in' in r ? [r.in] : [])))] as OwnerSet[];
  const ownedBranches = ROLES.filter((r) => ownSetsOf(r).length)
    .map((r) => `WHEN '${r}' THEN jsonb_build_object(${ownSetsOf(r).map((s) => `'${s}', to_jsonb(gatehouse.owned_ids('${s}', p_user))`).join(', ')})`)
    .join('\n        ');

  await knex.raw(`
    CREATE TABLE gatehouse.matrix_modules (
      resource text PRIMARY KEY,
      module text NOT NULL
    );
    COMMENT ON TABLE gatehouse.matrix_modules IS 'Which module each table belongs to, for the policies (permissions/modules.ts)';
    CREATE INDEX matrix_modules_module_idx ON gatehouse.matrix_modules(module);

    ALTER TABLE public.role_permissions ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE public.role_permissions ADD COLUMN updated_by uuid REFERENCES auth.users(id) ON DELETE SET NULL;
    ALTER TABLE public.role_permissions ADD CONSTRAINT role_permissions_known_actions
      CHECK (permissions <@ ARRAY['read', 'create', 'update', 'delete', 'approve', 'export']::text[]);

    -- Who changed which grant, from what to what: written by the database, so no path skips it.
    CREATE TABLE gatehouse.matrix_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by uuid,
      role_id text NOT NULL,
      module_id text NOT NULL,
      sub_module_id text,
      before text[],
      after text[]
    );
    CREATE INDEX matrix_changes_changed_at_idx ON gatehouse.matrix_changes(changed_at);

    CREATE FUNCTION gatehouse.log_matrix_change() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      DECLARE r record := coalesce(NEW, OLD);
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.permissions IS NOT DISTINCT FROM OLD.permissions THEN RETURN NULL; END IF;
        INSERT INTO gatehouse.matrix_changes (changed_by, role_id, module_id, sub_module_id, before, after)
        VALUES (auth.uid(), r.role_id, r.module_id, r.sub_module_id,
                CASE WHEN TG_OP <> 'INSERT' THEN OLD.permissions END,
                CASE WHEN TG_OP <> 'DELETE' THEN NEW.permissions END);
        RETURN NULL;
      END $$;
    CREATE TRIGGER role_permissions_log AFTER INSERT OR UPDATE OR DELETE ON public.role_permissions
      FOR EACH ROW EXECUTE FUNCTION gatehouse.log_matrix_change();

    -- Whoever writes a grant, by whatever path, is its updated_by.
    CREATE FUNCTION gatehouse.stamp_matrix_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public
      AS $$
      BEGIN
        NEW.updated_at := now();
        NEW.updated_by := coalesce(auth.uid(), NEW.updated_by);
        RETURN NEW;
      END $$;
    CREATE TRIGGER role_permissions_stamp BEFORE INSERT OR UPDATE ON public.role_permissions
      FOR EACH ROW EXECUTE FUNCTION gatehouse.stamp_matrix_change();

    CREATE FUNCTION gatehouse.role_allows(p_role text, p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
        SELECT coalesce((
          SELECT p_action = ANY (rp.permissions)
            FROM public.role_permissions rp
            JOIN gatehouse.matrix_modules mm ON mm.module = rp.module_id
           WHERE mm.resource = p_resource AND rp.role_id = p_role
             AND (rp.sub_module_id = p_resource OR rp.sub_module_id IS NULL)
           ORDER BY rp.sub_module_id NULLS LAST
           LIMIT 1), false)
      $$;
    COMMENT ON FUNCTION gatehouse.role_allows(text, text, text) IS
      'The matrix lookup: a sub-module row overrides its module row; no row means no';

    CREATE OR REPLACE FUNCTION gatehouse.allows(p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT gatehouse.role_allows(auth.role(), p_resource, p_action) $$;

    -- The matrix may never lock super_admin out of the matrix itself.
    CREATE FUNCTION gatehouse.keep_matrix_reachable() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF NOT (gatehouse.role_allows('super_admin', 'role_permissions', 'read')
                AND gatehouse.role_allows('super_admin', 'role_permissions', 'update')) THEN
          RAISE EXCEPTION 'super_admin must keep read and update on the role matrix'
            USING ERRCODE = 'check_violation', TABLE = 'role_permissions', COLUMN = 'permissions';
        END IF;
        RETURN NULL;
      END $$;
    CREATE CONSTRAINT TRIGGER role_permissions_keep_reachable AFTER UPDATE OR DELETE ON public.role_permissions
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION gatehouse.keep_matrix_reachable();

    ${ownedIdsFunctionSql()}

    CREATE OR REPLACE FUNCTION gatehouse.caller_matrix(p_role text) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
        SELECT coalesce(jsonb_agg(jsonb_build_object('module', module_id, 'subModule', sub_module_id, 'actions', permissions)), '[]')
          FROM public.role_permissions WHERE role_id = p_role
      $$;

    CREATE OR REPLACE FUNCTION gatehouse.caller_owned(p_user uuid, p_role text) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT CASE p_role
        ${ownedBranches}
        ELSE '{}'::jsonb END $$;

    CREATE OR REPLACE FUNCTION gatehouse.db_role(p_role text) RETURNS text
      LANGUAGE sql IMMUTABLE
      AS $$ SELECT CASE WHEN p_role = ANY (ARRAY[${ROLES.map((r) => `'${r}'`).join(', ')}]) THEN 'gatehouse_role_' || p_role ELSE '${API_DB_ROLE}' END $$;

    -- Document numbers are kept in a table no caller may write: the numbering runs as its owner.
    ALTER FUNCTION public.next_document_number(text, timestamptz) SECURITY DEFINER SET search_path = pg_catalog, public;
    ALTER FUNCTION public.note_document_number(text, text) SECURITY DEFINER SET search_path = pg_catalog, public;

    -- A profile's role is the role the session carries (auth.users.raw_app_meta_data).
    CREATE FUNCTION public.user_profiles_sync_role() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE auth.users SET raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || jsonb_build_object('role', NEW.role)
         WHERE id = NEW.id;
        RETURN NEW;
      END $$;
    CREATE TRIGGER user_profiles_sync_role AFTER UPDATE OF role ON public.user_profiles
      FOR EACH ROW WHEN (NEW.role IS DISTINCT FROM OLD.role) EXECUTE FUNCTION public.user_profiles_sync_role();
  `);

  await knex('gatehouse.matrix_modules').insert(
    MODULE_NAMES.flatMap((module) => moduleInfo(module).tables.map((resource) => ({ resource, module }))),
  );
  await knex('public.role_permissions').insert(
    DEFAULT_MATRIX.map((r) => ({ role_id: r.role, module_id: r.module, sub_module_id: r.subModule ?? null, permissions: r.actions })),
  );
  // Read the tables only now: the columns added above must get their privileges too.
  const tables = await exposedTables(knex);
  await knex.raw(selfLockSql(tables));
  await knex.raw(createRolesSql());
  await knex.raw(`
    GRANT USAGE ON SCHEMA public, auth, gatehouse TO ${API_DB_ROLE};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${API_DB_ROLE};
    ${grantsSql(tables)}
    ${policiesSql(tables)}
    ${authenticatorGrantsSql()}
  `);
}

/** Every ordinary or partitioned table of public, and auth.users: the tables the API serves. */
async function exposedTables(knex: Knex): Promise<ExposedTable[]> {
  const { rows } = await knex.raw<{ rows: { schema: string; name: string; columns: string[] }[] }>(`
    SELECT n.nspname AS schema, c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND (n.nspname = 'public' OR (n.nspname = 'auth' AND c.relname = 'users'))
     GROUP BY n.nspname, c.relname
     ORDER BY 1, 2`);
  return rows.map((r) => ({
    resource: r.schema === 'public' ? r.name : `${r.schema}.${r.name}`,
    sqlName: `"${r.schema}"."${r.name}"`,
    columns: r.columns,
  }));
}

export async function down(): Promise<void> {
  throw new Error('The role matrix migration is not reversible: restore from a backup instead.');
}
