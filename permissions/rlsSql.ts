import { FIELD_RESTRICTIONS, SELF_LOCKED, hiddenFrom, mayUseRestricted, writeOnlyColumns } from './fieldRules.js';
import { OWN_ROWS, OWNER_SETS, rowsOf } from './ownRows.js';
import { GIVING_ACTIONS, givableBy } from './roleGiving.js';
import { isSecretColumn } from './secrets.js';
import { ROLES, type Action, type Role } from './vocabulary.js';
import { ident, literal } from './sqlText.js';

/**
 * The SQL that makes the database enforce the matrix on its own: one database role per
 * application role (so policies and column privileges can target it), the helper functions
 * the policies call, and per-command policies on every exposed table. Pure: the migration
 * feeds it the tables it finds and runs what it returns.
 */

/** The base role every per-role database role inherits its table privileges from; it has no policy of its own. */
export const API_DB_ROLE = 'gatehouse_api';
export const dbRoleOf = (role: Role): string => `gatehouse_role_${role}`;
/**
 * The role the API logs in as: it owns nothing, bypasses nothing and inherits nothing; it may
 * only resolve a session and then become the caller's role for the rest of the transaction.
 */
export const AUTHENTICATOR_DB_ROLE = 'gatehouse_authenticator';

export interface ExposedTable {
  /** The resource name: the table's name, or `schema.table` outside public. */
  resource: string;
  /** The quoted, schema-qualified name. */
  sqlName: string;
  columns: readonly string[];
}

const COMMANDS: { command: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'; action: Action }[] = [
  { command: 'SELECT', action: 'read' },
  { command: 'INSERT', action: 'create' },
  { command: 'UPDATE', action: 'update' },
  { command: 'DELETE', action: 'delete' },
];

export function createRolesSql(): string {
  const create = (name: string, options = '') =>
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(name)}) THEN CREATE ROLE ${ident(name)} NOLOGIN NOBYPASSRLS ${options}; END IF; END $$;`;
  const authenticator = ident(AUTHENTICATOR_DB_ROLE);
  return [
    create(API_DB_ROLE),
    create(AUTHENTICATOR_DB_ROLE, 'NOINHERIT'),
    `GRANT ${ident(API_DB_ROLE)} TO ${authenticator};`,
    ...ROLES.map((r) => `${create(dbRoleOf(r))}\nGRANT ${ident(API_DB_ROLE)} TO ${ident(dbRoleOf(r))};\nGRANT ${ident(dbRoleOf(r))} TO ${authenticator};`),
  ].join('\n');
}

/** What the authenticator itself may do before it becomes the caller: resolve a session, nothing else. */
export function authenticatorGrantsSql(): string {
  const authenticator = ident(AUTHENTICATOR_DB_ROLE);
  return `
    GRANT USAGE ON SCHEMA public, auth, gatehouse TO ${authenticator};
    GRANT SELECT (id, token_hash, user_id, last_seen_at, expires_at, idle_timeout), UPDATE (last_seen_at) ON gatehouse.sessions TO ${authenticator};
    GRANT EXECUTE ON FUNCTION gatehouse.account_open(uuid), gatehouse.must_change_password(uuid), gatehouse.has_two_factor(uuid) TO ${authenticator};
    GRANT EXECUTE ON FUNCTION gatehouse.set_suspended(uuid, boolean) TO ${ident(API_DB_ROLE)};
    GRANT SELECT (id, email, raw_app_meta_data, raw_user_meta_data) ON auth.users TO ${authenticator};
    CREATE POLICY gh_authenticator_resolves_sessions ON auth.users FOR SELECT TO ${authenticator} USING (true);`;
}

/** The caller's owner sets, found by id: `gatehouse.owned_ids(set, user)`. */
export function ownedIdsFunctionSql(): string {
  const branches = Object.entries(OWNER_SETS)
    .map(([set, query]) => `WHEN ${literal(set)} THEN ARRAY(${query.replace(/\$1/g, 'p_user')})`)
    .join('\n        ');
  return `CREATE OR REPLACE FUNCTION gatehouse.owned_ids(p_set text, p_user uuid) RETURNS uuid[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT ${branches ? `CASE p_set
        ${branches}
      END` : 'NULL::uuid[]'} $fn$;`;
}

/** Table privileges: everything on ordinary columns, restricted columns only to the roles allowed them, secrets to nobody. */
export function grantsSql(tables: readonly ExposedTable[]): string {
  const out: string[] = [];
  for (const table of tables) {
    const restrictions = FIELD_RESTRICTIONS.filter((r) => r.table === table.resource);
    const restricted = new Set(restrictions.flatMap((r) => r.columns));
    const secret = table.columns.filter(isSecretColumn);
    const limited = ROLES.filter((role) => writeOnlyColumns(role, table.resource));
    if (restricted.size === 0 && secret.length === 0 && limited.length === 0) {
      out.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table.sqlName} TO ${ident(API_DB_ROLE)};`);
      continue;
    }
    const openColumns = table.columns.filter((c) => !restricted.has(c) && !isSecretColumn(c));
    const open = openColumns.map(ident).join(', ');
    if (limited.length === 0) out.push(`GRANT SELECT (${open}), INSERT (${open}), UPDATE (${open}), DELETE ON ${table.sqlName} TO ${ident(API_DB_ROLE)};`);
    else {
      // Writing is then each role's own privilege: a role limited to some columns gets those alone.
      out.push(`GRANT SELECT (${open}), DELETE ON ${table.sqlName} TO ${ident(API_DB_ROLE)};`);
      for (const role of ROLES) {
        const only = writeOnlyColumns(role, table.resource);
        const writable = (only ? openColumns.filter((c) => only.includes(c)) : openColumns).map(ident).join(', ');
        if (writable) out.push(`GRANT INSERT (${writable}), UPDATE (${writable}) ON ${table.sqlName} TO ${ident(dbRoleOf(role))};`);
      }
    }
    // A column several rules restrict is a role's only where every one of them allows it (as in CASL).
    const restrictedColumns = [...restricted].filter((c) => table.columns.includes(c));
    for (const role of ROLES) {
      const usable = (use: 'read' | 'write') =>
        restrictedColumns.filter((c) => restrictions.filter((r) => r.columns.includes(c)).every((r) => mayUseRestricted(r, role, use))).map(ident).join(', ');
      const reads = usable('read');
      const writes = usable('write');
      const privileges = [...(reads ? [`SELECT (${reads})`] : []), ...(writes ? [`INSERT (${writes})`, `UPDATE (${writes})`] : [])];
      if (privileges.length) out.push(`GRANT ${privileges.join(', ')} ON ${table.sqlName} TO ${ident(dbRoleOf(role))};`);
    }
  }
  return out.join('\n');
}

