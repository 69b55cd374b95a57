import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { labelViewName } from '../../permissions/labelSql.js';
import { whereAllowed, type WhereBuilder } from '../access/abilityToSql.js';
import type { TestSwitches } from '../access/testSwitches.js';
import { recordLabelSql } from '../meta/recordLabels.js';
import type { ResourceInfo, SchemaModel } from '../meta/schemaModel.js';
import type { FieldMeta } from '../meta/types.js';
import { jsonParam, MAX_PAGE_SIZE } from '../resources/listParams.js';
import { readsLabel } from '../resources/referenceLabels.js';
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
  of: z.string().min(1).max(200).optional(),
});

/**
 * `GET /:resource/:field/labels?ids=[…]`: the labels of the records a column of the resource
 * refers to, for whoever may read that column; only of records a row they may read refers to,
 * and nothing but the label. The database agrees on its own: the label view of that foreign
 * key (permissions/labelSql.ts) shows a target only where the caller's policies let them see
 * a referring row. Where no view exists (a key added after governance), the target is read
 * as the caller, so only what they may read anyway is named. A column naming records of any
 * table (the audit trail's record, `recordOf`) takes the table as `of`.
 */
export function labelsRouter({ knex, schema, switches = {} }: Deps): Router {
  const router = Router();
  const forResource = resourceRequests({ knex, schema, switches });

  /** The resource a column names records of, and the key it names them by. */
  const targetOf = (field: FieldMeta | undefined, of: string | undefined): { target?: ResourceInfo; key?: string } => {
    if (field?.reference && of === undefined) return { target: schema().resources.get(field.reference.resource), key: field.reference.field };
    const target = field?.recordOf && of !== undefined ? schema().resources.get(of) : undefined;
    return target && target.primaryKey.length === 1 ? { target, key: target.primaryKey[0] } : {};
  };

  router.get('/:resource/:field/labels', async (req, res) => {
    const parsed = labelsQuery.safeParse(req.query);
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error, 'ids'));
    const ids = parsed.data.ids;
    if (!ids) throw invalidFields({ ids: 'Give the ids as a JSON list: ?ids=["…"].' });
    const rows = await forResource(req, async (trx, ability, resource) => {
      const field = resource.fieldByName.get(String(req.params.field));
      const { target, key } = targetOf(field, parsed.data.of);
      // An entry of a table not served, or keyed by several columns, has no label to give: it reads as its key.
      if (field?.recordOf && parsed.data.of !== undefined && !target && ability.can('read', resource.name, field.name)) return [];
      if (!field || !target || !key) throw notFound(`${resource.label} has no reference "${String(req.params.field)}"${parsed.data.of ? ` to ${parsed.data.of}` : ''}.`);
      if (![field.name, ...(field.recordOf ? [field.recordOf] : [])].every((c) => ability.can('read', resource.name, c))) throw forbidden(`You are not allowed to see ${field.label.toLowerCase()} of ${resource.label.toLowerCase()}.`);
      // The trail keeps keys as text: the table's rows are found by their key cast alike.
      const refers = field.recordOf ? `s.?? = ? AND s.?? = v.id::text` : 's.?? = v.id';
      const refersBindings = field.recordOf ? [field.recordOf, target.name, field.name] : [field.name];

      const view = labelViewName(resource.name, field.name, field.recordOf ? target.name : undefined);
      let labels: Knex.QueryBuilder;
      if (schema().labelViews?.has(view)) labels = trx.queryBuilder().from(trx.raw(`${view} AS v`));
      else {
        const label = recordLabelSql(target, 't', (n) => schema().resources.get(n));
        if (!readsLabel(ability, target, label)) return [];
        const readable = trx
          .queryBuilder()
          .from({ t: `${target.schema}.${target.table}` })
          .select(trx.raw('t.?? AS id', [key]), trx.raw(`${label.sql} AS label`));
        whereAllowed(readable as unknown as WhereBuilder, ability, 'read', target.name, (c) => `t.${c}`);
        labels = trx.queryBuilder().from(readable.as('v'));
      }
      return labels
        .select('v.id', 'v.label')
        .whereIn('v.id', ids)
        .whereExists((referring) => {
          referring.select(trx.raw('1')).from({ s: `${resource.schema}.${resource.table}` }).whereRaw(refers, refersBindings);
          whereAllowed(referring as unknown as WhereBuilder, ability, 'read', resource.name, (c) => `s.${c}`);
        }) as Promise<ReferenceLabelDto[]>;
    });
    res.json(rows);
  });
  return router;
}
