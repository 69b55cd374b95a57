import type { Knex } from 'knex';

/**
 * What governing may touch, as PostgreSQL describes it: RLS flags, policies, triggers, defaults,
 * privileges, Gatehouse's functions. The audit trail is left out: it outlives governance on
 * purpose (a revert keeps what was recorded, append-only, and a new apply appends to it).
 */
export async function governedSnapshot(knex: Knex): Promise<unknown> {
  const { rows } = await knex.raw(`
    SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity,
           -- No ACL means the owner's default privileges: the same privileges, spelt out.
           coalesce(c.relacl, acldefault('r', c.relowner))::text AS acl,
           (SELECT json_agg(json_build_object('n', a.attname, 'd', pg_get_expr(d.adbin, d.adrelid), 'acl', a.attacl::text) ORDER BY a.attnum)
              FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
           (SELECT json_agg(json_build_object('n', p.polname, 'q', pg_get_expr(p.polqual, p.polrelid)) ORDER BY p.polname) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
           (SELECT json_agg(t.tgname ORDER BY t.tgname) FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'auth', 'gatehouse') AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('govern_runs', 'governance', 'audit_trail', 'audit_chain_head')
     ORDER BY 1, 2`);
  const { rows: functions } = await knex.raw(
    `SELECT p.oid::regprocedure::text AS f, md5(p.prosrc) AS body FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'gatehouse' AND p.proname <> 'audit_log_append_only' ORDER BY 1`,
  );
  const { rows: governance } = await knex.raw(`SELECT pack FROM gatehouse.governance`);
  return { rows, functions, governance };
}
