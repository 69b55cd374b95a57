import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { SecretKey } from '../auth/secretBox.js';
import { clientOf, noteSecurityEvent } from '../auth/securityEvents.js';
import { gateRefusal, twoFactorRequired } from '../auth/sessionGate.js';
import { confirmEnrolment, startEnrolment, twoFactorStatus } from '../auth/twoFactor.js';
import { twoFactorPolicy, type Env } from '../env.js';
import { fieldErrorsOf, invalidFields } from './errors.js';
import { resolveUser } from './requireUser.js';
import { rotateSession } from './sessionCookies.js';
import { revokeSessionsOf } from '../auth/sessions.js';

const enableBody = z.object({
  code: z.string({ error: 'Enter the 6-digit code from your app.' }).trim().min(1, 'Enter the 6-digit code from your app.').max(64),
});

// Answers carrying a secret or backup codes must not linger in a browser or proxy cache.
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/**
 * The signed-in user's own second factor, mounted at /api/auth/2fa. Reachable by a session
 * gated for enrolment, since enrolling is what lifts that gate.
 */
export function twoFactorRouter(knex: Knex, env: Env, key: SecretKey): Router {
  const router = Router();
  const policy = twoFactorPolicy(env);
  router.use(resolveUser(knex, policy, { allowGated: true }));

  router.get('/', async (req, res) => {
    const status = await twoFactorStatus(knex, req.user!.id);
    res.json({ enabled: status.enabled, required: twoFactorRequired(req.user!, policy), backupCodesLeft: status.backupCodesLeft });
  });

  // The gates come in order: a one-time or forced password is replaced before a factor is enrolled.
  router.use((req, _res, next) => {
    if (req.method !== 'GET' && req.user!.mustChangePassword) throw gateRefusal('password_change_required');
    next();
  });

  router.post('/setup', noStore, async (req, res) => {
    const { id, email } = req.user!;
    res.json(await startEnrolment(knex, { id, email }, key));
  });

  router.post('/enable', noStore, async (req, res) => {
    const parsed = enableBody.safeParse(req.body ?? {});
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error, 'code'), 'Enter the code from your app.');
    const { id: userId, sessionId } = req.user!;
    const backupCodes = await knex.transaction(async (trx) => {
      const codes = await confirmEnrolment(trx, userId, parsed.data.code, key);
      // Enrolment lifts the gate, a gain in privilege: every session opened with the password
      // alone ends, and this one continues under a new token.
      const ended = await revokeSessionsOf(trx, userId, sessionId);
      await rotateSession(trx, req, res, env, userId);
      await noteSecurityEvent(trx, { kind: 'two_factor_enrolled', userId, client: clientOf(req), detail: { otherSessionsEnded: ended } });
      return codes;
    });
    res.json({ backupCodes });
  });
  return router;
}
