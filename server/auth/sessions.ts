import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { CallerGrants } from '../../permissions/abilityOfCaller.js';
import { preparedStatement } from '../data/preparedStatement.js';
import type { ClientInfo } from './securityEvents.js';

/** The signed-in user, with their rows of the matrix and owned ids (`gatehouse.caller_matrix`, `caller_owned`). */
export interface SessionUser extends CallerGrants {
  email: string;
  name: string;
  sessionId: string;
  /** An administrator's one-time password, or a forced change, must be replaced first. */
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
}

/** How long a session lives at most, and how long it may sit unused. */
export interface SessionLifetime {
  ttlHours: number;
  idleMinutes: number;
}

/** The session statement's row: the matrix and owned ids as each role's own (see sessionUserOf). */
type SessionRow = Omit<SessionUser, 'matrix' | 'owned'> & {
  /** Per role, in the order of `roles` (one entry for no role): its rows of the matrix, or null where there is no matrix. */
  matrix: Omit<NonNullable<SessionUser['matrix']>[number], 'role'>[][] | null[];
  /** Per role: its owned ids by set; null with no role. */
  owned: Record<string, string[]>[] | null;
};

/**
 * A caller's grants add up: every role's rows of the matrix, each with its role, and every role's
 * owned sets by name (a set's ids depend on the person, not the role: the same name, the same ids).
 */
