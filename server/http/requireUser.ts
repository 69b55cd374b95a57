import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions.js';
import { unauthorized } from './errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
    sessionToken?: string;
  }
}

/** The session token from the cookie, if any. */
export function tokenOf(req: { cookies?: Record<string, unknown> }): string | undefined {
  const token = req.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token ? token : undefined;
}

/**
 * Requires a session cookie. Resource requests resolve it inside their own transaction
 * (withUserContext); routes that need the user without a transaction use `resolveUser`.
 */
export const requireSession: RequestHandler = (req, _res, next) => {
  const token = tokenOf(req);
  if (!token) throw unauthorized();
  req.sessionToken = token;
  next();
};

/** Resolves the session cookie to a user; without a live session the request stops with 401. */
export function resolveUser(knex: Knex): RequestHandler {
  return async (req, _res, next) => {
    const token = tokenOf(req);
    const user = token ? await findSessionUser(knex, token) : undefined;
    if (!user) throw unauthorized();
    req.user = user;
    next();
  };
}
