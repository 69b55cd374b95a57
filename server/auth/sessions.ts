import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

export const SESSION_COOKIE = 'gatehouse_session';

export interface SessionUser {
  id: string;
  email: string;
  role: string;
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

/** The user behind a live session token, or undefined. One statement: it also marks the session seen. */
export async function findSessionUser(knex: Knex, token: string): Promise<SessionUser | undefined> {
  const { rows } = await knex.raw<{ rows: SessionUser[] }>(
    `UPDATE gatehouse.sessions s SET last_seen_at = now()
       FROM auth.users u
      WHERE s.token_hash = ? AND s.expires_at > now() AND u.id = s.user_id
      RETURNING u.id, u.email, s.id AS "sessionId",
                coalesce(u.raw_app_meta_data->>'role', '') AS role,
                coalesce(u.raw_user_meta_data->>'name', u.email) AS name`,
    [hashToken(token)],
  );
  return rows[0];
}

export async function revokeSession(knex: Knex, token: string): Promise<void> {
  await knex('gatehouse.sessions').where({ token_hash: hashToken(token) }).delete();
}
