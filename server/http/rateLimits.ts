import cluster from 'node:cluster';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Env } from '../env.js';

/**
 * Per-address limits on the auth routes: sign-in (password guessing) tightly, the rest of
 * /api/auth (password changes, second-factor codes, session lists) loosely. Tests lift them:
 * they sign in hundreds of times from one address; accounts and addresses still lock.
 */
function limiter(env: Env, name: string, windowMinutes: number, limit: number, message: string): RequestHandler {
  return rateLimit({
    // Several processes serving (GATEHOUSE_WORKERS) count together, in the primary: a limit is one limit.
    ...(cluster.isWorker ? { store: new ClusterMemoryStoreWorker({ prefix: name }) } : {}),
    windowMs: windowMinutes * 60_000,
    limit: env.NODE_ENV === 'test' ? 100_000 : limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { message },
  });
}

export const signInRateLimit = (env: Env) => limiter(env, 'sign-in', 15, 30, 'Too many sign-in attempts; wait a few minutes.');
export const authRateLimit = (env: Env) => limiter(env, 'auth', 15, 300, 'Too many requests; wait a few minutes.');
