import { createHash, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { clientOf } from '../auth/securityEvents.js';
import { createSession, revokeSession } from '../auth/sessions.js';
import type { Env } from '../env.js';
import { HttpError } from './errors.js';
import { tokenOf } from './requireUser.js';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * The cookies' names. In production they carry the `__Host-` prefix: the browser then only
 * accepts them Secure, for this exact host and path /, so a sibling subdomain cannot plant a
 * session (or CSRF) cookie of its own. The CSRF cookie is readable by the SPA's script (not
 * HttpOnly) so it can echo it in CSRF_HEADER.
 */
export function cookieNames(env: Pick<Env, 'NODE_ENV'>): { session: string; csrf: string } {
  const prefix = env.NODE_ENV === 'production' ? '__Host-' : '';
  return { session: `${prefix}gatehouse_session`, csrf: `${prefix}gatehouse_csrf` };
}

/** Reads the session cookie under this environment's name only (an unprefixed one is ignored in production). */
export function readSessionCookie(env: Env): RequestHandler {
  const { session } = cookieNames(env);
  return (req, _res, next) => {
    const token: unknown = req.cookies?.[session];
    if (typeof token === 'string' && token) req.sessionCookieToken = token;
    next();
  };
}

/**
 * The CSRF token of a session: derived from the session token, so nothing is stored and any
 * API instance can check it, and a page on another site can neither read nor compute it.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`gatehouse-csrf:${sessionToken}`).digest('base64url');
}

function cookieOptions(env: Env): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: env.NODE_ENV === 'production', path: '/', maxAge: env.SESSION_TTL_HOURS * 3600_000 };
}

/** The session cookie (HttpOnly) and its CSRF cookie (script-readable, same-site only). */
export function setSessionCookies(res: Response, token: string, env: Env): string {
  const csrf = csrfTokenOf(token);
  const names = cookieNames(env);
  res.cookie(names.session, token, cookieOptions(env));
  res.cookie(names.csrf, csrf, { ...cookieOptions(env), httpOnly: false, sameSite: 'strict' });
  return csrf;
}

export function clearSessionCookies(res: Response, env: Env): void {
  const { maxAge: _ignored, ...options } = cookieOptions(env);
  const names = cookieNames(env);
  res.clearCookie(names.session, options);
  res.clearCookie(names.csrf, { ...options, httpOnly: false, sameSite: 'strict' });
}

/**
 * A new session token for the same user, the old one revoked: after a change of privilege
 * (second factor enrolled, password changed) a token anyone saw before is worth nothing.
 */
export async function rotateSession(knex: Knex, req: Request, res: Response, env: Env, userId: string): Promise<string> {
  const old = tokenOf(req);
  const token = await knex.transaction(async (trx) => {
    if (old) await revokeSession(trx, old);
    return createSession(trx, userId, { ttlHours: env.SESSION_TTL_HOURS, idleMinutes: env.SESSION_IDLE_MINUTES }, clientOf(req));
  });
  return setSessionCookies(res, token, env);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that carries the session cookie without the session's CSRF
 * token in the X-CSRF-Token header: a cross-site form or fetch sends the cookie but cannot
 * know the token. Sign-in itself carries no session to abuse and is exempt.
 */
export function requireCsrfToken(exempt: string[]): RequestHandler {
  return (req, _res, next) => {
    const token = tokenOf(req);
    if (SAFE_METHODS.has(req.method) || !token || exempt.includes(req.path)) return next();
    const sent = Buffer.from(String(req.get(CSRF_HEADER) ?? ''));
    const expected = Buffer.from(csrfTokenOf(token));
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      throw new HttpError(403, 'This request lacks its security token; reload the page and try again.', undefined, { code: 'csrf' });
    }
    next();
  };
}
