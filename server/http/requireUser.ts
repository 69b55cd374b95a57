import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions.js';
import { unauthorized } from './errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

/** Resolves the session cookie to a user; without a live session the request stops with 401. */
export function requireUser(knex: Knex): RequestHandler {
  return async (req, _res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const user = typeof token === 'string' && token ? await findSessionUser(knex, token) : undefined;
    if (!user) throw unauthorized();
    req.user = user;
    next();
  };
}
