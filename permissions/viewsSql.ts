import type { Operation } from './packModel.js';
import { dbRoleOf, API_DB_ROLE } from './rlsSql.js';
import { ident, literal } from './sqlText.js';
import { ROLES } from './vocabulary.js';

/**
 * Views and materialized views a pack serves. Neither carries row policies of its own, so the
 * database governs them by role: each role may SELECT a view exactly while the matrix lets it
 * read it (a trigger on the matrix grants and revokes as grants change). A plain view reads its
 * tables as the caller (security_invoker), so their policies apply to its rows; a materialized
 * view is a snapshot its owner computed, shown whole to whoever may read it, and refreshed by
 * those who may update it, through a function run as its owner that asks the matrix first.
 */
export interface ServedView {
  resource: string;
  sqlName: string;
  materialized: boolean;
  /** A plain view's security_invoker option before govern (null: unset), to restore on revert. */
  invokerBefore: boolean | null;
}

/** The name (in schema gatehouse) of the function refreshing a materialized view for those who may update it (its owner's rights). */
export const refreshFunctionOf = (resource: string): string => `refresh_${resource.replace(/\W/g, '_')}`.slice(0, 63);
const refreshFunctionName = (resource: string): string => `gatehouse.${ident(refreshFunctionOf(resource))}`;

/** The refresh a served materialized view offers, as an operation of its resource. */
export const refreshOperation = (resource: string): Operation => ({
  resource,
  name: 'refresh',
  label: 'Refresh',
  sqlFunction: refreshFunctionName(resource),
  params: [],
  needs: 'update',
  sums: [],
});

export function viewsSql(views: readonly ServedView[], matrixTable: string): string {
  if (views.length === 0) return '';
  const pairs = views.map((v) => `(${literal(v.resource)}, ${literal(v.sqlName)})`).join(', ');
  const roles = ROLES.map((r) => `(${literal(r)}, ${literal(dbRoleOf(r))})`).join(', ');
  const out = [
    `-- Views are read by the roles the matrix lets read them, kept in step with every change to it.
    CREATE FUNCTION gatehouse.follow_matrix_on_views() RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $fn$
      DECLARE v record; r record;
      BEGIN
        FOR v IN SELECT * FROM (VALUES ${pairs}) AS t(resource, relation) LOOP
          FOR r IN SELECT * FROM (VALUES ${roles}) AS t(role, db_role) LOOP
            IF gatehouse.role_allows(r.role, v.resource, 'read') THEN
              EXECUTE format('GRANT SELECT ON %s TO %I', v.relation, r.db_role);
            ELSE
              EXECUTE format('REVOKE SELECT ON %s FROM %I', v.relation, r.db_role);
            END IF;
          END LOOP;
        END LOOP;
      END $fn$;
    CREATE FUNCTION gatehouse.follow_matrix_on_views_trigger() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $fn$ BEGIN PERFORM gatehouse.follow_matrix_on_views(); RETURN NULL; END $fn$;
    REVOKE EXECUTE ON FUNCTION gatehouse.follow_matrix_on_views(), gatehouse.follow_matrix_on_views_trigger() FROM PUBLIC;
    CREATE TRIGGER gatehouse_follow_matrix_on_views AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${matrixTable}
      FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.follow_matrix_on_views_trigger();
    SELECT gatehouse.follow_matrix_on_views();`,
  ];
  for (const view of views.filter((v) => !v.materialized)) {
    out.push(`ALTER VIEW ${view.sqlName} SET (security_invoker = true);`);
  }
  for (const view of views.filter((v) => v.materialized)) {
    const fn = refreshFunctionName(view.resource);
    out.push(`CREATE FUNCTION ${fn}() RETURNS SETOF ${view.sqlName}
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
      AS $fn$
      BEGIN
        PERFORM gatehouse.require(${literal(view.resource)}, 'read');
        PERFORM gatehouse.require(${literal(view.resource)}, 'update');
        REFRESH MATERIALIZED VIEW ${view.sqlName};
        RETURN QUERY SELECT * FROM ${view.sqlName};
      END $fn$;
    REVOKE EXECUTE ON FUNCTION ${fn}() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION ${fn}() TO ${ident(API_DB_ROLE)};`);
  }
  return out.join('\n');
}

export function viewsRevertSql(views: readonly ServedView[], matrixTable: string): string {
  if (views.length === 0) return '';
  const dbRoles = ROLES.map(dbRoleOf).map(ident).join(', ');
  return [
    `DROP TRIGGER IF EXISTS gatehouse_follow_matrix_on_views ON ${matrixTable};`,
    `DROP FUNCTION IF EXISTS gatehouse.follow_matrix_on_views_trigger(), gatehouse.follow_matrix_on_views();`,
    ...views.map((v) => `REVOKE SELECT ON ${v.sqlName} FROM ${dbRoles};`),
    ...views
      .filter((v) => !v.materialized)
      .map((v) => `ALTER VIEW ${v.sqlName} ${v.invokerBefore === null ? 'RESET (security_invoker)' : `SET (security_invoker = ${v.invokerBefore})`};`),
    ...views.filter((v) => v.materialized).map((v) => `DROP FUNCTION IF EXISTS ${refreshFunctionName(v.resource)}();`),
  ].join('\n');
}
