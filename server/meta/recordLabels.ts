import type { LabelReference } from '../../permissions/labelSql.js';
import { PACK } from '../../permissions/activePack.js';
import { ident, qualifiedTable } from '../../permissions/sqlText.js';
import { isMonthColumn, isYearColumn } from '../../permissions/words.js';
import { nameColumns } from './governance.js';
import type { ResourceInfo, SchemaModel } from './schemaModel.js';
import type { FieldMeta } from './types.js';
import { servedTrail, trailTargets } from './trailFields.js';

/** Gatehouse's own accounts table: an account names its person by the name it carries. */
const ACCOUNTS = { schema: 'auth', table: 'users', name: 'raw_user_meta_data', email: 'email' };

const columnsOf = (resource: ResourceInfo) => new Set([...resource.fields.map((f) => f.name), ...resource.hiddenColumns]);

/**
 * The table a label reads, as a FROM item: a plain table ONLY, since a foreign key names a row
 * of the table itself, never one of a table inheriting from it (old-style INHERITS), which may
 * repeat its key; a partitioned table as a whole (its rows live in its partitions).
 */
export const labelSource = (resource: ResourceInfo): string =>
  `${resource.kind === 'table' ? 'ONLY ' : ''}${ident(resource.schema)}.${ident(resource.table)}`;

/** A label as SQL over a row, with the columns it reads there and the other tables it reads (a composed label's references). */
export interface LabelSql {
  sql: string;
  columns: string[];
  /** Tables a composed label looks into, and their columns it reads. */
  nested: { target: ResourceInfo; columns: string[] }[];
}

/**
 * What names a record to a person, as SQL over its row aliased `alias`: its display column
 * (see chooseDisplayField), as text; for an account, the person's name it carries, else its
 * email; for a person of the pack's people table, their name's columns. A record that only
 * its key names is labelled by its title fields where `resources` are given (an activity's
 * session: "Prison Break · 15 Dec 2026, 19:00"), as its page title is.
 */
export function recordLabelSql(resource: ResourceInfo, alias: string, resources?: (name: string) => ResourceInfo | undefined): LabelSql {
  const columns = columnsOf(resource);
  if (resource.schema === ACCOUNTS.schema && resource.table === ACCOUNTS.table && columns.has(ACCOUNTS.name) && columns.has(ACCOUNTS.email)) {
    return {
      sql: `coalesce(nullif(${alias}.${ident(ACCOUNTS.name)} ->> 'name', ''), ${alias}.${ident(ACCOUNTS.email)}::text)`,
      columns: [ACCOUNTS.name, ACCOUNTS.email],
      nested: [],
    };
  }
  const name = personName(resource);
  if (name) return { sql: `nullif(concat_ws(' ', ${name.map((c) => `${alias}.${ident(c)}`).join(', ')}), '')`, columns: [...name], nested: [] };
  // Composed where no column names the record, or where the pack says what names it (its recordTitles).
  const composedWanted = resource.primaryKey.includes(resource.displayField) || PACK.recordTitles[resource.name] !== undefined;
  const composed = resources && composedWanted ? composedLabelSql(resource, alias, resources) : undefined;
  return composed ?? { sql: `${alias}.${ident(resource.displayField)}::text`, columns: [resource.displayField], nested: [] };
}

const DAY_SQL = `'FMDD Mon YYYY'`;

