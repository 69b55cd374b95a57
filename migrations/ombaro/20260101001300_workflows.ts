import type { Knex } from 'knex';
import { allowsTransitionSql, personFunctionsSql, workflowTriggerSql } from '../../permissions/workflowSql.js';
import { WORKFLOWS } from '../../permissions/workflows.js';
import { authorsSql } from '../../permissions/authors.js';

/**
 * Workflows in the database: the columns MATRIX.md's maker-checker rules need (who approved
 * a settlement, who processed a salary), authors stamped by the database, and one guard
 * trigger per workflow table, generated from permissions/workflows.ts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE public.payment_settlements
      ADD COLUMN approved_by uuid REFERENCES auth.users(id),
      ADD COLUMN approved_at timestamptz;
    COMMENT ON COLUMN public.payment_settlements.approved_by IS 'Who approved the settlement (never its preparer)';
    ALTER TABLE public.salary_records
      ADD COLUMN processed_by uuid REFERENCES auth.users(id),
      ADD COLUMN processed_at timestamptz;
    COMMENT ON COLUMN public.salary_records.processed_by IS 'Who processed the salary (never the employee)';
    -- Who prepared, created or sent a record is the caller: the database fills it in.
    ${authorsSql()}
    -- A ticket message from a customer is the customer's; any other is staff's.
    ALTER TABLE public.ticket_messages ALTER COLUMN sender_type
      SET DEFAULT (CASE WHEN auth.role() = 'customer' THEN 'customer' ELSE 'employee' END);
    -- Everyone who reads the rows may read these; only the workflow trigger writes them.
    GRANT SELECT (approved_by, approved_at) ON public.payment_settlements TO gatehouse_api;
    GRANT SELECT (processed_by, processed_at) ON public.salary_records TO gatehouse_api;
    ${personFunctionsSql(WORKFLOWS)}
    ${allowsTransitionSql(WORKFLOWS)}
    ${WORKFLOWS.map(workflowTriggerSql).join('\n')}
  `);
}

export async function down(): Promise<void> {
  throw new Error('The workflows migration is not reversible: restore from a backup instead.');
}
