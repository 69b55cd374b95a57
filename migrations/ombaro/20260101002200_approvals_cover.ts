import type { Knex } from 'knex';
import { workflowFunction, workflowTriggerName, workflowTriggerSql } from '../../permissions/workflowSql.js';
import { WORKFLOWS } from '../../permissions/workflows.js';
import { sqlNameOfResource } from '../../permissions/sqlText.js';

/**
 * An approval covers what was approved: a campaign's budget and dates, a settlement's amounts
 * and period, a salary's figures, a leave's dates (the pack's `covers`). The workflow guards are
 * made again from the pack, so an edit of one of those after approval sends the record back
 * for approval, or is refused once the record is done.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    WORKFLOWS.map(
      (w) => `DROP TRIGGER IF EXISTS ${workflowTriggerName(w)} ON ${sqlNameOfResource(w.table)};
      DROP FUNCTION IF EXISTS ${workflowFunction(w)}();
      ${workflowTriggerSql(w)}`,
    ).join('\n'),
  );
}

export async function down(): Promise<void> {
  throw new Error('The workflow guards follow the pack: restore from a backup instead.');
}
