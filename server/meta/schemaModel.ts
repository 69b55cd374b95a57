import type { Governance } from './governance.js';
import type { FieldMeta, ModuleMeta, ResourceMeta } from './types.js';

/** What the server knows of one resource: its public metadata plus what only the server needs. */
export interface ResourceInfo extends Omit<ResourceMeta, 'actions'> {
  /** Constraint name -> the columns it covers, to name the field in a constraint error. */
  constraintColumns: Record<string, string[]>;
  /** CHECK constraint name -> what it asks, as a sentence for the person it refuses (checkSentence). */
  checkRules: Record<string, string>;
  fieldByName: Map<string, FieldMeta>;
  /** Columns present in the table but never exposed (secrets). */
  hiddenColumns: string[];
  /** False when a hidden column must be given on insert: such rows cannot be created here. */
  creatable: boolean;
  /**
   * PostgreSQL's estimate of the table's rows when the model was read (-1: never analysed): a
   * hint only, never sent to a client — tables grow and shrink after it (see countRows.ts).
   */
  rowsWhenLoaded: number;
}

export interface SchemaModel {
  modules: ModuleMeta[];
  resources: Map<string, ResourceInfo>;
  /** "schema.table" -> resource name, to map errors raised by PostgreSQL back to a resource. */
  byTable: Map<string, string>;
  /** What governs the database (gatehouse.governance); absent in administrator-only mode. */
  governance?: Governance;
  /** The label views (permissions/labelSql.ts) the database has, quoted and qualified as labelViewName gives them. */
  labelViews?: ReadonlySet<string>;
  /** The materialized views govern gave a refresh function (permissions/viewsSql.ts), by resource. */
  refreshable?: ReadonlySet<string>;
}

/** The resource serving a "schema.table" the governance record names, if it is served. */
export function governedResource(schema: SchemaModel, table: string | undefined): ResourceInfo | undefined {
  const name = table === undefined ? undefined : schema.byTable.get(table);
  return name === undefined ? undefined : schema.resources.get(name);
}

/**
 * Security events belong to the audit trail: whoever may read the audit table the governance
 * record names reads them (RLS agrees). Without one, only an ability over everything does.
 */
export const securityEventsSubject = (schema: SchemaModel): string =>
  governedResource(schema, schema.governance?.auditTable)?.name ?? 'gatehouse.security_events';

/** The profile table the governance record names, with the resource serving it; undefined where it names none (or it is not served). */
export function governedPeople(
  schema: SchemaModel,
): (NonNullable<Governance['people']> & { resource: string; rolesResource?: string }) | undefined {
  const people = schema.governance?.people;
  const resource = governedResource(schema, people?.table);
  if (!people || !resource) return undefined;
  const roles = governedResource(schema, people.roles?.table);
  return { ...people, resource: resource.name, ...(roles ? { rolesResource: roles.name } : {}) };
}
