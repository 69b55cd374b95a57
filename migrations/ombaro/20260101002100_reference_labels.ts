import type { Knex } from 'knex';
import { dropReferenceLabelsSql, referenceLabelsSql } from '../../permissions/labelSql.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { labelReferences } from '../../server/meta/recordLabels.js';

/**
 * Whoever may read a record may read the labels of the records it references (the person who
 * prepared a settlement, the employee a ticket is assigned to), without reading those tables:
 * one label view per foreign key, generated from the catalog as a pack's governance does.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(referenceLabelsSql(labelReferences(await loadSchemaModel(knex))));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(dropReferenceLabelsSql(labelReferences(await loadSchemaModel(knex))));
}
