import { OWN_ROWS } from './ownRows.js';
import { API_DB_ROLE, ownedIdsFunctionSql } from './rlsSql.js';
import { literal } from './sqlText.js';
import { ROLES } from './vocabulary.js';

/**
 * The role matrix's life in the database, for whichever table holds it (a pack's own table,
 * or `gatehouse.matrix_grants` in a database governed by `gatehouse govern`):
 * every change logged and stamped, the lookups policies call (STABLE SECURITY DEFINER, so a
 * policy never queries a table that has policies of its own), the administrator never locked
 * out of the matrix, and the hooks the session statement calls (caller_matrix, caller_owned,
 * db_role). Columns: role_id, module_id, sub_module_id, permissions, updated_at, updated_by.
 */
export interface MatrixTable {
  /** The quoted, schema-qualified name. */
  sqlName: string;
  /** The resource name policies and the keep-reachable check use. */
  resource: string;
  /** The bare table name, for trigger names and error details. */
  table: string;
}

/** Where a database governed by `gatehouse govern` keeps its role matrix: Gatehouse's own schema. */
export const GOVERNED_MATRIX: MatrixTable = { sqlName: 'gatehouse.matrix_grants', resource: 'gatehouse.matrix_grants', table: 'matrix_grants' };

export function matrixSql(matrix: MatrixTable, administrator: string, options: { keepReachable: boolean } = { keepReachable: true }): string {
  const ownSetsOf = (role: string) => [...new Set(Object.values(OWN_ROWS[role] ?? {}).flatMap((r) => ('in' in r ? [r.in] : [])))];
  const ownedBranches = ROLES.filter((r) => ownSetsOf(r).length)
    .map((r) => `WHEN ${literal(r)} THEN jsonb_build_object(${ownSetsOf(r).map((s) => `${literal(s)}, to_jsonb(gatehouse.owned_ids(${literal(s)}, p_user))`).join(', ')})`)
    .join('\n        ');
  return `
    CREATE TABLE gatehouse.matrix_modules (
      resource text PRIMARY KEY,
      module text NOT NULL
    );
    COMMENT ON TABLE gatehouse.matrix_modules IS 'Which module each table belongs to, for the policies (the pack''s modules)';
    CREATE INDEX matrix_modules_module_idx ON gatehouse.matrix_modules(module);

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
    CREATE TRIGGER ${matrix.table}_log AFTER INSERT OR UPDATE OR DELETE ON ${matrix.sqlName}
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
    CREATE TRIGGER ${matrix.table}_stamp BEFORE INSERT OR UPDATE ON ${matrix.sqlName}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.stamp_matrix_change();

    CREATE FUNCTION gatehouse.role_allows(p_role text, p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
        SELECT coalesce((
          SELECT p_action = ANY (rp.permissions)
            FROM ${matrix.sqlName} rp
            JOIN gatehouse.matrix_modules mm ON mm.module = rp.module_id
           WHERE mm.resource = p_resource AND rp.role_id = p_role
             AND (rp.sub_module_id = p_resource OR rp.sub_module_id IS NULL)
           ORDER BY rp.sub_module_id NULLS LAST
           LIMIT 1), false)
      $$;
    COMMENT ON FUNCTION gatehouse.role_allows(text, text, text) IS
      'The matrix lookup: a sub-module row overrides its module row; no row means no';

    -- Any of the caller's roles may: their grants add up.
    CREATE OR REPLACE FUNCTION gatehouse.allows(p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT EXISTS (SELECT 1 FROM unnest(gatehouse.caller_roles()) r WHERE gatehouse.role_allows(r, p_resource, p_action)) $$;
    -- One of these roles, held by the caller, may: a policy for some roles asks only of them.
    CREATE OR REPLACE FUNCTION gatehouse.allows_among(p_roles text[], p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT EXISTS (SELECT 1 FROM unnest(gatehouse.caller_roles()) r WHERE r = ANY (p_roles) AND gatehouse.role_allows(r, p_resource, p_action)) $$;

    -- The matrix may never lock the administrator out of the matrix itself.
    CREATE FUNCTION gatehouse.keep_matrix_reachable() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF NOT (gatehouse.role_allows(${literal(administrator)}, ${literal(matrix.resource)}, 'read')
                AND gatehouse.role_allows(${literal(administrator)}, ${literal(matrix.resource)}, 'update')) THEN
          RAISE EXCEPTION ${literal(`${administrator} must keep read and update on the role matrix`)}
            USING ERRCODE = 'check_violation', TABLE = ${literal(matrix.table)}, COLUMN = 'permissions';
        END IF;
        RETURN NULL;
      END $$;
    ${
      // A new sub-module row (an INSERT) could override the administrator's module row too.
      options.keepReachable
        ? `CREATE CONSTRAINT TRIGGER ${matrix.table}_keep_reachable AFTER INSERT OR UPDATE OR DELETE ON ${matrix.sqlName}
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION gatehouse.keep_matrix_reachable();`
        : ''
    }

    ${ownedIdsFunctionSql()}

    CREATE OR REPLACE FUNCTION gatehouse.caller_matrix(p_role text) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
        SELECT coalesce(jsonb_agg(jsonb_build_object('module', module_id, 'subModule', sub_module_id, 'actions', permissions)), '[]')
          FROM ${matrix.sqlName} WHERE role_id = p_role
      $$;

    CREATE OR REPLACE FUNCTION gatehouse.caller_owned(p_user uuid, p_role text) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$ SELECT ${ownedBranches ? `CASE p_role
        ${ownedBranches}
        ELSE '{}'::jsonb END` : `'{}'::jsonb`} $$;

    ${matrixChangesReaderSql(matrix.resource)}

    CREATE OR REPLACE FUNCTION gatehouse.db_role(p_role text) RETURNS text
      LANGUAGE sql IMMUTABLE
      AS $$ SELECT CASE WHEN p_role = ANY (ARRAY[${ROLES.map(literal).join(', ')}]) THEN 'gatehouse_role_' || p_role ELSE '${API_DB_ROLE}' END $$;
  `;
}

