import type { Knex } from 'knex';

/**
 * The matrix editor's view of the change log, and one gap in the lock-out guard closed.
 *
 * - `gatehouse.matrix_changes` stays out of reach of the API's database roles; the editor reads
 *   it through `gatehouse.matrix_changes_latest(limit)`, which runs as its owner but returns
 *   rows only to a caller whose role may read `role_permissions` (the same test RLS applies to
 *   the matrix itself), with the changer's email.
 * - The guard that keeps super_admin on the matrix fired on UPDATE and DELETE only, so a new
 *   sub-module row (an INSERT: e.g. administration/role_permissions with just `read`) could
 *   override super_admin's module row and lock it out. It now fires on INSERT too.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION gatehouse.matrix_changes_latest(p_limit integer DEFAULT 50)
      RETURNS TABLE (
        id bigint,
        changed_at timestamptz,
        changed_by uuid,
        changed_by_email text,
        role_id text,
        module_id text,
        sub_module_id text,
        before text[],
        after text[]
      )
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
        SELECT c.id, c.changed_at, c.changed_by, u.email::text, c.role_id, c.module_id, c.sub_module_id, c.before, c.after
          FROM gatehouse.matrix_changes c
          LEFT JOIN auth.users u ON u.id = c.changed_by
         WHERE gatehouse.allows('role_permissions', 'read')
         ORDER BY c.changed_at DESC, c.id DESC
         LIMIT least(greatest(coalesce(p_limit, 50), 1), 500)
      $$;
    COMMENT ON FUNCTION gatehouse.matrix_changes_latest(integer) IS
      'The latest role matrix changes, newest first, with the changer''s email; empty unless the caller may read role_permissions';
    CREATE INDEX matrix_changes_latest_idx ON gatehouse.matrix_changes(changed_at DESC, id DESC);

    DROP TRIGGER role_permissions_keep_reachable ON public.role_permissions;
    CREATE CONSTRAINT TRIGGER role_permissions_keep_reachable AFTER INSERT OR UPDATE OR DELETE ON public.role_permissions
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION gatehouse.keep_matrix_reachable();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER role_permissions_keep_reachable ON public.role_permissions;
    CREATE CONSTRAINT TRIGGER role_permissions_keep_reachable AFTER UPDATE OR DELETE ON public.role_permissions
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION gatehouse.keep_matrix_reachable();
    DROP INDEX IF EXISTS gatehouse.matrix_changes_latest_idx;
    DROP FUNCTION IF EXISTS gatehouse.matrix_changes_latest(integer);
  `);
}