function sessionUserOf(row: SessionRow | undefined): SessionUser | undefined {
  if (!row) return undefined;
  const perRole = row.matrix;
  return {
    ...row,
    matrix: perRole.every((grants) => grants === null) ? null : row.roles.flatMap((role, i) => (perRole[i] ?? []).map((g) => ({ ...g, role }))),
    owned: Object.assign({}, ...(row.owned ?? [])) as Record<string, string[]>,
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whose session a token opens (expired or not): just the user id, for scoping what they send. */
export async function sessionUserId(knex: Knex, token: string): Promise<string | undefined> {
  const row = (await knex('gatehouse.sessions').where({ token_hash: hashToken(token) }).first('user_id')) as { user_id: string } | undefined;
  return row?.user_id;
}

/** Opens a session; only the token's hash is stored, the token itself goes to the cookie. */
export async function createSession(knex: Knex, userId: string, lifetime: SessionLifetime, client: ClientInfo): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await knex('gatehouse.sessions').insert({
    token_hash: hashToken(token),
    user_id: userId,
    expires_at: knex.raw(`now() + make_interval(hours => ?)`, [lifetime.ttlHours]),
    idle_timeout: knex.raw(`make_interval(mins => ?)`, [lifetime.idleMinutes]),
    ip: client.ip ?? null,
    user_agent: client.userAgent ?? null,
  });
  return token;
}

/** A session still in use: before its absolute end, and used within its idle limit. */
const LIVE_SESSION = 'expires_at > now() AND last_seen_at > now() - idle_timeout';

/**
 * The user behind a live session token, as a top-level statement (it holds a data-modifying
 * CTE: the session is marked seen at most once a minute, so reads do not each cost a write).
 * `where` may add conditions on `who` (used to set the caller as a side effect).
 */
function sessionUserStatement(where = ''): string {
  return `WITH hit AS (
       SELECT id, user_id, last_seen_at FROM gatehouse.sessions
        WHERE token_hash = ? AND ${LIVE_SESSION}
     ), touch AS (
       UPDATE gatehouse.sessions SET last_seen_at = now()
        WHERE id IN (SELECT id FROM hit WHERE last_seen_at < now() - interval '1 minute')
     ), who AS (
       SELECT u.id, u.email, hit.id AS "sessionId", coalesce(held.roles[1], '') AS role, held.roles,
              coalesce(u.raw_user_meta_data->>'name', u.email) AS name
         FROM hit JOIN auth.users u ON u.id = hit.user_id
              -- OFFSET 0 keeps the roles a column computed once, not an expression copied into every use.
              -- (Not by making "who" a MATERIALIZED CTE: a CTE is a subplan, and PostgreSQL may set a
              -- subplan up again after this statement has switched role, when the touch above waits for
              -- a concurrent request's, and that role may not execute gatehouse.account_open.)
              CROSS JOIN LATERAL (SELECT gatehouse.roles_of(u.raw_app_meta_data) AS roles OFFSET 0) held
        WHERE gatehouse.account_open(u.id) -- a suspension that raced the sign-in still ends the session
     )
     SELECT who.*,
            -- Each role's rows of the matrix and owned ids, as the database answers them per role;
            -- sessionUserOf puts them together. With no role, the matrix of '' still says whether there is one.
            (SELECT jsonb_agg(gatehouse.caller_matrix(r) ORDER BY n)
               FROM unnest(CASE WHEN cardinality(who.roles) > 0 THEN who.roles ELSE ARRAY[''] END) WITH ORDINALITY AS per_role(r, n)) AS matrix,
            (SELECT jsonb_agg(gatehouse.caller_owned(who.id, r)) FROM unnest(who.roles) r) AS owned,
            to_jsonb(gatehouse.caller_tenant(who.id)) AS tenant,
            gatehouse.must_change_password(who.id) AS "mustChangePassword", gatehouse.has_two_factor(who.id) AS "twoFactorEnabled"
       FROM who ${where}`;
}

const FIND_SESSION_USER = sessionUserStatement();
const FIND_SESSION_USER_PREPARED = preparedStatement(FIND_SESSION_USER);

export async function findSessionUser(knex: Knex, token: string): Promise<SessionUser | undefined> {
  const { rows } = await knex.raw<{ rows: SessionRow[] }>(FIND_SESSION_USER, [hashToken(token)]).options(FIND_SESSION_USER_PREPARED);
  return sessionUserOf(rows[0]);
}

/** The longest request id kept (it may come from the client's X-Request-Id header). */
const MAX_REQUEST_ID = 200;

const ENTER_SESSION = sessionUserStatement(
  `WHERE set_config('app.user_id', who.id::text, true) IS NOT NULL AND set_config('app.role', who.role, true) IS NOT NULL
     AND set_config('app.roles', array_to_string(who.roles, ','), true) IS NOT NULL
     AND set_config('app.request_id', ?, true) IS NOT NULL
     AND set_config('app.client_address', ?, true) IS NOT NULL AND set_config('app.user_agent', ?, true) IS NOT NULL
     -- The same, as Supabase/PostgREST set them, for a database's own policies and triggers
     -- written for that (auth.jwt(), current_setting('request.jwt.claims'), 'request.headers').
     AND set_config('request.jwt.claims', json_build_object('sub', who.id, 'role', who.role, 'roles', who.roles, 'email', who.email,
                      'session_id', who."sessionId")::text, true) IS NOT NULL
     AND set_config('request.jwt.claim.sub', who.id::text, true) IS NOT NULL
     AND set_config('request.jwt.claim.role', who.role, true) IS NOT NULL
     AND set_config('request.headers', json_build_object('x-forwarded-for', nullif(?, ''), 'user-agent', nullif(?, ''))::text, true) IS NOT NULL
     -- Without a database role for the roles, the role stays what it is (set to itself: one call).
     AND set_config('role', coalesce(gatehouse.session_db_role(who.roles), current_setting('role')), true) IS NOT NULL`,
);
const ENTER_SESSION_PREPARED = preparedStatement(ENTER_SESSION);

/**
 * Inside a request's transaction: resolves the session and sets the caller for the database
 * (transaction-local, bound parameters) in one statement, one round trip: the user id and role
 * that auth.uid() and auth.role() return, every role held (app.roles), the request id the audit trail records
 * (`app.request_id`), the JWT claims and headers a Supabase-style schema reads, and the
 * database role of the caller's roles, so the rest of the transaction runs under
 * RLS and that role's column privileges.
 */
export async function enterSession(
  trx: Knex.Transaction,
  token: string,
  request: { id?: string | undefined; client?: ClientInfo | undefined } = {},
): Promise<SessionUser | undefined> {
  const binds = [
    hashToken(token),
    request.id?.slice(0, MAX_REQUEST_ID) ?? '',
    request.client?.ip ?? '',
    request.client?.userAgent ?? '',
    request.client?.ip ?? '',
    request.client?.userAgent ?? '',
  ];
  const { rows } = await trx.raw<{ rows: SessionRow[] }>(ENTER_SESSION, binds).options(ENTER_SESSION_PREPARED);
  return sessionUserOf(rows[0]);
}

/** Ends the session behind `token`; answers whose it was, if it was live. */
export async function revokeSession(knex: Knex, token: string): Promise<string | undefined> {
  const [row] = await knex('gatehouse.sessions').where({ token_hash: hashToken(token) }).delete().returning('user_id');
  return row?.user_id as string | undefined;
}

/** Ends every session of a user, but the one `exceptSessionId` names; answers how many ended. */
export async function revokeSessionsOf(knex: Knex, userId: string, exceptSessionId?: string): Promise<number> {
  const query = knex('gatehouse.sessions').where({ user_id: userId });
  if (exceptSessionId) query.whereNot({ id: exceptSessionId });
  return query.delete();
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A user's live sessions, newest activity first. */
export async function sessionsOf(knex: Knex, userId: string, currentSessionId: string): Promise<SessionSummary[]> {
  return knex('gatehouse.sessions')
    .where({ user_id: userId })
    .whereRaw(LIVE_SESSION)
    .orderBy('last_seen_at', 'desc')
    .select(
      'id',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'expires_at as expiresAt',
      'ip',
      'user_agent as userAgent',
      knex.raw('id = ? AS current', [currentSessionId]),
    );
}

/** Ends one of the user's own sessions; false when they have no such session. */
export async function revokeOwnSession(knex: Knex, userId: string, sessionId: string): Promise<boolean> {
  return (await knex('gatehouse.sessions').where({ id: sessionId, user_id: userId }).delete()) > 0;
}
