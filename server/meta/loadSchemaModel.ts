import type { Knex } from 'knex';
import { LABEL_SCHEMA } from '../../permissions/labelSql.js';
import { ident } from '../../permissions/sqlText.js';
import { readCatalog } from './catalog.js';
import { buildSchemaModel } from './buildSchemaModel.js';
import { readGovernance } from './governance.js';
import type { SchemaModel } from './schemaModel.js';
import { describeTrail } from './trailFields.js';

/** Reads the live catalog of the schemas to serve (all user schemas when none are named), and what governs them. */
export async function loadSchemaModel(knex: Knex, schemas?: string[]): Promise<SchemaModel> {
  const governance = await readGovernance(knex);
  const model: SchemaModel = {
    ...buildSchemaModel(await readCatalog(knex, schemas)),
    ...(governance ? { governance } : {}),
    labelViews: await readLabelViews(knex),
  };
  describeTrail(model);
  return model;
}

/** The views of the labels schema, named as labelViewName names them. */
async function readLabelViews(knex: Knex): Promise<Set<string>> {
  const { rows } = await knex.raw<{ rows: { name: string }[] }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'v'`,
    [LABEL_SCHEMA],
  );
  return new Set(rows.map((r) => `${ident(LABEL_SCHEMA)}.${ident(r.name)}`));
}
