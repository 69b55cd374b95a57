import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DEMO_DOMAIN } from '../auth/demoAccounts.js';
import { addressLockedUntil, clearFailures, lockedUntil, noteAddressFailure, noteFailure } from '../auth/loginLockout.js';
import { setPassword } from '../auth/passwordChange.js';
import { MAX_PASSWORD_LENGTH } from '../auth/passwordPolicy.js';
import { verifyPassword } from '../auth/passwords.js';
import { clientOf, noteSecurityEvent, type ClientInfo } from '../auth/securityEvents.js';
import { gateOf, twoFactorRequired } from '../auth/sessionGate.js';
import { createSession, findSessionUser, revokeOwnSession, revokeSession, revokeSessionsOf, sessionsOf } from '../auth/sessions.js';
import type { SecretKey } from '../auth/secretBox.js';
import { verifySecondFactor } from '../auth/twoFactor.js';
import { onBehalfOf } from '../data/onBehalfOf.js';
import { findUserByEmail, type UserRow } from '../auth/users.js';
import { twoFactorPolicy, type Env } from '../env.js';
import { abilityOfCaller } from '../../permissions/abilityOfCaller.js';
import { badRequest, fieldErrorsOf, forbidden, HttpError, invalidFields, notFound, unauthorized } from './errors.js';
import { signInRateLimit } from './rateLimits.js';
import { refuseUnboundCaller, resolveUser, tokenOf } from './requireUser.js';
import { clearSessionCookies, csrfTokenOf, rotateSession, setSessionCookies } from './sessionCookies.js';

const credentials = z.object({
  email: z.string().trim().email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
  totp: z.string().trim().max(64).optional(),
});

const passwordChange = z.object({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(MAX_PASSWORD_LENGTH),
  newPassword: z.string({ error: 'Enter a new password.' }).min(1, 'Enter a new password.'),
});

const WRONG_CREDENTIALS = 'Wrong email or password.';

function parseBody<T>(schema: z.ZodType<T>, body: unknown, message: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidFields(fieldErrorsOf(parsed.error), message);
}

const minutesUntil = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

