import { Router, type CookieOptions } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Knex } from 'knex';
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords.js';
import { createSession, revokeSession, SESSION_COOKIE } from '../auth/sessions.js';
import { findUserByEmail } from '../auth/users.js';
import { DEMO_DOMAIN } from '../auth/demoAccounts.js';
import type { Env } from '../env.js';
import { badRequest, forbidden, HttpError, unauthorized } from './errors.js';
import { clearFailures, lockedUntil, noteFailure } from '../auth/loginLockout.js';
import { resolveUser, tokenOf } from './requireUser.js';

const credentials = z.object({
  email: z.string().trim().email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(1024),
  totp: z.string().optional(),
});

export function authRouter(knex: Knex, env: Env): Router {
  const router = Router();
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production',
    path: '/',
    maxAge: env.SESSION_TTL_HOURS * 3600_000,
  };
  // Slows password guessing from one address; account lockout comes with the identity issue.
  const loginLimit = rateLimit({ windowMs: 15 * 60_000, limit: env.NODE_ENV === 'test' ? 10_000 : 30, standardHeaders: 'draft-8', legacyHeaders: false, message: { message: 'Too many sign-in attempts; wait a few minutes.' } });

  router.post('/login', loginLimit, async (req, res) => {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      throw badRequest('Enter your email and password.', errors);
    }
    const { email, password } = parsed.data;
    // Locked or not says nothing about whether the email exists: any email typed can be locked.
    const lock = await lockedUntil(knex, email);
    if (lock) {
      const minutes = Math.max(1, Math.ceil((lock.getTime() - Date.now()) / 60_000));
      throw new HttpError(429, `Too many failed sign-ins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
    const user = await findUserByEmail(knex, email);
    const demoRefused = env.NODE_ENV === 'production' && email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`);
    const valid = await verifyPassword(user?.encrypted_password, password);
    if (!user || !valid || demoRefused || !user.role) {
      await noteFailure(knex, email);
      throw unauthorized('Wrong email or password.');
    }
    await clearFailures(knex, email);
    // Only someone who knows the password learns that the account is suspended.
    if (!user.active) throw forbidden('This account is suspended; ask an administrator.');
    const token = await createSession(knex, user.id, env.SESSION_TTL_HOURS, { ip: req.ip, userAgent: req.get('user-agent') });
    await knex('auth.users').where({ id: user.id }).update({ last_sign_in_at: knex.fn.now() });
    res.cookie(SESSION_COOKIE, token, cookie);
    res.json({ user: { id: user.id, email: user.email, role: user.role, name: user.name } });
  });

  router.get('/me', resolveUser(knex), (req, res) => {
    // The matrix rows and owned ids let the SPA build the same CASL ability as the server.
    const { id, email, role, name, matrix, owned } = req.user!;
    res.json({ id, email, role, name, matrix, owned });
  });

  router.post('/logout', async (req, res) => {
    const token = tokenOf(req);
    if (token) await revokeSession(knex, token);
    res.clearCookie(SESSION_COOKIE, { ...cookie, maxAge: undefined });
    res.status(204).end();
  });
  return router;
}
