import type { Knex } from 'knex';
import { referenceLabelsSql } from '../../permissions/labelSql.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { labelReferences } from '../../server/meta/recordLabels.js';

/**
 * A record that only its key names (a salary record) is labelled as its page is titled, by whom
 * it is about and when ("Vaishvi Bharadwaj · October 2026"), wherever a reference names it:
 * the label views are made again with such labels, and may read the tables those name.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(referenceLabelsSql(labelReferences(await loadSchemaModel(knex))));
}

export async function down(): Promise<void> {
  // The views of migration 2500 read the same tables, less those of composed labels: they stay, harmless.
}
