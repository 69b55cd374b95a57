import type { AppAbility } from '../../permissions/defineAbility.js';
import { labelViewName } from '../../permissions/labelSql.js';
import { ident } from '../../permissions/sqlText.js';
import { labelSource, recordLabelSql, type LabelSql } from '../meta/recordLabels.js';
import type { ResourceInfo } from '../meta/schemaModel.js';

/** A reference whose target's label the caller reads: lists search it and sort by it, exports add it. */
export interface ReadableLabel {
  column: string;
  /** The target table as a label reads it (labelSource), or its label view, and its key column, quoted. */
  target: string;
  key: string;
  /** The label over the target row aliased `t`. */
  label: string;
  /** Read through the reference's label view: matched row by row, never by scanning the view (see labelMatches). */
  throughView?: true;
}

/**
 * The references of a resource whose labels the caller reads: in the target itself where they
 * may read the target and every column its label is made of (the database's policies still
 * apply to its rows), else through the reference's label view, which names what the rows they
 * read refer to and nothing else (permissions/labelSql.ts). A target named only by its key has
 * no label worth searching or sorting by.
 */
export function readableLabels(
  resource: ResourceInfo,
  ability: AppAbility,
  referenced: (name: string) => ResourceInfo | undefined,
  labelViews: ReadonlySet<string> = new Set(),
): ReadableLabel[] {
  return resource.fields.flatMap((f): ReadableLabel[] => {
    // A key that is also a reference (a profile keyed by its account) names the record itself: it sorts as a key.
    if (f.primaryKey) return [];
    const target = f.reference && referenced(f.reference.resource);
    if (!target) return [];
    const { sql, columns, nested } = recordLabelSql(target, 't', referenced);
    if (columns.length === 1 && target.primaryKey.includes(columns[0]!)) return [];
    if (readsLabel(ability, target, { columns, nested })) {
      return [{ column: f.name, target: labelSource(target), key: ident(f.reference!.field), label: sql }];
    }
    const view = labelViewName(resource.name, f.name);
    return labelViews.has(view) ? [{ column: f.name, target: view, key: ident('id'), label: `t.${ident('label')}`, throughView: true }] : [];
  });
}

/** May the caller read a label where it is kept: its table's columns, and those of the tables a composed label looks into? */
export function readsLabel(ability: AppAbility, target: ResourceInfo, label: Pick<LabelSql, 'columns' | 'nested'>): boolean {
  const reads = (name: string, columns: readonly string[]) => ability.can('read', name) && columns.every((c) => ability.can('read', name, c));
  return reads(target.name, label.columns) && label.nested.every((n) => reads(n.target.name, n.columns));
}

/** The label of the record a row's reference names, as a scalar subquery over the outer table `table`. */
export const labelOfRow = (ref: ReadableLabel, table: string): string =>
  `(SELECT ${ref.label} FROM ${ref.target} AS t WHERE t.${ref.key} = ${ident(table)}.${ident(ref.column)})`;

/**
 * Rows whose reference names a record whose label contains the pattern (bound as ?). A label
 * view is asked row by row, by key: searched as a whole, it would test every record of the
 * target for being referred to before the pattern could narrow them.
 */
export const labelMatches = (ref: ReadableLabel, table: string): string =>
  ref.throughView
    ? `${labelOfRow(ref, table)} ILIKE ?`
    : `${ident(table)}.${ident(ref.column)} IN (SELECT t.${ref.key} FROM ${ref.target} AS t WHERE (${ref.label}) ILIKE ?)`;
