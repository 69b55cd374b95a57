import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { findSessionUser, type SessionUser } from '../auth/sessions.js';
import { gateOf, gateRefusal, type TwoFactorPolicy } from '../auth/sessionGate.js';
import { isAdministrator } from '../../permissions/abilityOfCaller.js';
import { bypassRefusalMessage, type ApiLogin } from '../data/apiLogin.js';
import { HttpError, unauthorized } from './errors.js';
import type { IdempotencyClaim } from './idempotency.js';

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
    sessionToken?: string;
    /** The session cookie's token, under the name this environment uses (readSessionCookie sets it). */
    sessionCookieToken?: string;
    /** Which roles must have a second factor before they may use the API (requireSession sets it). */
    twoFactorPolicy?: TwoFactorPolicy;
    /** Who the data API connects as, and whether policies bind it (createApp sets it). */
    apiLogin?: ApiLogin;
    /** The Idempotency-Key this request's transaction claims (the idempotency middleware sets it). */
    idempotency?: IdempotencyClaim;
  }
}

/** The session token from the cookie, if any (read by sessionCookies.ts's readSessionCookie). */
export function tokenOf(req: { sessionCookieToken?: string | undefined }): string | undefined {
  return req.sessionCookieToken || undefined;
}

/**
 * Requires a session cookie. Resource requests resolve it inside their own transaction
 * (withUserContext), which also refuses a gated session; routes that need the user without a
 * transaction use `resolveUser`.
 */
export function requireSession(policy: TwoFactorPolicy): RequestHandler {
  return (req, _res, next) => {
    const token = tokenOf(req);
    if (!token) throw unauthorized();
    req.sessionToken = token;
    req.twoFactorPolicy = policy;
    next();
  };
}

/**
 * Refuses a session that must first change its password or enrol a second factor, and a
 * non-administrator while the data login would not be bound by row-level security.
 */
export function admitUngated(user: SessionUser, policy: TwoFactorPolicy, apiLogin?: ApiLogin): void {
  refuseUnboundCaller(user, apiLogin);
  const gate = gateOf(user, policy);
  if (gate) throw gateRefusal(gate);
}

/** 403 for a non-administrator when the data login bypasses row-level security (see apiLogin.ts). */
export function refuseUnboundCaller(user: Pick<SessionUser, 'roles'>, apiLogin: ApiLogin | undefined): void {
  if (apiLogin?.bypassesRls && !isAdministrator(user)) {
    throw new HttpError(403, bypassRefusalMessage(apiLogin), undefined, { code: 'api_login_bypasses_rls' });
  }
}

/**
 * Resolves the session cookie to a user; without a live session the request stops with 401,
 * and a gated session with 403 unless `allowGated` (the routes that lift the gate).
 */
export function resolveUser(knex: Knex, policy: TwoFactorPolicy, options: { allowGated?: boolean } = {}): RequestHandler {
  return async (req, _res, next) => {
    const token = tokenOf(req);
    const user = token ? await findSessionUser(knex, token) : undefined;
    if (!user) throw unauthorized();
    if (!options.allowGated) admitUngated(user, policy, req.apiLogin);
    req.user = user;
    req.sessionToken = token;
    next();
  };
}
