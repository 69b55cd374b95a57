import type { AppAbility } from '../../permissions/defineAbility.js';
import { ident } from '../../permissions/sqlText.js';
import { recordLabelSql } from '../meta/recordLabels.js';
import type { ResourceInfo } from '../meta/schemaModel.js';

/** A reference whose target's label the caller reads: lists search it and sort by it, exports add it. */
export interface ReadableLabel {
  column: string;
  /** The target table, quoted and qualified, and its key column, quoted. */
  target: string;
  key: string;
  /** The label over the target row aliased `t`. */
  label: string;
}

/**
 * The references of a resource whose labels the caller reads in the target itself: they may
 * read the target and every column its label is made of. The database's policies still apply
 * to the target's rows (a row they may not see has no label). A target named only by its key
 * has no label worth searching or sorting by.
 */
export function readableLabels(resource: ResourceInfo, ability: AppAbility, referenced: (name: string) => ResourceInfo | undefined): ReadableLabel[] {
  return resource.fields.flatMap((f) => {
    // A key that is also a reference (a profile keyed by its account) names the record itself: it sorts as a key.
    if (f.primaryKey) return [];
    const target = f.reference && referenced(f.reference.resource);
    if (!target || !ability.can('read', target.name)) return [];
    const { sql, columns } = recordLabelSql(target, 't');
    if (columns.length === 1 && target.primaryKey.includes(columns[0]!)) return [];
    if (!columns.every((c) => ability.can('read', target.name, c))) return [];
    return [{ column: f.name, target: `${ident(target.schema)}.${ident(target.table)}`, key: ident(f.reference!.field), label: sql }];
  });
}

/** The label of the record a row's reference names, as a scalar subquery over the outer table `table`. */
export const labelOfRow = (ref: ReadableLabel, table: string): string =>
  `(SELECT ${ref.label} FROM ${ref.target} AS t WHERE t.${ref.key} = ${ident(table)}.${ident(ref.column)})`;

/** Rows whose reference names a record whose label contains the pattern (bound as ?). */
export const labelMatches = (ref: ReadableLabel, table: string): string =>
  `${ident(table)}.${ident(ref.column)} IN (SELECT t.${ref.key} FROM ${ref.target} AS t WHERE (${ref.label}) ILIKE ?)`;
