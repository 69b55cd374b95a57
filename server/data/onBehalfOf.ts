import type { Knex } from 'knex';

/**
 * Names who a change made on the owner's connection is for (transaction-local), so the audit
 * trail records them rather than an anonymous owner login: an administrator creating a user,
 * a user whose sign-in time is written.
 */
export async function onBehalfOf(trx: Knex.Transaction, who: { actorId: string; requestId: string }): Promise<void> {
  await trx.raw(`SELECT set_config('app.user_id', ?, true), set_config('app.request_id', ?, true)`, [who.actorId, who.requestId]);
}
