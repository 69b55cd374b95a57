import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { limitParam } from './queryParams.js';
import { readableResource } from '../access/fieldAccess.js';
import type { TestSwitches } from '../access/testSwitches.js';
import type { ModelClass } from '../data/models.js';
import { resourceRequests } from './callerTransaction.js';
import type { SchemaModel } from '../meta/schemaModel.js';
import { decodeWireId } from '../resources/recordId.js';
import { resourceService } from '../resources/resourceService.js';
import { fieldErrorsOf, invalidFields } from './errors.js';

/** One change of a record, as the History tab shows it. */
export interface HistoryEntryDto {
  id: number;
  changedAt: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  /** The workflow action (approve, reject...), or null for a plain edit. */
  action: string | null;
  reason: string | null;
  userId: string | null;
  userEmail: string | null;
  userRole: string | null;
  /** The database login: gatehouse_authenticator for the API, anything else is SQL run outside it. */
  dbUser: string | null;
  requestId: string | null;
  /** INSERT: null; UPDATE: the old values of the fields that changed; DELETE: the whole row. */
  before: Record<string, unknown> | null;
  /** INSERT: the whole row; UPDATE: the new values of the fields that changed; DELETE: null. */
  after: Record<string, unknown> | null;
}

interface Deps {
  knex: Knex;
  schema: () => SchemaModel;
  models: () => Map<string, ModelClass>;
  switches?: TestSwitches;
}

const historyQuery = z.object({
  limit: limitParam(1000, 200),
});

interface HistoryRow {
  id: number;
  created_at: string;
  operation: HistoryEntryDto['operation'];
  action: string | null;
  reason: string | null;
  user_id: string | null;
  user_email: string | null;
  user_role: string | null;
  db_user: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * `GET /:resource/:id/history`: a record's changes from the audit trail, newest first. Whoever
 * may read the record (the same check, 403 or 404, as `GET /:resource/:id`) sees its history,
 * with only the fields they may read; a change that touched none of those is left out. The
 * trail itself is out of reach of the API's roles: `gatehouse.history_of` reads it as its
 * owner, for the matrix's readers of the table, with the columns their database role may read.
 */
export function historyRouter({ knex, schema, models, switches = {} }: Deps): Router {
  const router = Router();
  let hasTrail: Promise<boolean> | undefined;
  const trailInstalled = () =>
    (hasTrail ??= knex
      .raw<{ rows: { present: boolean }[] }>(`SELECT to_regprocedure('gatehouse.history_of(text, text[], integer)') IS NOT NULL AS present`)
      .then(({ rows }) => rows[0]?.present === true));

  const forResource = resourceRequests({ knex, schema, switches });

  router.get('/:resource/:id/history', async (req, res) => {
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error, 'limit'));
    const id = req.params.id;
    const entries = await forResource(req, async (trx, ability, resource) => {
      // Exactly the record's own check: 403 without read on the resource, 404 when out of reach.
      await resourceService({ trx, resource, model: models().get(resource.name)!, ability }).getOne(id);
      if (!(await trailInstalled())) return [];
      const key = decodeWireId(resource, id);
      const keyText = resource.primaryKey.map((c) => String(key[c]));
      const { rows } = await trx.raw<{ rows: HistoryRow[] }>('SELECT * FROM gatehouse.history_of(?, ?::text[], ?)', [
        resource.name,
        keyText,
        parsed.data.limit,
      ]);
      const readable = new Set(readableResource(resource, ability).fields.map((f) => f.name));
      return rows.flatMap((row) => entryFor(row, readable));
    });
    res.json(entries);
  });
  return router;
}

/** The entry with only readable fields; none when an update changed nothing the caller may read. */
function entryFor(row: HistoryRow, readable: Set<string>): HistoryEntryDto[] {
  const keep = (values: Record<string, unknown> | null) =>
    values && Object.fromEntries(Object.entries(values).filter(([field]) => readable.has(field)));
  const before = keep(row.before);
  const after = keep(row.after);
  const changedBefore = Object.keys(row.before ?? {}).length + Object.keys(row.after ?? {}).length > 0;
  const changedVisible = Object.keys(before ?? {}).length + Object.keys(after ?? {}).length > 0;
  if (row.operation === 'UPDATE' && changedBefore && !changedVisible) return [];
  return [
    {
      id: row.id,
      changedAt: row.created_at,
      operation: row.operation,
      action: row.action,
      reason: row.reason,
      userId: row.user_id,
      userEmail: row.user_email,
      userRole: row.user_role,
      dbUser: row.db_user,
      requestId: row.request_id,
      before,
      after,
    },
  ];
}