/**
 * The matrix editor's view of the change log: gatehouse.matrix_changes stays out of reach of the
 * API's roles, and this function, running as its owner, returns rows only to a caller whose role
 * may read the matrix (the same test RLS applies to the matrix itself), with the changer's email.
 */
export function matrixChangesReaderSql(matrixResource: string): string {
  return `
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
         WHERE gatehouse.allows(${literal(matrixResource)}, 'read')
         ORDER BY c.changed_at DESC, c.id DESC
         LIMIT least(greatest(coalesce(p_limit, 50), 1), 500)
      $$;
    COMMENT ON FUNCTION gatehouse.matrix_changes_latest(integer) IS
      'The latest role matrix changes, newest first, with the changer''s email; empty unless the caller may read the matrix';
    CREATE INDEX matrix_changes_latest_idx ON gatehouse.matrix_changes(changed_at DESC, id DESC);`;
}

/**
 * The session hooks of a database without a matrix: the API then grants the administrator
 * everything and everyone else nothing, and never switches database role. The administrator
 * is the one the governance record names ("administrator" where nothing governs).
 */
export function noMatrixHooksSql(): string {
  return `
    CREATE OR REPLACE FUNCTION gatehouse.caller_matrix(p_role text) RETURNS jsonb
      LANGUAGE sql STABLE AS $$ SELECT NULL::jsonb $$;
    CREATE OR REPLACE FUNCTION gatehouse.caller_owned(p_user uuid, p_role text) RETURNS jsonb
      LANGUAGE sql STABLE AS $$ SELECT '{}'::jsonb $$;
    CREATE OR REPLACE FUNCTION gatehouse.db_role(p_role text) RETURNS text
      LANGUAGE sql STABLE AS $$ SELECT NULL::text $$;
    CREATE OR REPLACE FUNCTION gatehouse.allows(p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT auth.role() IS NOT DISTINCT FROM coalesce((SELECT administrator FROM gatehouse.governance), 'administrator') $fn$;
    CREATE OR REPLACE FUNCTION gatehouse.allows_transition(p_resource text) RETURNS boolean
      LANGUAGE sql STABLE AS $$ SELECT false $$;
    ${noMatrixRoleHooksSql()}`;
}

/**
 * The lookups a policy for some roles calls, where there is no matrix: only the administrator,
 * and no workflow. Core migrations create them where absent, so policies can name them.
 */
export function noMatrixRoleHooksSql(): string {
  return `
    CREATE OR REPLACE FUNCTION gatehouse.allows_among(p_roles text[], p_resource text, p_action text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT gatehouse.allows(p_resource, p_action) AND coalesce((SELECT administrator FROM gatehouse.governance), 'administrator') = ANY (p_roles) $fn$;
    CREATE OR REPLACE FUNCTION gatehouse.allows_transition_among(p_roles text[], p_resource text) RETURNS boolean
      LANGUAGE sql STABLE AS $fn$ SELECT false $fn$;`;
}

/** The caller's tenant where nothing declares one: none. */
export function callerTenantNoneSql(): string {
  return `CREATE FUNCTION gatehouse.caller_tenant(p_user uuid) RETURNS text
      LANGUAGE sql STABLE AS $fn$ SELECT NULL::text $fn$;`;
}
