import type { Knex } from 'knex';
import { ADMINISTRATOR_ROLE } from '../../permissions/abilityOfCaller.js';
import { DEFAULT_MATRIX } from '../../permissions/defaultMatrix.js';
import { matrixSql } from '../../permissions/matrixSql.js';
import { MODULE_NAMES, moduleInfo } from '../../permissions/modules.js';
import { API_DB_ROLE, authenticatorGrantsSql, createRolesSql, grantsSql, policiesSql, selfLockSql, type ExposedTable } from '../../permissions/rlsSql.js';

/**
 * The role matrix as data and the database's own enforcement of it: role_permissions seeded
 * from permissions/defaultMatrix.ts, every change to it logged, the helpers policies call
 * (STABLE SECURITY DEFINER, so a policy never queries a table that has policies of its own),
 * one database role per application role, column privileges for restricted fields, RLS
 * enabled and forced on every table with per-command policies, and the login role the API
 * connects as (gatehouse_authenticator), which owns nothing and only becomes those roles.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE public.role_permissions ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE public.role_permissions ADD COLUMN updated_by uuid REFERENCES auth.users(id) ON DELETE SET NULL;
    ALTER TABLE public.role_permissions ADD CONSTRAINT role_permissions_known_actions
      CHECK (permissions <@ ARRAY['read', 'create', 'update', 'delete', 'approve', 'export']::text[]);

    ${matrixSql({ sqlName: 'public.role_permissions', resource: 'role_permissions', table: 'role_permissions' }, ADMINISTRATOR_ROLE)}

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
export async function exposedTables(knex: Knex): Promise<ExposedTable[]> {
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
