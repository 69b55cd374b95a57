/**
 * The role matrix as the editor draws it (GET /api/matrix): pure helpers, no React. A cell is
 * a role on a module (its module row) or on one table of it (a sub-module: its own override
 * row if there is one, else it inherits the module row).
 */

import type { MatrixChangeDto, MatrixDto, MatrixRowDto } from '../../../server/http/matrixTypes';
import { currentMeta } from '../meta/metaStore';

export type MatrixRow = MatrixRowDto;
export type MatrixData = MatrixDto;
export type MatrixModule = MatrixDto['modules'][number];
export type MatrixChange = MatrixChangeDto;

/** Where a cell's actions come from. */
export type CellSource =
  | 'module' // the module row of the role
  | 'override' // a sub-module row overriding the module row for this table
  | 'inherited' // a table without an override: the module row applies
  | 'none'; // no row at all: nothing allowed

export interface CellState {
  actions: string[];
  source: CellSource;
}

export const rowKey = (role: string, module: string, subModule: string | null) => `${role}\u0000${module}\u0000${subModule ?? ''}`;

export const indexRows = (rows: readonly MatrixRow[]) => new Map(rows.map((r) => [rowKey(r.role, r.module, r.subModule), r]));

/** What a role may do on a module (table null) or on one of its tables. */
export function cellState(index: ReadonlyMap<string, MatrixRow>, role: string, module: string, table: string | null): CellState {
  const moduleRow = index.get(rowKey(role, module, null));
  if (table === null) return moduleRow ? { actions: moduleRow.actions, source: 'module' } : { actions: [], source: 'none' };
  const override = index.get(rowKey(role, module, table));
  if (override) return { actions: override.actions, source: 'override' };
  return moduleRow ? { actions: moduleRow.actions, source: 'inherited' } : { actions: [], source: 'none' };
}

/** The tables of a module on which a role has an override. */
export const overridesOf = (rows: readonly MatrixRow[], role: string, module: string) =>
  rows.filter((r) => r.role === role && r.module === module && r.subModule !== null).map((r) => r.subModule!);

/** `actions` with `action` switched, in the vocabulary's order. */
export const toggled = (actions: readonly string[], action: string, vocabulary: readonly string[]) =>
  vocabulary.filter((a) => (a === action ? !actions.includes(a) : actions.includes(a)));

/** The rows with `row` added or replacing the row of the same role, module and sub-module. */
export function withRow(rows: readonly MatrixRow[], row: MatrixRow): MatrixRow[] {
  const key = rowKey(row.role, row.module, row.subModule);
  const at = rows.findIndex((r) => rowKey(r.role, r.module, r.subModule) === key);
  return at === -1 ? [...rows, row] : rows.map((r, i) => (i === at ? row : r));
}

export const withoutRow = (rows: readonly MatrixRow[], role: string, module: string, subModule: string | null) =>
  rows.filter((r) => rowKey(r.role, r.module, r.subModule) !== rowKey(role, module, subModule));

/** MATRIX.md's letters: read R, create C, update U, delete D, approve A, export E. */
export const letterOf = (action: string) => action.charAt(0).toUpperCase();

export const lettersOf = (actions: readonly string[] | null, vocabulary: readonly string[]) =>
  vocabulary.filter((a) => actions?.includes(a)).map(letterOf).join('');

/** "sales_team" -> "Sales team" */
export const humanize = (name: string) => {
  const words = name.replace(/^auth\./, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A role's name for people, as its pack labels it (else "sales_team" -> "Sales team"). */
export const roleLabel = (role: string) =>
  currentMeta()?.presentation.roles.find((r) => r.name === role)?.label ?? role.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

/** How an action changed between two grants (for the change log). */
export type ActionDiff = { action: string; change: 'kept' | 'added' | 'removed' };

export function diffActions(before: readonly string[] | null, after: readonly string[] | null, vocabulary: readonly string[]): ActionDiff[] {
  const was = new Set(before ?? []);
  const is = new Set(after ?? []);
  return vocabulary
    .filter((a) => was.has(a) || is.has(a))
    .map((action) => ({ action, change: was.has(action) && is.has(action) ? 'kept' : is.has(action) ? 'added' : 'removed' }));
}
