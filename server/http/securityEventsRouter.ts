import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { abilityOfCaller } from '../../permissions/abilityOfCaller.js';
import { securityEventsSubject, type SchemaModel } from '../meta/schemaModel.js';
import { asRequestCaller } from './callerTransaction.js';
import { fieldErrorsOf, forbidden, invalidFields } from './errors.js';

/** Past this many matching events the total is given as "at least" (totalCapped). */
const COUNT_CAP = 10_000;

const query = z.object({
  kind: z.string().trim().max(64).optional(),
  userId: z.uuid('Give a user id.').optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * GET /api/auth/security-events: the log newest first, with the emails of the user and of
 * the actor, read as the caller. The log is indexed by kind, user and time.
 */
export function securityEventsRouter(knex: Knex, schema: () => SchemaModel): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const parsed = query.safeParse(req.query);
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error, 'query'), 'Check the filters.');
    const { kind, userId, page, perPage } = parsed.data;
    const result = await asRequestCaller(knex, req, async (trx, user) => {
      if (!abilityOfCaller(user).can('read', securityEventsSubject(schema()))) throw forbidden('Only those who may read the audit trail see security events.');
      const filtered = trx('gatehouse.security_events as e')
        .modify((q) => {
          if (kind) q.where('e.kind', kind);
          if (userId) q.where('e.user_id', userId);
        });
      // The log only grows: counting is capped, so a page never pays for scanning all of it.
      const [{ total }] = (await trx.count({ total: '*' }).from(filtered.clone().select(trx.raw('1')).limit(COUNT_CAP + 1).as('capped'))) as [
        { total: string | number },
      ];
      // Emails come through a definer function: the caller may read the log without reading auth.users.
      const items = await filtered
        .clone()
        .select(
          'e.id',
          'e.occurred_at as occurredAt',
          'e.kind',
          'e.user_id as userId',
          trx.raw('gatehouse.email_of(e.user_id) AS "userEmail"'),
          'e.email',
          'e.actor_id as actorId',
          trx.raw('gatehouse.email_of(e.actor_id) AS "actorEmail"'),
          trx.raw('host(e.address) AS address'),
          'e.user_agent as userAgent',
          'e.detail',
        )
        .orderBy('e.occurred_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(perPage)
        .offset((page - 1) * perPage);
      return { items, total: Math.min(Number(total), COUNT_CAP), totalCapped: Number(total) > COUNT_CAP };
    });
    res.json(result);
  });
  return router;
}
