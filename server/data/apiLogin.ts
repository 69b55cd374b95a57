import type { Knex } from 'knex';
import type { SchemaModel } from '../meta/schemaModel.js';

/** The data API's login, and why row-level security would not hold for it, if it would not. */
export interface ApiLogin {
  name: string;
  /** "is a superuser", "has BYPASSRLS", "owns public.bookings": why policies do not apply to it. */
  bypassesRls?: string;
}

/**
 * Asks PostgreSQL who the data API connects as. A superuser or a BYPASSRLS role skips every
 * policy; a table's owner skips its policies unless FORCE ROW LEVEL SECURITY is set; such a
 * login may serve only administrators, who are allowed everything anyway.
 */
export async function inspectApiLogin(apiKnex: Knex, schema: SchemaModel): Promise<ApiLogin> {
  const tables = [...schema.resources.values()].filter((r) => r.kind !== 'view').map((r) => `${r.schema}.${r.table}`);
  const { rows } = await apiKnex.raw<{ rows: { name: string; rolsuper: boolean; rolbypassrls: boolean; owned: string | null }[] }>(
    `SELECT r.rolname AS name, r.rolsuper, r.rolbypassrls,
            (SELECT format('%I.%I', n.nspname, c.relname)
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relowner = r.oid AND NOT c.relforcerowsecurity
                AND format('%s.%s', n.nspname, c.relname) = ANY (?::text[])
              ORDER BY 1 LIMIT 1) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    [tables],
  );
  const login = rows[0]!;
  const bypassesRls = login.rolsuper ? 'is a superuser' : login.rolbypassrls ? 'has BYPASSRLS' : login.owned ? `owns ${login.owned}` : undefined;
  return { name: login.name, ...(bypassesRls ? { bypassesRls } : {}) };
}

/** What a non-administrator is told when the data login would let them past row-level security. */
export function bypassRefusalMessage(login: ApiLogin): string {
  return (
    `This back-office serves only administrators for now: its database login "${login.name}" ${login.bypassesRls ?? ''}, ` +
    `so the database's row-level security would not apply to you. An administrator can fix it: give Gatehouse a login ` +
    `that owns no table and has no BYPASSRLS (DATABASE_API_URL), or let it create its own (see README, "The data login").`
  );
}
