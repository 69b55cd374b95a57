import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { AUDIT_TRIGGERS, auditTrailSql } from '../../permissions/auditSql.js';
import { AUTHORS, authorsSql, authorTriggerName } from '../../permissions/authors.js';
import { DEFAULT_MATRIX } from '../../permissions/defaultMatrix.js';
import { callerTenantNoneSql, GOVERNED_MATRIX, matrixSql, noMatrixHooksSql } from '../../permissions/matrixSql.js';
import { MODULE_NAMES, moduleInfo, moduleOfResource } from '../../permissions/modules.js';
import type { Pack } from '../../permissions/packModel.js';
import {
  API_DB_ROLE,
  AUTHENTICATOR_DB_ROLE,
  authenticatorGrantsSql,
  createRolesSql,
  dbRoleOf,
  grantsSql,
  policiesSql,
  selfLockSql,
  type ExposedTable,
} from '../../permissions/rlsSql.js';
import { SELF_LOCKED } from '../../permissions/fieldRules.js';
import { ident, literal, qualifiedTable, sqlNameOfResource } from '../../permissions/sqlText.js';
import { isSecretColumn } from '../../permissions/secrets.js';
import { ROLES } from '../../permissions/vocabulary.js';
import { allowsTransitionSql, personFunction, personFunctionsSql, workflowFunction, workflowTriggerName, workflowTriggerSql } from '../../permissions/workflowSql.js';
import { WORKFLOWS } from '../../permissions/workflows.js';
import { nameColumns } from '../meta/governance.js';
import { loadSchemaModel } from '../meta/loadSchemaModel.js';
import { labelReferences } from '../meta/recordLabels.js';
import type { SchemaModel } from '../meta/schemaModel.js';
import { dropReferenceLabelsSql, referenceLabelsSql, type LabelReference } from '../../permissions/labelSql.js';
import { viewsRevertSql, viewsSql, type ServedView } from '../../permissions/viewsSql.js';


export interface GovernancePlan {
  pack: string;
  /** The SQL that installs the pack, run in one transaction. */
  apply: string;
  /** The SQL that undoes it, restoring what the tables had before (recorded with the run). */
  revert: string;
  /** Of `apply`: the same pack on the same database plans the same SQL, so a second run changes nothing. */
  hash: string;
}

interface TableState {
  resource: string;
  schema: string;
  table: string;
  columns: string[];
  rls: boolean;
  force: boolean;
  /** Policies the table had that are not Gatehouse's. */
  foreignPolicies: number;
  /** Column defaults, for the columns Gatehouse sets one on (authors). */
  defaults: Record<string, string | null>;
}

/** The tables a pack governs: every table the back-office serves (views follow their tables), and auth.users. */
async function governedTables(knex: Knex | Knex.Transaction, schema: SchemaModel): Promise<TableState[]> {
  const tables = [...schema.resources.values()].filter((r) => r.kind === 'table' || r.kind === 'partitioned');
  const { rows } = await knex.raw<{ rows: { name: string; rls: boolean; force: boolean; policies: number; defaults: Record<string, string | null> }[] }>(
    `SELECT format('%s.%s', n.nspname, c.relname) AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS force,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname NOT LIKE 'gh\\_%') AS policies,
            (SELECT coalesce(jsonb_object_agg(a.attname, pg_get_expr(d.adbin, d.adrelid)), '{}')
               FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS defaults
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE format('%s.%s', n.nspname, c.relname) = ANY (?::text[])`,
    [tables.map((t) => `${t.schema}.${t.table}`)],
  );
  const state = new Map(rows.map((r) => [r.name, r]));
  return tables.map((t) => {
    const s = state.get(`${t.schema}.${t.table}`)!;
    return {
      resource: t.name,
      schema: t.schema,
      table: t.table,
      columns: [...t.fields.map((f) => f.name), ...t.hiddenColumns],
      rls: s.rls,
      force: s.force,
      foreignPolicies: s.policies,
      defaults: s.defaults,
    };
  });
}

