import type { LabelReference } from '../../permissions/labelSql.js';
import { ident } from '../../permissions/sqlText.js';
import type { ResourceInfo, SchemaModel } from './schemaModel.js';
import type { FieldMeta } from './types.js';
import { servedTrail, trailTargets } from './trailFields.js';

/** Gatehouse's own accounts table: an account names its person by the name it carries. */
const ACCOUNTS = { schema: 'auth', table: 'users', name: 'raw_user_meta_data', email: 'email' };

const columnsOf = (resource: ResourceInfo) => new Set([...resource.fields.map((f) => f.name), ...resource.hiddenColumns]);

/**
 * What names a record to a person, as SQL over its row aliased `alias`: its display column
 * (see chooseDisplayField), as text; for an account, the person's name
 * it carries, else its email. With the columns it reads.
 */
export function recordLabelSql(resource: ResourceInfo, alias: string): { sql: string; columns: string[] } {
  const columns = columnsOf(resource);
  if (resource.schema === ACCOUNTS.schema && resource.table === ACCOUNTS.table && columns.has(ACCOUNTS.name) && columns.has(ACCOUNTS.email)) {
    return {
      sql: `coalesce(nullif(${alias}.${ident(ACCOUNTS.name)} ->> 'name', ''), ${alias}.${ident(ACCOUNTS.email)}::text)`,
      columns: [ACCOUNTS.name, ACCOUNTS.email],
    };
  }
  return { sql: `${alias}.${ident(resource.displayField)}::text`, columns: [resource.displayField] };
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
        return target && key && target.kind !== 'view' ? [labelReference(resource, field.name, target, key)] : [];
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
    const ref = labelReference(trail, record.name, target, key, { column: record.recordOf!, value: target.name });
    return ref.labelColumns.length === 1 && ref.labelColumns[0] === key.name ? [] : [ref];
  });
}

function labelReference(resource: ResourceInfo, column: string, target: ResourceInfo, key: FieldMeta, via?: LabelReference['via']): LabelReference {
  const label = recordLabelSql(target, 't');
  return {
    resource: resource.name,
    column,
    sqlName: `${ident(resource.schema)}.${ident(resource.table)}`,
    targetSqlName: `${ident(target.schema)}.${ident(target.table)}`,
    targetSchema: target.schema,
    targetKey: key.name,
    targetKeyType: key.pgType,
    label: label.sql,
    labelColumns: label.columns,
    ...(via ? { via } : {}),
  };
}
