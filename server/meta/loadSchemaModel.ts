import type { Knex } from 'knex';
import { LABEL_SCHEMA } from '../../permissions/labelSql.js';
import { ident } from '../../permissions/sqlText.js';
import { refreshFunctionOf } from '../../permissions/viewsSql.js';
import { readCatalog } from './catalog.js';
import { buildSchemaModel } from './buildSchemaModel.js';
import { readGovernance } from './governance.js';
import type { SchemaModel } from './schemaModel.js';
import { describeTrail } from './trailFields.js';

/** Reads the live catalog of the schemas to serve (all user schemas when none are named), and what governs them. */
export async function loadSchemaModel(knex: Knex, schemas?: string[]): Promise<SchemaModel> {
  const governance = await readGovernance(knex);
  const built = buildSchemaModel(await readCatalog(knex, schemas));
  const model: SchemaModel = {
    ...built,
    ...(governance ? { governance } : {}),
    labelViews: await readLabelViews(knex),
    refreshable: await readRefreshable(knex, [...built.resources.values()].filter((r) => r.kind === 'view').map((r) => r.name)),
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

/** The views among `views` that govern gave a refresh function (materialized views in a module). */
async function readRefreshable(knex: Knex, views: string[]): Promise<Set<string>> {
  if (views.length === 0) return new Set();
  const { rows } = await knex.raw<{ rows: { name: string }[] }>(
    `SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'gatehouse' AND p.proname = ANY (?::text[])`,
    [views.map(refreshFunctionOf)],
  );
  const made = new Set(rows.map((r) => r.name));
  return new Set(views.filter((v) => made.has(refreshFunctionOf(v))));
}
