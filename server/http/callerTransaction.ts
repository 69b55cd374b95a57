import type { Request } from 'express';
import type { Knex } from 'knex';
import { abilityOfCaller } from '../../permissions/abilityOfCaller.js';
import type { AppAbility } from '../../permissions/defineAbility.js';
import { unlimitedAbility, type TestSwitches } from '../access/testSwitches.js';
import type { SessionUser } from '../auth/sessions.js';
import { withUserContext } from '../data/withUserContext.js';
import type { ResourceInfo, SchemaModel } from '../meta/schemaModel.js';
import { clientOf } from '../auth/securityEvents.js';
import { notFound } from './errors.js';
import { claimIdempotencyKey } from './idempotency.js';
import { admitUngated } from './requireUser.js';

/**
 * An HTTP request's transaction as its caller: the session from its cookie (refused while it
 * must first change its password or enrol a second factor), and its id, address and user agent
 * for the audit trail. Every route that touches data goes through here, so none forgets any.
 */
export function asRequestCaller<T>(
  knex: Knex,
  req: Request,
  fn: (trx: Knex.Transaction, user: SessionUser) => Promise<T>,
  options: { rollback?: boolean | undefined; read?: boolean | undefined } = {},
): Promise<T> {
  // Set by requireSession; were it ever missing, the stricter policy applies.
  const policy = req.twoFactorPolicy ?? 'approvers';
  // The request's Idempotency-Key is claimed in the same transaction as its writes: both commit, or neither.
  // (The first transaction of the request makes the claim; a request runs its writes in one.)
  const claim = req.idempotency;
  req.idempotency = undefined;
  const withClaim = claim
    ? async (trx: Knex.Transaction, user: SessionUser) => {
        await claimIdempotencyKey(trx, claim);
        return fn(trx, user);
      }
    : fn;
  return withUserContext(knex, req.sessionToken!, withClaim, {
    rollback: options.rollback,
    // A read is answered without waiting for its COMMIT: nothing it shows depends on it.
    answerBeforeCommit: options.read && !claim ? { onLateFailure: (err) => req.log.warn({ err }, 'a read was answered, then its COMMIT failed') } : undefined,
    requestId: String(req.id),
    client: clientOf(req),
    admit: (user) => admitUngated(user, policy, req.apiLogin),
  });
}

/**
 * For routes on `/:resource`: the resource the URL names (404 if none), and the caller's
 * ability (none at all under the test-only skipCasl switch), inside the caller's transaction.
 */
export function resourceRequests({ knex, schema, switches = {} }: { knex: Knex; schema: () => SchemaModel; switches?: TestSwitches }) {
  return <T>(
    req: Request,
    fn: (trx: Knex.Transaction, ability: AppAbility, resource: ResourceInfo, user: SessionUser) => Promise<T>,
    options: { read?: boolean } = {},
  ) => {
    const resource = schema().resources.get(String(req.params.resource));
    if (!resource) throw notFound(`Unknown resource "${String(req.params.resource)}".`);
    return asRequestCaller(
      knex,
      req,
      (trx, user) => fn(trx, switches.skipCasl ? unlimitedAbility() : abilityOfCaller(user), resource, user),
      { rollback: switches.rollbackWrites, read: options.read },
    );
  };
}
