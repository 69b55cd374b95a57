import type { LabelReference } from '../../permissions/labelSql.js';
import { ident } from '../../permissions/sqlText.js';
import type { ResourceInfo, SchemaModel } from './schemaModel.js';

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

/** Every single-column foreign key of a served table to a served table, with how its target is labelled. */
export function labelReferences(schema: SchemaModel): LabelReference[] {
  const out: LabelReference[] = [];
  for (const resource of schema.resources.values()) {
    if (resource.kind === 'view') continue;
    for (const field of resource.fields) {
      const target = field.reference && schema.resources.get(field.reference.resource);
      const key = target?.fieldByName.get(field.reference!.field);
      if (!target || !key || target.kind === 'view') continue;
      const label = recordLabelSql(target, 't');
      out.push({
        resource: resource.name,
        column: field.name,
        sqlName: `${ident(resource.schema)}.${ident(resource.table)}`,
        targetSqlName: `${ident(target.schema)}.${ident(target.table)}`,
        targetSchema: target.schema,
        targetKey: key.name,
        targetKeyType: key.pgType,
        label: label.sql,
        labelColumns: label.columns,
      });
    }
  }
  return out;
}
