import type { Knex } from 'knex';
import { enterSession, type SessionUser } from '../auth/sessions.js';
import type { ClientInfo } from '../auth/securityEvents.js';
import { unauthorized } from '../http/errors.js';
import { allowCommitBehind, transactionBegun } from './pipelinedConnections.js';

/**
 * The one door for identity into the database: opens the request's transaction, resolves the
 * session and sets the caller with transaction-local set_config calls — all in the first
 * statement, which rides with the BEGIN on a pipelined connection — so a pooled connection
 * never carries one request's identity into the next and identity costs one round trip.
 * Every query of the request must use the `trx` given to `fn`. `requestId` (the HTTP
 * request's id) is what the audit trail records for the request's changes, `client` the
 * address and user agent security events record. An expired session rolls back with 401;
 * `admit` may refuse a live one (a gated session) before `fn` runs. With `answerBeforeCommit`
 * (reads: their only write is the session's last-seen time) the result is given as soon as
 * `fn` has it and the COMMIT goes on behind; `onLateFailure` hears if it fails.
 */
export async function withUserContext<T>(
  knex: Knex,
  sessionToken: string,
  fn: (trx: Knex.Transaction, user: SessionUser) => Promise<T>,
  options: {
    rollback?: boolean | undefined;
    requestId?: string | undefined;
    client?: ClientInfo | undefined;
    admit?: ((user: SessionUser) => void) | undefined;
    answerBeforeCommit?: { onLateFailure: (err: unknown) => void } | undefined;
  } = {},
): Promise<T> {
  const early = options.answerBeforeCommit && !options.rollback ? options.answerBeforeCommit : undefined;
  let answered = false;
  let answer: (result: T) => void = () => undefined;
  const answer$ = new Promise<T>((resolve) => (answer = resolve));
  const committed = inCallerTransaction(knex, sessionToken, fn, options, (result) => {
    if (!early) return;
    answered = true;
    answer(result);
  });
  if (!early) return committed;
  // Once answered, only the COMMIT can still fail: the caller has its result, the failure is reported.
  committed.catch((err: unknown) => {
    if (answered) early.onLateFailure(err);
  });
  return Promise.race([answer$, committed]);
}

async function inCallerTransaction<T>(
  knex: Knex,
  sessionToken: string,
  fn: (trx: Knex.Transaction, user: SessionUser) => Promise<T>,
  options: { rollback?: boolean | undefined; requestId?: string | undefined; client?: ClientInfo | undefined; admit?: ((user: SessionUser) => void) | undefined },
  onResult: (result: T) => void,
): Promise<T> {
  try {
    return await knex.transaction(async (trx) => {
      if (!options.rollback) allowCommitBehind(trx);
      const [, user] = await Promise.all([transactionBegun(trx), enterSession(trx, sessionToken, { id: options.requestId, client: options.client })]);
      if (!user) throw unauthorized('Your session has ended; please sign in again.');
      options.admit?.(user);
      const result = await fn(trx, user);
      if (options.rollback) throw new RolledBack(result);
      onResult(result);
      return result;
    });
  } catch (err) {
    if (err instanceof RolledBack) return err.result as T;
    throw err;
  }
}

/** Carries a result out of a transaction that is rolled back on purpose (tests' rollbackWrites). */
class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('rolled back on purpose');
  }
}
