import type { Knex } from 'knex';
import { readCatalog } from './catalog.js';
import { buildSchemaModel } from './buildSchemaModel.js';
import type { SchemaModel } from './schemaModel.js';

/** Reads the live catalog of the schemas to serve (all user schemas when none are named). */
export async function loadSchemaModel(knex: Knex, schemas?: string[]): Promise<SchemaModel> {
  return buildSchemaModel(await readCatalog(knex, schemas));
}
