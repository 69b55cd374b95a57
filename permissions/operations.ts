import type { Action } from './vocabulary.js';

/**
 * Operations on a whole resource that a database function performs (generating a period's
 * settlements, running a payroll): declared here, offered by /api/meta to callers with the
 * action they need, and run as POST /api/<resource>/<name> with the parameters as JSON.
 * The function checks the matrix again itself.
 */
export interface OperationParam {
  name: string;
  label: string;
  kind: 'date' | 'text' | 'integer';
}

export interface Operation {
  resource: string;
  name: string;
  label: string;
  /** The SQL function, schema-qualified; called with the parameters in order. */
  sqlFunction: string;
  params: readonly OperationParam[];
  needs: Action;
}

export const OPERATIONS: readonly Operation[] = [
  {
    resource: 'payment_settlements',
    name: 'generate',
    label: 'Generate settlements',
    sqlFunction: 'public.generate_settlements',
    params: [
      { name: 'period_start', label: 'From', kind: 'date' },
      { name: 'period_end', label: 'To', kind: 'date' },
    ],
    needs: 'create',
  },
  {
    resource: 'salary_records',
    name: 'run_payroll',
    label: 'Run payroll',
    sqlFunction: 'public.run_payroll',
    params: [
      { name: 'year', label: 'Year', kind: 'integer' },
      { name: 'month', label: 'Month (1-12)', kind: 'integer' },
    ],
    needs: 'create',
  },
];

export const operationOf = (resource: string, name: string): Operation | undefined =>
  OPERATIONS.find((o) => o.resource === resource && o.name === name);
