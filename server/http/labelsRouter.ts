import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { labelViewName } from '../../permissions/labelSql.js';
import { whereAllowed, type WhereBuilder } from '../access/abilityToSql.js';
import type { TestSwitches } from '../access/testSwitches.js';
import { recordLabelSql } from '../meta/recordLabels.js';
import type { SchemaModel } from '../meta/schemaModel.js';
import { jsonParam, MAX_PAGE_SIZE } from '../resources/listParams.js';
import { resourceRequests } from './callerTransaction.js';
import { fieldErrorsOf, forbidden, invalidFields, notFound } from './errors.js';

interface Deps {
  knex: Knex;
  schema: () => SchemaModel;
  switches?: TestSwitches;
}

export interface ReferenceLabelDto {
  /** The referenced value, as the referencing column holds it. */
  id: string | number;
  label: string | null;
}

const labelsQuery = z.object({
  ids: jsonParam(
    'ids',
    z
      .array(z.union([z.string(), z.number()]), { message: 'ids must be a JSON list of ids.' })
      .min(1, 'Give at least one id.')
      .max(MAX_PAGE_SIZE, `Give at most ${MAX_PAGE_SIZE} ids.`),
  ),
});

/**
 * `GET /:resource/:field/labels?ids=[…]`: the labels of the records a column of the resource
 * refers to, for whoever may read that column; only of records a row they may read refers to,
 * and nothing but the label. The database agrees on its own: the label view of that foreign
 * key (permissions/labelSql.ts) shows a target only where the caller's policies let them see
 * a referring row. Where no view exists (a key added after governance), the target is read
 * as the caller, so only what they may read anyway is named.
 */
export function labelsRouter({ knex, schema, switches = {} }: Deps): Router {
  const router = Router();
  const forResource = resourceRequests({ knex, schema, switches });

  router.get('/:resource/:field/labels', async (req, res) => {
    const parsed = labelsQuery.safeParse(req.query);
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error, 'ids'));
    const ids = parsed.data.ids;
    if (!ids) throw invalidFields({ ids: 'Give the ids as a JSON list: ?ids=["…"].' });
    const rows = await forResource(req, async (trx, ability, resource) => {
      const field = resource.fieldByName.get(String(req.params.field));
      const reference = field?.reference;
      const target = reference && schema().resources.get(reference.resource);
      if (!field || !reference || !target) throw notFound(`${resource.label} has no reference "${String(req.params.field)}".`);
      if (!ability.can('read', resource.name, field.name)) throw forbidden(`You are not allowed to see ${field.label.toLowerCase()} of ${resource.label.toLowerCase()}.`);

      const view = labelViewName(resource.name, field.name);
      const { rows: found } = await trx.raw<{ rows: { present: boolean }[] }>('SELECT to_regclass(?) IS NOT NULL AS present', [view]);
      let labels: Knex.QueryBuilder;
      if (found[0]?.present) labels = trx.queryBuilder().from(trx.raw(`${view} AS v`));
      else {
        const label = recordLabelSql(target, 't');
        if (!label.columns.every((c) => ability.can('read', target.name, c))) return [];
        const readable = trx
          .queryBuilder()
          .from({ t: `${target.schema}.${target.table}` })
          .select(trx.raw('t.?? AS id', [reference.field]), trx.raw(`${label.sql} AS label`));
        whereAllowed(readable as unknown as WhereBuilder, ability, 'read', target.name, (c) => `t.${c}`);
        labels = trx.queryBuilder().from(readable.as('v'));
      }
      return labels
        .select('v.id', 'v.label')
        .whereIn('v.id', ids)
        .whereExists((referring) => {
          referring.select(trx.raw('1')).from({ s: `${resource.schema}.${resource.table}` }).whereRaw('s.?? = v.id', [field.name]);
          whereAllowed(referring as unknown as WhereBuilder, ability, 'read', resource.name, (c) => `s.${c}`);
        }) as Promise<ReferenceLabelDto[]>;
    });
    res.json(rows);
  });
  return router;
}
