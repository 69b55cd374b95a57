import type { Knex } from 'knex';
import { readCatalog } from './catalog.js';
import { buildSchemaModel } from './buildSchemaModel.js';
import { readGovernance } from './governance.js';
import type { SchemaModel } from './schemaModel.js';
import { describeTrail } from './trailFields.js';

/** Reads the live catalog of the schemas to serve (all user schemas when none are named), and what governs them. */
export async function loadSchemaModel(knex: Knex, schemas?: string[]): Promise<SchemaModel> {
  const governance = await readGovernance(knex);
  const model: SchemaModel = { ...buildSchemaModel(await readCatalog(knex, schemas)), ...(governance ? { governance } : {}) };
  describeTrail(model);
  return model;
}