/** The views and materialized views a module of the pack serves, as the catalog has them now. */
async function servedViews(knex: Knex | Knex.Transaction, schema: SchemaModel): Promise<ServedView[]> {
  const views = [...schema.resources.values()].filter((r) => r.kind === 'view' && moduleOfResource(r.name) !== undefined);
  if (views.length === 0) return [];
  const { rows } = await knex.raw<{ rows: { name: string; materialized: boolean; invoker: boolean | null }[] }>(
    `SELECT format('%s.%s', n.nspname, c.relname) AS name, c.relkind = 'm' AS materialized,
            (SELECT o.option_value::boolean FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'security_invoker') AS invoker
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE format('%s.%s', n.nspname, c.relname) = ANY (?::text[])`,
    [views.map((v) => `${v.schema}.${v.table}`)],
  );
  const state = new Map(rows.map((r) => [r.name, r]));
  return views.map((v) => {
    const s = state.get(`${v.schema}.${v.table}`)!;
    return { resource: v.name, sqlName: `${ident(v.schema)}.${ident(v.table)}`, materialized: s.materialized, invokerBefore: s.invoker };
  });
}

/**
 * Everything the pack needs in the database, as SQL an administrator can read before it runs,
 * and the SQL that undoes it. Generated from the same pack the API's CASL rules come from:
 * the matrix (in gatehouse.matrix_grants, seeded with the pack's defaults), one database
 * role per role, column privileges for field rules, RLS forced with per-command policies and
 * own-row scopes, self-locked columns, authors and workflow guards, the people's role carried
 * to the sessions, and the governance record naming the pack.
 */