/** The row condition of an own-scoped role on a table, or undefined when "own" is not defined there. */
function ownCondition(role: Role, resource: string): string | undefined {
  const rule = OWN_ROWS[role]?.[resource];
  if (!rule) return undefined;
  const column = ident(rule.column);
  if ('equalsUser' in rule) return `${column} = (SELECT auth.uid())`;
  if ('in' in rule) return `${column} = ANY ((SELECT gatehouse.owned_ids(${literal(rule.in)}, auth.uid()))::uuid[])`;
  return `${column} = (SELECT gatehouse.caller_tenant(auth.uid()))`;
}

const roleArray = (roles: readonly Role[]) => `ARRAY[${roles.map(literal).join(', ')}]::text[]`;

/**
 * The rows each role's grants reach on a table, as SQL, with the roles sharing it: every row
 * (true), its own rows, either without the rows hidden from it. Roles reaching nothing are left out.
 */
function reachGroups(resource: string, action: Action): { roles: Role[]; condition: string }[] {
  const groups = new Map<string, { roles: Role[]; condition: string }>();
  for (const role of ROLES) {
    const rows = rowsOf(role, resource);
    if (rows === 'none') continue;
    const own = rows === 'all' ? undefined : ownCondition(role, resource);
    if (rows !== 'all' && !own) continue;
    const visible = hiddenFrom(role, resource).map((column) => `${ident(column)} IS NOT TRUE`);
    // A role giving people roles writes only people holding one it may give (USING and WITH CHECK: before and after).
    const giving = GIVING_ACTIONS.includes(action) ? givableBy(role, resource) : undefined;
    const given = giving ? [`${ident(giving.column)}::text = ANY (${roleArray(giving.roles)})`] : [];
    const condition = [...(own ? [own] : []), ...visible, ...given].join(' AND ') || 'true';
    // Own rows are the role's alone (they name the caller's rows of that role); every-row roles share.
    const key = own ? `own:${role}` : condition;
    const group = groups.get(key) ?? { roles: [], condition };
    group.roles.push(role);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * RLS enabled and forced, then per command: one policy per group of roles whose grants reach
 * the same rows (every row; every row but those hidden from them; a role's own rows), never
 * OR-ed together, so each role's plan stays index-friendly. A policy asks the matrix only
 * about the roles it is for: a caller holding several roles runs as a role inheriting all
 * their policies, and one role's grant must not reach another role's rows.
 */
export function policiesSql(tables: readonly ExposedTable[], ownPolicies: ReadonlySet<string> = new Set()): string {
  const out: string[] = [];
  for (const table of tables) {
    out.push(`ALTER TABLE ${table.sqlName} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;`);
    for (const { command, action } of COMMANDS) {
      const groups = reachGroups(table.resource, action);
      // Written as an IS NOT NULL test because the planner estimates that at 99.5% of rows,
      // where a bare boolean sub-select counts as 50%: row estimates (and list totals) stay true.
      // An update is also allowed while a workflow transition the caller may run is under way
      // (an approver may lack the update action); the workflow trigger checks the rest.
      const allowed = (roles: readonly Role[]) => {
        const among = roleArray(roles);
        const granted =
          command === 'UPDATE'
            ? `gatehouse.allows_among(${among}, ${literal(table.resource)}, 'update') OR gatehouse.allows_transition_among(${among}, ${literal(table.resource)})`
            : `gatehouse.allows_among(${among}, ${literal(table.resource)}, ${literal(action)})`;
        return `(SELECT nullif(${granted}, false)) IS NOT NULL`;
      };
      const reach = (group: { roles: Role[]; condition: string }) =>
        group.condition === 'true' ? allowed(group.roles) : `${allowed(group.roles)} AND ${group.condition}`;
      const clause = (condition: string) =>
        command === 'INSERT' ? `WITH CHECK (${condition})` : command === 'UPDATE' ? `USING (${condition}) WITH CHECK (${condition})` : `USING (${condition})`;
      const cmd = command.toLowerCase();
      if (ownPolicies.has(table.resource)) {
        // The table has policies of its own, which stay: Gatehouse's is then restrictive (both
        // must pass), one per command for every Gatehouse role, each role's reach included.
        const condition = groups.length ? groups.map((g) => `(${reach(g)})`).join(' OR ') : 'false';
        out.push(`CREATE POLICY gh_${cmd} ON ${table.sqlName} AS RESTRICTIVE FOR ${command} TO ${ident(API_DB_ROLE)} ${clause(condition)};`);
        continue;
      }
      for (const group of groups) {
        const name = group.condition === 'true' ? `gh_${cmd}` : `gh_${cmd}_${group.roles[0]!}`;
        out.push(`CREATE POLICY ${name} ON ${table.sqlName} FOR ${command} TO ${group.roles.map((r) => ident(dbRoleOf(r))).join(', ')} ${clause(reach(group))};`);
      }
    }
  }
  return out.join('\n');
}

/** Triggers refusing changes to SELF_LOCKED columns of the caller's own row (one generic function). */
export function selfLockSql(tables: readonly ExposedTable[]): string {
  const out = [
    `CREATE FUNCTION gatehouse.refuse_own_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public
      AS $fn$
      DECLARE
        new_row jsonb := to_jsonb(NEW);
        old_row jsonb := to_jsonb(OLD);
      BEGIN
        IF old_row ->> TG_ARGV[0] IS DISTINCT FROM auth.uid()::text THEN RETURN NEW; END IF;
        FOR i IN 1 .. TG_NARGS - 1 LOOP
          IF new_row -> TG_ARGV[i] IS DISTINCT FROM old_row -> TG_ARGV[i] THEN
            RAISE EXCEPTION 'nobody may change their own %', TG_ARGV[i] USING ERRCODE = 'insufficient_privilege';
          END IF;
        END LOOP;
        RETURN NEW;
      END $fn$;`,
  ];
  for (const locked of SELF_LOCKED) {
    const table = tables.find((t) => t.resource === locked.table);
    if (!table) continue;
    const args = [locked.key, ...locked.columns].map(literal).join(', ');
    const name = ident(`${locked.table.replace(/\W/g, '_')}_refuse_own_change`);
    out.push(`CREATE TRIGGER ${name} BEFORE UPDATE OF ${locked.columns.map(ident).join(', ')} ON ${table.sqlName}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.refuse_own_change(${args});`);
  }
  return out.join('\n');
}