/** The title fields as words joined by " · " (a reference by its target's own label, a month with its year, a period's two days). */
function composedLabelSql(resource: ResourceInfo, alias: string, resources: (name: string) => ResourceInfo | undefined): LabelSql | undefined {
  const fields = (resource.titleFields ?? []).map((n) => resource.fieldByName.get(n)).filter((f): f is FieldMeta => f !== undefined);
  if (fields.length === 0) return undefined;
  const parts: string[] = [];
  const columns: string[] = [];
  const nested: LabelSql['nested'] = [];
  const col = (f: FieldMeta) => `${alias}.${ident(f.name)}`;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const next = fields[i + 1];
    columns.push(f.name);
    const target = f.reference && resources(f.reference.resource);
    if (f.reference && target) {
      const inner = `${alias}_${i}`;
      const label = recordLabelSql(target, inner);
      nested.push({ target, columns: [f.reference.field, ...label.columns] });
      parts.push(`(SELECT ${label.sql} FROM ${labelSource(target)} ${inner} WHERE ${inner}.${ident(f.reference.field)} = ${col(f)})`);
    } else if (isMonthColumn(f.name) && next && isYearColumn(next.name)) {
      columns.push(next.name);
      parts.push(`to_char(make_date(${col(next)}, ${col(f)}, 1), 'FMMonth YYYY')`);
      i++;
    } else if (f.kind === 'date' && next?.kind === 'date') {
      columns.push(next.name);
      parts.push(`to_char(${col(f)}, ${DAY_SQL}) || ' – ' || to_char(${col(next)}, ${DAY_SQL})`);
      i++;
    } else if (f.kind === 'date' || f.kind === 'datetime') {
      parts.push(`to_char(${col(f)}, ${f.kind === 'date' ? DAY_SQL : `'FMDD Mon YYYY, HH24:MI'`})`);
    } else {
      parts.push(`${col(f)}::text`);
    }
  }
  return { sql: `nullif(concat_ws(' · ', ${parts.join(', ')}), '')`, columns, nested };
}

/**
 * A person is named by the columns of their name (first and last) rather than their email: the
 * pack's people table by those it declares, any other table by first_name and last_name.
 */
function personName(resource: ResourceInfo): readonly string[] | undefined {
  const people = PACK.people;
  const declared = people && qualifiedTable(people.table) === `${ident(resource.schema)}.${ident(resource.table)}` ? nameColumns(people) : undefined;
  const columns = declared ?? ['first_name', 'last_name'];
  const all = columnsOf(resource);
  const named = !declared && /(^|_)(name|title)$/.test(resource.displayField) && resource.displayField !== 'last_name';
  return !named && columns.length > 1 && columns.every((c) => all.has(c)) ? columns : undefined;
}

/**
 * Every single-column foreign key of a served table to a served table, with how its target is
 * labelled; and where the audit trail is served, its record column to each table it may name.
 */
export function labelReferences(schema: SchemaModel): LabelReference[] {
  return [...foreignKeyLabels(schema), ...trailRecordLabels(schema)];
}

function foreignKeyLabels(schema: SchemaModel): LabelReference[] {
  return [...schema.resources.values()]
    .filter((resource) => resource.kind !== 'view')
    .flatMap((resource) =>
      resource.fields.flatMap((field) => {
        const target = field.reference && schema.resources.get(field.reference.resource);
        const key = target?.fieldByName.get(field.reference!.field);
        return target && key && target.kind !== 'view' ? [labelReference((n) => schema.resources.get(n), resource, field.name, target, key)] : [];
      }),
    );
}

/** The trail's record column (text) to every table whose records have a label beyond their key. */
function trailRecordLabels(schema: SchemaModel): LabelReference[] {
  const trail = servedTrail(schema);
  const record = trail?.fields.find((f) => f.recordOf);
  if (!trail || !record) return [];
  return trailTargets(schema).flatMap((target) => {
    const key = target.fieldByName.get(target.primaryKey[0]!)!;
    const ref = labelReference((n) => schema.resources.get(n), trail, record.name, target, key, { column: record.recordOf!, value: target.name });
    return ref.labelColumns.length === 1 && ref.labelColumns[0] === key.name ? [] : [ref];
  });
}

function labelReference(
  resources: (name: string) => ResourceInfo | undefined,
  resource: ResourceInfo,
  column: string,
  target: ResourceInfo,
  key: FieldMeta,
  via?: LabelReference['via'],
): LabelReference {
  const label = recordLabelSql(target, 't', resources);
  return {
    resource: resource.name,
    column,
    sqlName: `${ident(resource.schema)}.${ident(resource.table)}`,
    targetSqlName: `${ident(target.schema)}.${ident(target.table)}`,
    targetSource: labelSource(target),
    targetSchema: target.schema,
    targetKey: key.name,
    targetKeyType: key.pgType,
    label: label.sql,
    labelColumns: label.columns,
    ...(label.nested.length
      ? { labelTables: label.nested.map((n) => ({ sqlName: `${ident(n.target.schema)}.${ident(n.target.table)}`, schema: n.target.schema, columns: n.columns })) }
      : {}),
    ...(via ? { via } : {}),
  };
}