export async function planGovernance(knex: Knex | Knex.Transaction, pack: Pack): Promise<GovernancePlan> {
  const schema = await loadSchemaModel(knex as Knex);
  const tables = await governedTables(knex, schema);
  const views = await servedViews(knex, schema);
  const labels = labelReferences(schema);
  const exposed: ExposedTable[] = tables.map((t) => ({ resource: t.resource, sqlName: `${ident(t.schema)}.${ident(t.table)}`, columns: t.columns }));
  const withOwnPolicies = new Set(tables.filter((t) => t.foreignPolicies > 0).map((t) => t.resource));
  const schemas = [...new Set(tables.map((t) => t.schema))];
  const matrixInModules = moduleOfResource(GOVERNED_MATRIX.resource) !== undefined;
  // The matrix is a table of the pack's like any other when a module holds it: its editors get privileges and policies.
  if (matrixInModules) {
    exposed.push({
      resource: GOVERNED_MATRIX.resource,
      sqlName: GOVERNED_MATRIX.sqlName,
      columns: ['role_id', 'module_id', 'sub_module_id', 'permissions', 'updated_at', 'updated_by'],
    });
  }
  const people = pack.people;
  const moduleRows = MODULE_NAMES.flatMap((m) => moduleInfo(m).tables.map((t) => `(${literal(t)}, ${literal(m)})`));
  const tenantType = people?.tenant ? await columnType(knex, people.table, people.tenant) : undefined;
  const statusType = people?.status ? await columnType(knex, people.table, people.status) : undefined;
  const apply = [
    `-- Gatehouse: govern this database with the pack "${pack.name}".`,
    `CREATE TABLE gatehouse.matrix_grants (
      role_id text NOT NULL,
      module_id text NOT NULL,
      sub_module_id text,
      permissions text[] NOT NULL DEFAULT '{}' CHECK (permissions <@ ARRAY['read', 'create', 'update', 'delete', 'approve', 'export']::text[]),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES auth.users(id) ON DELETE SET NULL,
      UNIQUE NULLS NOT DISTINCT (role_id, module_id, sub_module_id)
    );`,
    matrixSql(GOVERNED_MATRIX, pack.administrator, { keepReachable: matrixInModules }),
    moduleRows.length ? `INSERT INTO gatehouse.matrix_modules (resource, module) VALUES\n      ${moduleRows.join(',\n      ')};` : '',
    DEFAULT_MATRIX.length
      ? `INSERT INTO gatehouse.matrix_grants (role_id, module_id, sub_module_id, permissions) VALUES
      ${DEFAULT_MATRIX.map((r) => `(${literal(r.role)}, ${literal(r.module)}, ${r.subModule ? literal(r.subModule) : 'NULL'}, ARRAY[${r.actions.map(literal).join(', ')}]::text[])`).join(',\n      ')};`
      : '',
    people?.tenant && tenantType
      ? `DROP FUNCTION gatehouse.caller_tenant(uuid);
    CREATE FUNCTION gatehouse.caller_tenant(p_user uuid) RETURNS ${tenantType}
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT ${ident(people.tenant)} FROM ${qualifiedTable(people.table)} WHERE ${ident(people.id)} = p_user $fn$;`
      : '',
    createRolesSql(),
    selfLockSql(exposed),
    `GRANT USAGE ON SCHEMA ${[...schemas, 'auth', 'gatehouse'].filter((s, i, all) => all.indexOf(s) === i).map(ident).join(', ')} TO ${ident(API_DB_ROLE)};`,
    ...schemas.map((s) => `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(s)} TO ${ident(API_DB_ROLE)};`),
    grantsSql(exposed),
    policiesSql(exposed, withOwnPolicies),
    viewsSql(views, GOVERNED_MATRIX.sqlName),
    labels.length ? referenceLabelsSql(labels) : '',
    authenticatorGrantsSql(),
    people?.email ? peopleAccountsSql(people, people.email) : '',
    people?.status && statusType ? peopleStatusSql(people, people.status, statusType) : '',
    people?.role ? peopleRoleSql(people.table, people.id, people.role) : '',
    people?.roles ? peopleRolesSql(people.roles) : '',
    AUTHORS.length ? authorsSql() : '',
    personFunctionsSql(WORKFLOWS),
    allowsTransitionSql(WORKFLOWS),
    ...WORKFLOWS.map((w) => workflowTriggerSql(w)),
    auditTrailSql(GOVERNED_AUDIT),
    attachAuditSql(tables),
    `INSERT INTO gatehouse.governance (pack, administrator, people, matrix_table, audit_table)
      VALUES (${literal(pack.name)}, ${literal(pack.administrator)}, ${people ? `${literal(JSON.stringify(people))}::jsonb` : 'NULL'}, ${literal(GOVERNED_MATRIX.sqlName)}, ${literal(GOVERNED_AUDIT)})
      ON CONFLICT (singleton) DO UPDATE SET pack = EXCLUDED.pack, administrator = EXCLUDED.administrator, people = EXCLUDED.people,
        matrix_table = EXCLUDED.matrix_table, audit_table = EXCLUDED.audit_table, recorded_at = now();`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return { pack: pack.name, apply, revert: revertSql(tables, views, pack, labels), hash: createHash('sha256').update(apply).digest('hex') };
}

/**
 * Where a governed database's audit trail is kept: Gatehouse's own schema (the database may have
 * an audit table of its own). It outlives governance: --revert takes the recording off the tables
 * but keeps what was recorded, and a new --apply goes on appending to the same chain.
 */
export const GOVERNED_AUDIT = 'gatehouse.audit_trail';

/** The tables whose every change the trail records: the governed tables (auth.users among them), each partition too. */
function auditedRelations(tables: TableState[]): { sqlName: string; resource: string; secrets: string[] }[] {
  return tables.map((t) => ({ sqlName: `${ident(t.schema)}.${ident(t.table)}`, resource: t.resource, secrets: t.columns.filter(isSecretColumn) }));
}

function attachAuditSql(tables: TableState[]): string {
  const attach = auditedRelations(tables).map(
    (t) => `PERFORM gatehouse.audit_attach(p.relid, ${literal(t.resource)}, ARRAY[${t.secrets.map(literal).join(', ')}]::text[])
        FROM (SELECT ${literal(t.sqlName)}::regclass AS relid UNION SELECT relid FROM pg_partition_tree(${literal(t.sqlName)}::regclass)) p;`,
  );
  return `-- The audit trail records every change to the governed tables (and to each of their partitions).
    DO $$ BEGIN
      ${attach.join('\n      ')}
    END $$;
    REVOKE ALL ON ${GOVERNED_AUDIT}, gatehouse.audit_chain_head FROM PUBLIC;
    REVOKE EXECUTE ON FUNCTION gatehouse.audit_attach(regclass, text, text[]) FROM PUBLIC;`;
}

/** A column's SQL type, as a function returning its values declares it. */
async function columnType(knex: Knex | Knex.Transaction, table: string, column: string): Promise<string | undefined> {
  const { rows } = await knex.raw<{ rows: { type: string }[] }>(
    `SELECT format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped`,
    [qualifiedTable(table), column],
  );
  return rows[0]?.type;
}

/**
 * Accounts follow people, where the people table is the database's own directory of users
 * (people.email): every person with an email has an auth.users account with the same id, so
 * the database's own \`auth.uid() = id\` policies and foreign keys name the signed-in person.
 * A new account has no usable password ('!'): an administrator gives the first one. Named
 * so it fires before the role is carried over (triggers fire in name order).
 */
function peopleAccountsSql(people: NonNullable<Pack['people']>, emailColumn: string): string {
  const table = qualifiedTable(people.table);
  const id = ident(people.id);
  const email = ident(emailColumn);
  const name = (row: string) => `nullif(concat_ws(' ', ${nameColumns(people).map((c) => `${row}.${ident(c)}::text`).join(', ')}), '')`;
  return `CREATE FUNCTION gatehouse.sync_people_account() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        -- No email, no sign-in: a person who loses theirs (or leaves) loses the account and its sessions.
        IF TG_OP = 'DELETE' OR NEW.${email} IS NULL THEN
          DELETE FROM auth.users WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.${id} ELSE NEW.${id} END);
          RETURN NULL;
        END IF;
        UPDATE auth.users SET email = NEW.${email}::text,
               raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('name', ${name('NEW')}))
         WHERE id = NEW.${id};
        IF NOT FOUND THEN
          INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data)
          VALUES (NEW.${id}, NEW.${email}::text, '!', now(), jsonb_strip_nulls(jsonb_build_object('name', ${name('NEW')})));
        END IF;
        RETURN NULL;
      END $fn$;
    REVOKE EXECUTE ON FUNCTION gatehouse.sync_people_account() FROM PUBLIC;
    CREATE TRIGGER gatehouse_sync_people_account AFTER INSERT OR DELETE OR UPDATE OF ${[emailColumn, ...nameColumns(people)].map(ident).join(', ')} ON ${table}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.sync_people_account();
    -- The people already there: an account each, unless their email already signs someone else in.
    DO $$ DECLARE skipped bigint; BEGIN
      INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data)
      SELECT p.${id}, p.${email}::text, '!', now(), jsonb_strip_nulls(jsonb_build_object('name', ${name('p')}))
        FROM ${table} p
       WHERE p.${email} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.id = p.${id} OR lower(u.email) = lower(p.${email}::text));
      SELECT count(*) INTO skipped FROM ${table} p
       WHERE EXISTS (SELECT 1 FROM auth.users u WHERE u.id <> p.${id} AND lower(u.email) = lower(p.${email}::text));
      IF skipped > 0 THEN
        RAISE NOTICE '% people have an email another account already signs in with: they get no account of their own', skipped;
      END IF;
    END $$;`;
}

/** Who may sign in follows the people's status: a boolean that is true, or one of the active statuses (any case). */
function peopleStatusSql(people: NonNullable<Pack['people']>, statusColumn: string, type: string): string {
  const status = `p.${ident(statusColumn)}`;
  const open = type === 'boolean' ? `${status} IS TRUE` : `lower(${status}::text) IN (${(people.activeStatuses ?? ['active']).map((v) => literal(v.toLowerCase())).join(', ')})`;
  return `CREATE OR REPLACE FUNCTION gatehouse.may_sign_in(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT coalesce((SELECT ${open} FROM ${qualifiedTable(people.table)} p WHERE p.${ident(people.id)} = p_user), true) $fn$;`;
}

/** The people's role column is the role the session carries: kept in step with auth.users, now and on every change. */
function peopleRoleSql(peopleTable: string, idColumn: string, roleColumn: string): string {
  const table = qualifiedTable(peopleTable);
  const role = ident(roleColumn);
  const id = ident(idColumn);
  const carried = (value: string) => `(coalesce(raw_app_meta_data, '{}'::jsonb) - 'roles') || jsonb_build_object('role', ${value}::text)`;
  return `CREATE FUNCTION gatehouse.sync_people_role() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        UPDATE auth.users SET raw_app_meta_data = ${carried(`NEW.${role}`)}
         WHERE id = NEW.${id};
        -- A changed role takes effect at once: the person signs in again.
        DELETE FROM gatehouse.sessions WHERE user_id = NEW.${id};
        RETURN NEW;
      END $fn$;
    CREATE TRIGGER gatehouse_sync_people_role AFTER INSERT OR UPDATE OF ${role} ON ${table}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.sync_people_role();
    UPDATE auth.users u SET raw_app_meta_data = ${carried(`p.${role}`).replace(/raw_app_meta_data/g, 'u.raw_app_meta_data')}
      FROM ${table} p WHERE p.${id} = u.id AND gatehouse.roles_of(u.raw_app_meta_data) IS DISTINCT FROM ARRAY[p.${role}::text];`;
}

/**
 * Roles from a role table (several per person): the pack's roles a person holds, in the pack's
 * order, carried to auth.users (\`roles\`, the first also as \`role\`) now and on every change to
 * the table (or to a role's name), with the database role for that set of roles made first.
 */
function peopleRolesSql(source: NonNullable<NonNullable<Pack['people']>['roles']>): string {
  const assignments = qualifiedTable(source.table);
  const person = ident(source.person);
  const role = ident(source.role);
  const known = ROLES.map((r, i) => `(${literal(r)}, ${i})`).join(', ');
  const held = source.names
    ? `SELECT n.${ident(source.names.name)}::text FROM ${assignments} a JOIN ${qualifiedTable(source.names.table)} n ON n.${ident(source.names.id)} = a.${role} WHERE a.${person} = p_user`
    : `SELECT a.${role}::text FROM ${assignments} a WHERE a.${person} = p_user`;
  const renamed = source.names
    ? `CREATE FUNCTION gatehouse.sync_renamed_role() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        PERFORM gatehouse.sync_people_roles(a.${person}) FROM ${assignments} a WHERE a.${role} IN (OLD.${ident(source.names.id)}, NEW.${ident(source.names.id)});
        RETURN NULL;
      END $fn$;
    CREATE TRIGGER gatehouse_sync_renamed_role AFTER UPDATE OF ${ident(source.names.name)}, ${ident(source.names.id)} ON ${qualifiedTable(source.names.table)}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.sync_renamed_role();`
    : '';
  return `CREATE FUNCTION gatehouse.people_roles(p_user uuid) RETURNS text[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT ARRAY(SELECT k.role FROM (VALUES ${known}) AS k(role, n) WHERE k.role IN (${held}) ORDER BY k.n) $fn$;
    CREATE FUNCTION gatehouse.sync_people_roles(p_user uuid) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      DECLARE roles text[] := gatehouse.people_roles(p_user);
      BEGIN
        PERFORM gatehouse.ensure_combined_role(roles);
        -- auth.users' own trigger ends the person's sessions and records the change.
        UPDATE auth.users SET raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb)
                || jsonb_build_object('role', coalesce(roles[1], ''), 'roles', to_jsonb(roles))
         WHERE id = p_user AND gatehouse.roles_of(raw_app_meta_data) IS DISTINCT FROM roles;
      END $fn$;
    REVOKE EXECUTE ON FUNCTION gatehouse.people_roles(uuid), gatehouse.sync_people_roles(uuid) FROM PUBLIC;
    CREATE FUNCTION gatehouse.sync_assigned_roles() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM gatehouse.sync_people_roles(OLD.${person}); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM gatehouse.sync_people_roles(NEW.${person}); END IF;
        RETURN NULL;
      END $fn$;
    CREATE TRIGGER gatehouse_sync_assigned_roles AFTER INSERT OR UPDATE OR DELETE ON ${assignments}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.sync_assigned_roles();
    ${renamed}
    SELECT gatehouse.sync_people_roles(u.id) FROM auth.users u
     WHERE u.id IN (SELECT ${person} FROM ${assignments}) OR gatehouse.roles_of(u.raw_app_meta_data) <> '{}';`;
}

/**
 * Undoes `apply`: Gatehouse's policies, triggers, functions, privileges and tables go; each
 * table gets back its own row-security flags and column defaults; the hooks return to "no
 * matrix". Roles stay (they are the cluster's, perhaps shared) but hold nothing here any more.
 * People's roles already copied to auth.users stay as they are.
 */
function revertSql(tables: TableState[], views: ServedView[], pack: Pack, labels: LabelReference[]): string {
  const dbRoles = [API_DB_ROLE, ...ROLES.map(dbRoleOf)].map(ident).join(', ');
  const out: string[] = [
    `-- Gatehouse: undo the pack "${pack.name}".`,
    `DELETE FROM gatehouse.governance;`,
    dropReferenceLabelsSql(labels),
    viewsRevertSql(views, GOVERNED_MATRIX.sqlName),
  ];
  for (const t of tables) {
    const name = `${ident(t.schema)}.${ident(t.table)}`;
    out.push(`DO $$ DECLARE p record; BEGIN
        FOR p IN SELECT polname FROM pg_policy WHERE polrelid = ${literal(name)}::regclass AND polname LIKE 'gh\\_%' LOOP
          EXECUTE format('DROP POLICY %I ON ${name.replace(/%/g, '%%')}', p.polname);
        END LOOP;
      END $$;`);
    out.push(`ALTER TABLE ${name} ${t.rls ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY, ${t.force ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
    out.push(`REVOKE ALL ON ${name} FROM ${dbRoles};`);
  }
  for (const a of AUTHORS) {
    const t = tables.find((x) => x.resource === a.table);
    const before = t?.defaults[a.column] ?? null;
    out.push(`DROP TRIGGER IF EXISTS ${authorTriggerName(a)} ON ${sqlNameOfResource(a.table)};`);
    out.push(`ALTER TABLE ${sqlNameOfResource(a.table)} ALTER COLUMN ${ident(a.column)} ${before === null ? 'DROP DEFAULT' : `SET DEFAULT ${before}`};`);
  }
  for (const w of WORKFLOWS) out.push(`DROP TRIGGER IF EXISTS ${workflowTriggerName(w)} ON ${sqlNameOfResource(w.table)};`, `DROP FUNCTION IF EXISTS ${workflowFunction(w)}();`);
  const vias = new Set(WORKFLOWS.flatMap((w) => w.transitions.flatMap((t) => [t.notBy?.via, t.onlyBy?.via])).filter((v) => v !== undefined).map(personFunction));
  for (const fn of vias) out.push(`DROP FUNCTION IF EXISTS ${fn}(uuid);`);
  for (const locked of SELF_LOCKED) {
    out.push(`DROP TRIGGER IF EXISTS ${ident(`${locked.table.replace(/\W/g, '_')}_refuse_own_change`)} ON ${sqlNameOfResource(locked.table)};`);
  }
  if (pack.people?.role) out.push(`DROP TRIGGER IF EXISTS gatehouse_sync_people_role ON ${qualifiedTable(pack.people.table)};`);
  // The accounts made for people stay (like the roles carried to them): only the keeping in step ends.
  if (pack.people?.email) out.push(`DROP TRIGGER IF EXISTS gatehouse_sync_people_account ON ${qualifiedTable(pack.people.table)};`);
  const roleSource = pack.people?.roles;
  if (roleSource) {
    out.push(`DROP TRIGGER IF EXISTS gatehouse_sync_assigned_roles ON ${qualifiedTable(roleSource.table)};`);
    if (roleSource.names) out.push(`DROP TRIGGER IF EXISTS gatehouse_sync_renamed_role ON ${qualifiedTable(roleSource.names.table)};`);
  }
  out.push(
    `DROP POLICY IF EXISTS gh_authenticator_resolves_sessions ON auth.users;`,
    `REVOKE ALL ON gatehouse.sessions, auth.users FROM ${ident(AUTHENTICATOR_DB_ROLE)};`,
    `REVOKE EXECUTE ON FUNCTION gatehouse.account_open(uuid), gatehouse.must_change_password(uuid), gatehouse.has_two_factor(uuid) FROM ${ident(AUTHENTICATOR_DB_ROLE)};`,
    `REVOKE EXECUTE ON FUNCTION gatehouse.set_suspended(uuid, boolean) FROM ${ident(API_DB_ROLE)};`,
    `DROP TABLE gatehouse.matrix_grants, gatehouse.matrix_modules, gatehouse.matrix_changes;`,
    `DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT t.tgrelid::regclass AS rel, t.tgname FROM pg_trigger t
                  WHERE t.tgname = ANY (ARRAY[${AUDIT_TRIGGERS.map(literal).join(', ')}]) AND t.tgrelid = ANY (ARRAY(
                    SELECT p.relid FROM unnest(ARRAY[${auditedRelations(tables).map((t) => literal(t.sqlName)).join(', ')}]::regclass[]) AS a(rel),
                           LATERAL (SELECT a.rel AS relid UNION SELECT relid FROM pg_partition_tree(a.rel)) p)) LOOP
          EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.rel);
        END LOOP;
      END $$;`,
    `-- The trail stays, append-only (its guard too); only the recording comes off.
    DROP AGGREGATE IF EXISTS gatehouse.audit_chain(text, text);
    DROP FUNCTION IF EXISTS gatehouse.audit_record(), gatehouse.audit_hold_chain(), gatehouse.audit_attach(regclass, text, text[]),
       gatehouse.history_of(text, text[], integer), gatehouse.audit_chain_step(text, text, text),
       gatehouse.audit_link(text, text), gatehouse.audit_content(bigint, timestamptz, uuid, text, text, text, text, text, text, text, text, text, jsonb, jsonb);`,
    `DROP FUNCTION IF EXISTS gatehouse.sync_people_role(), gatehouse.sync_people_account(), gatehouse.sync_assigned_roles(), gatehouse.sync_renamed_role(),
       gatehouse.sync_people_roles(uuid), gatehouse.people_roles(uuid), gatehouse.stamp_author(), gatehouse.refuse_own_change(),
       gatehouse.log_matrix_change(), gatehouse.stamp_matrix_change(), gatehouse.keep_matrix_reachable(),
       gatehouse.matrix_changes_latest(integer), gatehouse.owned_ids(text, uuid), gatehouse.role_allows(text, text, text);`,
    noMatrixHooksSql(),
    ...(pack.people?.tenant ? [`DROP FUNCTION gatehouse.caller_tenant(uuid);`, callerTenantNoneSql()] : []),
    // Back to Gatehouse's own answer (migrations/core 0200): every account may sign in.
    ...(pack.people?.status ? [`CREATE OR REPLACE FUNCTION gatehouse.may_sign_in(p_user uuid) RETURNS boolean
      LANGUAGE sql STABLE AS $$ SELECT true $$;`] : []),
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${[...new Set(tables.map((t) => t.schema))].map(ident).join(', ')} FROM ${ident(API_DB_ROLE)};`,
    `REVOKE USAGE ON SCHEMA ${[...new Set([...tables.map((t) => t.schema), 'auth', 'gatehouse'])].map(ident).join(', ')} FROM ${ident(API_DB_ROLE)}, ${ident(AUTHENTICATOR_DB_ROLE)};`,
  );
  return out.join('\n');
}