export function authRouter(knex: Knex, env: Env, secretKey: SecretKey): Router {
  const router = Router();
  const policy = twoFactorPolicy(env);
  const lifetime = { ttlHours: env.SESSION_TTL_HOURS, idleMinutes: env.SESSION_IDLE_MINUTES };
  // Slows password guessing from one address; accounts and addresses also lock (loginLockout.ts).
  const loginLimit = signInRateLimit(env);
  const signedIn = resolveUser(knex, policy, { allowGated: true });

  /** A failed sign-in counts against the account and the address, and is logged. */
  async function refuse(email: string, user: UserRow | undefined, client: ClientInfo, reason: string, answer: HttpError): Promise<never> {
    const accountLock = await noteFailure(knex, email);
    const addressLock = await noteAddressFailure(knex, client.ip, env.LOGIN_FAILURES_PER_ADDRESS);
    await noteSecurityEvent(knex, { kind: reason === 'password' ? 'login_failed' : 'two_factor_failed', userId: user?.id, email, client, detail: { reason } });
    if (accountLock) await noteSecurityEvent(knex, { kind: 'account_locked', userId: user?.id, email, client, detail: { until: accountLock } });
    if (addressLock) await noteSecurityEvent(knex, { kind: 'address_locked', email, client, detail: { until: addressLock } });
    throw answer;
  }

  router.post('/login', loginLimit, async (req, res) => {
    const { email, password, totp } = parseBody(credentials, req.body, 'Enter your email and password.');
    const client = clientOf(req);
    // Locked or not says nothing about whether the email exists: any email typed can be locked.
    const addressLock = await addressLockedUntil(knex, client.ip);
    if (addressLock) throw new HttpError(429, `Too many failed sign-ins from your network; try again in ${minutesUntil(addressLock)}.`);
    const lock = await lockedUntil(knex, email);
    if (lock) throw new HttpError(429, `Too many failed sign-ins for this account; try again in ${minutesUntil(lock)}.`);

    const user = await findUserByEmail(knex, email);
    const demoRefused = env.NODE_ENV === 'production' && email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`);
    // Always verified (against a decoy hash for unknown emails) so both answers take as long.
    const valid = await verifyPassword(user?.encrypted_password, password);
    if (!user || !valid || demoRefused || !user.role) return refuse(email, user, client, 'password', unauthorized(WRONG_CREDENTIALS));

    // Past the password, the answers may differ: only its holder learns of suspension or a second factor.
    if (!user.active) {
      await noteSecurityEvent(knex, { kind: 'login_failed', userId: user.id, email, client, detail: { reason: 'suspended' } });
      throw forbidden('This account is suspended; ask an administrator.');
    }
    refuseUnboundCaller(user, req.apiLogin);
    if (user.twoFactorEnabled) {
      if (!totp) throw new HttpError(401, 'Enter the code from your authenticator app.', undefined, { code: 'two_factor_required' });
      const factor = await verifySecondFactor(knex, user.id, totp, secretKey);
      if (!factor) return refuse(email, user, client, 'second_factor', new HttpError(401, 'That code is not valid; try the current one.', undefined, { code: 'two_factor_invalid' }));
      if (factor === 'backup') await noteSecurityEvent(knex, { kind: 'backup_code_used', userId: user.id, client });
    }
    await clearFailures(knex, email);

    // A token planted before sign-in (session fixation) dies here; the user gets a fresh one.
    const planted = tokenOf(req);
    if (planted) await revokeSession(knex, planted);
    const token = await createSession(knex, user.id, lifetime, client);
    // The audit trail names the user who signed in, not the owner's login that wrote the time.
    await knex.transaction(async (trx) => {
      await onBehalfOf(trx, { actorId: user.id, requestId: String(req.id) });
      await trx('auth.users').where({ id: user.id }).update({ last_sign_in_at: trx.fn.now() });
    });
    await noteSecurityEvent(knex, { kind: 'login_succeeded', userId: user.id, email: user.email, client, detail: { secondFactor: user.twoFactorEnabled } });
    const csrfToken = setSessionCookies(res, token, env);
    const session = await findSessionUser(knex, token);
    res.json({
      user: { id: user.id, email: user.email, role: user.role, roles: user.roles, name: user.name },
      csrfToken,
      gate: session ? (gateOf(session, policy) ?? null) : null,
    });
  });

  router.get('/me', signedIn, (req, res) => {
    // The caller's CASL rules let the SPA draw with the very ability the API enforces.
    const user = req.user!;
    const { id, email, role, roles, name, matrix, owned, twoFactorEnabled } = user;
    res.json({
      id,
      email,
      role,
      roles,
      name,
      matrix,
      owned,
      rules: abilityOfCaller(user).rules,
      gate: gateOf(user, policy) ?? null,
      twoFactorEnabled,
      twoFactorRequired: twoFactorRequired(user, policy),
      csrfToken: csrfTokenOf(req.sessionToken!),
    });
  });

  router.post('/logout', async (req, res) => {
    const token = tokenOf(req);
    const userId = token ? await revokeSession(knex, token) : undefined;
    if (userId) await noteSecurityEvent(knex, { kind: 'logout', userId, client: clientOf(req) });
    clearSessionCookies(res, env);
    res.status(204).end();
  });

  router.post('/password', signedIn, async (req, res) => {
    const user = req.user!;
    const client = clientOf(req);
    const body = parseBody(passwordChange, req.body, 'Check the highlighted fields.');
    // A stolen session may not guess the password while sign-in is locked for the account.
    const lock = await lockedUntil(knex, user.email);
    if (lock) throw new HttpError(429, `Too many wrong passwords for this account; try again in ${minutesUntil(lock)}.`);
    const account = await findUserByEmail(knex, user.email);
    if (!(await verifyPassword(account?.encrypted_password, body.currentPassword))) {
      await noteFailure(knex, user.email);
      await noteSecurityEvent(knex, { kind: 'password_change_failed', userId: user.id, client });
      throw badRequest('Your current password is not right.', { currentPassword: 'This is not your current password.' });
    }
    await knex.transaction(async (trx) => {
      await setPassword(trx, user.id, body.newPassword, { mustChange: false, field: 'newPassword', minLength: env.PASSWORD_MIN_LENGTH, who: user });
      // Every other session ends; this one continues under a new token.
      const ended = await revokeSessionsOf(trx, user.id, user.sessionId);
      await rotateSession(trx, req, res, env, user.id);
      await noteSecurityEvent(trx, { kind: 'password_changed', userId: user.id, client, detail: { otherSessionsEnded: ended } });
    });
    res.status(204).end();
  });

  router.get('/sessions', signedIn, async (req, res) => {
    res.json(await sessionsOf(knex, req.user!.id, req.user!.sessionId));
  });

  router.delete('/sessions/:id', signedIn, async (req, res) => {
    const id = z.uuid().safeParse(req.params.id);
    const user = req.user!;
    if (!id.success || !(await revokeOwnSession(knex, user.id, id.data))) throw notFound('You have no such session.');
    await noteSecurityEvent(knex, { kind: 'session_revoked', userId: user.id, client: clientOf(req), detail: { session: id.data, own: id.data === user.sessionId } });
    if (id.data === user.sessionId) clearSessionCookies(res, env);
    res.status(204).end();
  });
  return router;
}
