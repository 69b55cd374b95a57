import { governedResource, type ResourceInfo, type SchemaModel } from './schemaModel.js';

/**
 * The audit trail's columns are Gatehouse's own (permissions/auditSql.ts), whatever database
 * it records: where the trail is served, its entries read as people say them — when, which
 * record of which table (by their labels), what changed, by whom — not as a table of keys.
 */
const TRAIL_COLUMNS: Record<string, { label: string; inList: boolean }> = {
  id: { label: 'Entry', inList: false },
  created_at: { label: 'When', inList: true },
  table_name: { label: 'Table', inList: true },
  record_id: { label: 'Record', inList: true },
  operation: { label: 'Change', inList: true },
  action: { label: 'Step', inList: true },
  user_email: { label: 'By', inList: true },
  user_role: { label: 'Role', inList: true },
  reason: { label: 'Reason', inList: false },
  request_id: { label: 'Request', inList: false },
  db_user: { label: 'Database login', inList: false },
  user_id: { label: 'User', inList: false },
  before: { label: 'Before', inList: false },
  after: { label: 'After', inList: false },
  prev_hash: { label: 'Previous hash', inList: false },
  hash: { label: 'Hash', inList: false },
};

/** The served resources whose records the trail's entries can name by a label: one key column. */
export function trailTargets(schema: SchemaModel): ResourceInfo[] {
  const trail = servedTrail(schema);
  return [...schema.resources.values()].filter((r) => r !== trail && r.kind !== 'view' && r.primaryKey.length === 1 && r.identity === 'primary-key');
}

/** The resource serving the governance record's audit trail, if it is served. */
export const servedTrail = (schema: SchemaModel): ResourceInfo | undefined => governedResource(schema, schema.governance?.auditTable);

/**
 * Gives the served trail its readable form: labels, the list's columns, the table column as a
 * choice among the served resources (shown by their labels), and the record column as a
 * reference to a record of the table its entry names (`recordOf`).
 */
export function describeTrail(schema: SchemaModel): void {
  const trail = servedTrail(schema);
  if (!trail) return;
  for (const field of trail.fields) {
    const known = TRAIL_COLUMNS[field.name];
    if (!known) continue;
    field.label = known.label;
    field.inList = known.inList;
  }
  const table = trail.fieldByName.get('table_name');
  const record = trail.fieldByName.get('record_id');
  if (table && record) {
    const resources = [...schema.resources.values()].filter((r) => r !== trail);
    table.kind = 'enum';
    table.choices = resources.map((r) => r.name);
    table.choiceLabels = Object.fromEntries(resources.map((r) => [r.name, r.label]));
    record.recordOf = table.name;
  }
  const operation = trail.fieldByName.get('operation');
  // Said as the History tab says them.
  if (operation?.choices) operation.choiceLabels = { INSERT: 'Created', UPDATE: 'Changed', DELETE: 'Deleted' };
  trail.recordName = 'audit entry';
  // "Audit log › Payments · 7 Dec 2026, 12:44": what changed and when, not the table's name alone.
  if (table && trail.fieldByName.has('created_at')) trail.titleFields = [table.name, 'created_at'];
}
