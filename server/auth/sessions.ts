import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { CallerGrants } from '../../permissions/abilityOfCaller.js';

export const SESSION_COOKIE = 'gatehouse_session';

/** The signed-in user, with their rows of the matrix and owned ids (`gatehouse.caller_matrix`, `caller_owned`). */
export interface SessionUser extends CallerGrants {
  email: string;
  name: string;
  sessionId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session; only the token's hash is stored, the token itself goes to the cookie. */
export async function createSession(
  knex: Knex,
  userId: string,
  ttlHours: number,
  client: { ip?: string | undefined; userAgent?: string | undefined },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await knex('gatehouse.sessions').insert({
    token_hash: hashToken(token),
    user_id: userId,
    expires_at: knex.raw(`now() + make_interval(hours => ?)`, [ttlHours]),
    ip: client.ip ?? null,
    user_agent: client.userAgent?.slice(0, 500) ?? null,
  });
  return token;
}

/**
 * The user behind a live session token, as a top-level statement (it holds a data-modifying
 * CTE: the session is marked seen at most once a minute, so reads do not each cost a write).
 * `where` may add conditions on `who` (used to set the caller as a side effect).
 */
function sessionUserStatement(where = ''): string {
  return `WITH hit AS (
       SELECT id, user_id, last_seen_at FROM gatehouse.sessions WHERE token_hash = ? AND expires_at > now()
     ), touch AS (
       UPDATE gatehouse.sessions SET last_seen_at = now()
        WHERE id IN (SELECT id FROM hit WHERE last_seen_at < now() - interval '1 minute')
     ), who AS (
       SELECT u.id, u.email, hit.id AS "sessionId",
              coalesce(u.raw_app_meta_data->>'role', '') AS role,
              coalesce(u.raw_user_meta_data->>'name', u.email) AS name
         FROM hit JOIN auth.users u ON u.id = hit.user_id
     )
     SELECT who.*, gatehouse.caller_matrix(who.role) AS matrix, gatehouse.caller_owned(who.id, who.role) AS owned
       FROM who ${where}`;
}

export async function findSessionUser(knex: Knex, token: string): Promise<SessionUser | undefined> {
  const { rows } = await knex.raw<{ rows: SessionUser[] }>(sessionUserStatement(), [hashToken(token)]);
  return rows[0];
}

/** The longest request id kept (it may come from the client's X-Request-Id header). */
const MAX_REQUEST_ID = 200;

/**
 * Inside a request's transaction: resolves the session and sets the caller for the database
 * (transaction-local, bound parameters) in one statement, one round trip: the user id and role
 * that auth.uid() and auth.role() return, the request id the audit trail records
 * (`app.request_id`), and the database role of the caller's application role, so the rest of
 * the transaction runs under RLS and that role's column privileges.
 */
export async function enterSession(trx: Knex.Transaction, token: string, requestId?: string): Promise<SessionUser | undefined> {
  const { rows } = await trx.raw<{ rows: SessionUser[] }>(
    sessionUserStatement(
      `WHERE set_config('app.user_id', who.id::text, true) IS NOT NULL AND set_config('app.role', who.role, true) IS NOT NULL
         AND set_config('app.request_id', ?, true) IS NOT NULL
         AND CASE WHEN gatehouse.db_role(who.role) IS NULL THEN true
                  ELSE set_config('role', gatehouse.db_role(who.role), true) IS NOT NULL END`,
    ),
    [hashToken(token), requestId?.slice(0, MAX_REQUEST_ID) ?? ''],
  );
  return rows[0];
}

export async function revokeSession(knex: Knex, token: string): Promise<void> {
  await knex('gatehouse.sessions').where({ token_hash: hashToken(token) }).delete();
}
