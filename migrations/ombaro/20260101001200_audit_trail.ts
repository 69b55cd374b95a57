import type { Knex } from 'knex';
import { auditTrailSql } from '../../permissions/auditSql.js';
import { API_DB_ROLE, policiesSql } from '../../permissions/rlsSql.js';
import { isSecretColumn } from '../../permissions/secrets.js';
import { ident } from '../../permissions/sqlText.js';

/**
 * OMBARO's tamper-evident audit trail, `public.audit_log` (permissions/auditSql.ts says how it
 * works): every table of public but the excluded ones, and auth.users, recorded by the database.
 */

/** Tables that are not audited: the trail itself, and the document numbering's counters (bookkeeping, not records). */
const NOT_AUDITED = ['audit_log', 'document_counters'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(auditTrailSql('public.audit_log'));

  for (const t of await auditedTables(knex)) {
    await knex.raw('SELECT gatehouse.audit_attach(?::regclass, ?, ?::text[])', [t.sqlName, t.resource, t.secrets]);
  }

  // Nobody writes the trail but the trigger; API roles read it under RLS, like every table.
  const selectPolicies = policiesSql([{ resource: 'audit_log', sqlName: 'public.audit_log', columns: [] }])
    .split('\n')
    .filter((line) => !/ FOR (INSERT|UPDATE|DELETE) /.test(line))
    .join('\n');
  await knex.raw(`
    REVOKE ALL ON public.audit_log FROM PUBLIC;
    REVOKE ALL ON gatehouse.audit_chain_head FROM PUBLIC;
    REVOKE EXECUTE ON FUNCTION gatehouse.audit_attach(regclass, text, text[]) FROM PUBLIC;
    GRANT SELECT ON public.audit_log TO ${ident(API_DB_ROLE)};
    ${selectPolicies}
    -- The owner writes the trail (through the trigger) and verifies it even without BYPASSRLS.
    CREATE POLICY gh_owner_appends ON public.audit_log FOR INSERT TO CURRENT_USER WITH CHECK (true);
    CREATE POLICY gh_owner_reads ON public.audit_log FOR SELECT TO CURRENT_USER USING (true);
  `);
  // The matrix says what the database does: even super_admin only reads and exports the trail
  // (that row is in permissions/defaultMatrix.ts).
}

interface AuditedTable {
  /** Quoted, schema-qualified name of the table (or partition) the triggers go on. */
  sqlName: string;
  /** The resource it belongs to (a partition's is its root's). */
  resource: string;
  secrets: string[];
}

/**
 * Every ordinary or partitioned table of public but the excluded ones, and auth.users. Each
 * partition gets the triggers too (statement triggers of a partitioned table fire only for
 * statements naming it, so a write straight into a partition is caught by the partition's).
 */
async function auditedTables(knex: Knex): Promise<AuditedTable[]> {
  const { rows } = await knex.raw<{ rows: { schema: string; name: string; root_schema: string; root: string; columns: string[] }[] }>(`
    SELECT n.nspname AS schema, c.relname AS name, rn.nspname AS root_schema, r.relname AS root,
           ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_class r ON r.oid = coalesce(pg_partition_root(c.oid), c.oid)
      JOIN pg_namespace rn ON rn.oid = r.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND ((rn.nspname = 'public' AND r.relname <> ALL (?::text[])) OR (rn.nspname = 'auth' AND r.relname = 'users'))
     ORDER BY 1, 2`,
    [NOT_AUDITED],
  );
  return rows.map((t) => ({
    sqlName: `${ident(t.schema)}.${ident(t.name)}`,
    resource: t.root_schema === 'public' ? t.root : `${t.root_schema}.${t.root}`,
    secrets: t.columns.filter(isSecretColumn),
  }));
}

export async function down(): Promise<void> {
  throw new Error('The audit trail is not reversible: an audit trail is never dropped by a migration.');
}
