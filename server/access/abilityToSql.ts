import { rulesToAST } from '@casl/ability/extra';
import type { AppAbility } from '../../permissions/defineAbility.js';
import type { Action } from '../../permissions/vocabulary.js';

/** The shape of rulesToAST's output (ucast conditions): compound nodes hold conditions, leaves a field. */
interface Condition {
  operator: string;
  value: unknown;
  field?: string;
}

/** The part of a Knex or Objection query builder the conditions need. */
export interface WhereBuilder {
  where(fn: (qb: WhereBuilder) => void): unknown;
  where(column: string, value: unknown): unknown;
  where(column: string, operator: string, value: unknown): unknown;
  orWhere(fn: (qb: WhereBuilder) => void): unknown;
  whereIn(column: string, values: readonly unknown[]): unknown;
  whereNotIn(column: string, values: readonly unknown[]): unknown;
  whereNull(column: string): unknown;
  whereNotNull(column: string): unknown;
  whereRaw(sql: string, bindings?: readonly unknown[]): unknown;
  orWhereRaw(sql: string, bindings?: readonly unknown[]): unknown;
}

/**
 * Limits a query to the rows the ability allows for `action` on `subjectType`: CASL's rules
 * become a WHERE clause (no rule at all: no rows). Negations are pushed down to the leaves
 * so that NULLs behave as they do in CASL (`NOT (x = true)` keeps a row whose x is NULL).
 */
/** Does the ability reach every row of the subject for the action (a grant without conditions)? */
export function reachesEveryRow(ability: AppAbility, action: Action, subjectType: string): boolean {
  const ast = rulesToAST(ability, action, subjectType) as Condition | null;
  return ast !== null && ast.field === undefined && ast.operator === 'and' && (ast.value as Condition[]).length === 0;
}

export function whereAllowed(qb: WhereBuilder, ability: AppAbility, action: Action, subjectType: string, column: (field: string) => string): void {
  const ast = rulesToAST(ability, action, subjectType);
  if (ast === null) {
    qb.whereRaw('false');
    return;
  }
  apply(qb, ast as Condition, false, column);
}

function apply(qb: WhereBuilder, condition: Condition, negated: boolean, column: (field: string) => string): void {
  if (condition.field === undefined) {
    const parts = condition.value as Condition[];
    if (condition.operator === 'not') {
      for (const part of parts) apply(qb, part, !negated, column);
      return;
    }
    const isAnd = (condition.operator === 'and') !== negated;
    if (condition.operator !== 'and' && condition.operator !== 'or') throw new Error(`Unsupported condition ${condition.operator}`);
    if (parts.length === 0) {
      if (!isAnd) qb.whereRaw('false');
      return;
    }
    qb.where((group) => {
      for (const part of parts) {
        if (isAnd) group.where((inner) => apply(inner, part, negated, column));
        else group.orWhere((inner) => apply(inner, part, negated, column));
      }
    });
    return;
  }
  const field = column(condition.field);
  const value = condition.value;
  const op = negated ? negate(condition.operator) : condition.operator;
  switch (op) {
    case 'eq':
      if (value === null) qb.whereNull(field);
      else qb.where(field, value);
      return;
    case 'ne':
      if (value === null) qb.whereNotNull(field);
      else qb.whereRaw('?? IS DISTINCT FROM ?', [field, value as never]);
      return;
    case 'in':
      if (!Array.isArray(value) || value.length === 0) qb.whereRaw('false');
      else qb.whereIn(field, value);
      return;
    case 'nin':
      if (!Array.isArray(value) || value.length === 0) return;
      qb.where((inner) => {
        inner.whereNotIn(field, value);
        inner.orWhereRaw('?? IS NULL', [field]);
      });
      return;
    default:
      // A rule this translation does not know must never widen access: fail closed.
      throw new Error(`Unsupported condition operator ${condition.operator}`);
  }
}

function negate(operator: string): string {
  const opposite: Record<string, string> = { eq: 'ne', ne: 'eq', in: 'nin', nin: 'in' };
  const result = opposite[operator];
  if (!result) throw new Error(`Cannot negate condition operator ${operator}`);
  return result;
}
