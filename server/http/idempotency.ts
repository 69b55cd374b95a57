import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { sessionUserId } from '../auth/sessions.js';
import { conflict, HttpError, invalidFields } from './errors.js';
import { isPgError } from './pgErrors.js';

/**
 * Retries that do not repeat (`Idempotency-Key` on a POST that writes): the first request claims
 * the key in its own transaction (gatehouse.claim_idempotency_key), so the claim commits exactly
 * when its write does; its answer is kept once the transaction has committed. A retry with the
 * same key and the same request gets that answer again (`Idempotent-Replayed: true`) and does
 * nothing; a request that failed left no claim, so its retry runs afresh.
 */

/** A claim the request's transaction is to make. */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The header's middleware, for routes whose handlers write through asRequestCaller. */
export function idempotency(knex: Knex): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'POST') return next();
    const key = req.get('idempotency-key');
    const userId = key === undefined || !req.sessionToken ? undefined : await sessionUserId(knex, req.sessionToken);
    // Without a session there is nothing to scope the key to: requireSession answers first anyway.
    if (key === undefined || userId === undefined) return next();
    if (!KEY.test(key)) throw invalidFields({ 'Idempotency-Key': 'Use 1 to 200 visible ASCII characters, e.g. a UUID.' });
    const fingerprint = createHash('sha256').update(`${req.method} ${req.baseUrl}${req.path} ${JSON.stringify(req.body ?? null)}`).digest('hex');
    const prior = (await knex('gatehouse.idempotency_keys')
      .where({ user_id: userId, key })
      .whereRaw(`created_at > now() - interval '24 hours'`)
      .first('fingerprint', 'status', 'body')) as
      | { fingerprint: string; status: number | null; body: unknown }
      | undefined;
    if (prior) {
      if (prior.fingerprint !== fingerprint) throw new HttpError(422, 'This Idempotency-Key was used for another request: send a new key with a new request.');
      if (prior.status === null) throw conflict('The first request with this Idempotency-Key was carried out, but its answer was lost: look at the record before trying again.');
      res.set('Idempotent-Replayed', 'true').status(prior.status).json(prior.body);
      return;
    }
    req.idempotency = { key, fingerprint };
    keepAnswer(knex, res, userId, key);
    next();
  };
}

/** Claims the request's key in its transaction; a key claimed meanwhile by a twin request is a 409. */
export async function claimIdempotencyKey(trx: Knex.Transaction, claim: IdempotencyClaim): Promise<void> {
  try {
    await trx.raw('SELECT gatehouse.claim_idempotency_key(?, ?)', [claim.key, claim.fingerprint]);
  } catch (err) {
    const pg = isPgError(err) ? err : undefined;
    if (pg?.code === '23505') throw conflict('A request with this Idempotency-Key has just been carried out: send it again to get its answer.');
    throw err;
  }
}

/**
 * Keeps a successful answer beside its claim before sending it, so a retry arriving the moment
 * after finds it. Where no claim committed (the request failed, or made none) nothing is kept.
 */
function keepAnswer(knex: Knex, res: Response, userId: string, key: string): void {
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    if (res.statusCode >= 300) return send(body);
    knex('gatehouse.idempotency_keys')
      .where({ user_id: userId, key })
      .whereNull('status')
      .update({ status: res.statusCode, body: JSON.stringify(body ?? null) })
      .catch((err: unknown) => res.req.log.error({ err }, 'could not keep an idempotent answer'))
      .finally(() => send(body));
    return res;
  };
}
