import type { Knex } from 'knex';
import { referenceLabelsSql } from '../../permissions/labelSql.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { labelReferences } from '../../server/meta/recordLabels.js';

/**
 * Readers of the audit log read which record an entry is about by its label ("Payments ›
 * Serene Touch · 1 Nov 2026"), as they read a reference: one label view per table the trail
 * may name, showing only records an entry they may read names. The label views start afresh.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(referenceLabelsSql(labelReferences(await loadSchemaModel(knex))));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(referenceLabelsSql(labelReferences(await loadSchemaModel(knex)).filter((r) => !r.via)));
}
