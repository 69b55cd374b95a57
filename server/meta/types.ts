/**
 * The metadata contract shared by the API and the SPA (served at GET /api/meta).
 * Everything the generator knows about a database is expressed here; nothing in
 * server/ or admin/ may name a table of a particular schema, except the optional
 * presentation overlay (labels, modules).
 */

/** The closed set of field kinds the SPA knows how to draw and the API how to validate. */
export const FIELD_KINDS = [
  'text', // short text (varchar, text without "long" hints, citext, char)
  'longtext', // text that deserves a multi-line input (description, notes, body, ...)
  'integer', // smallint, integer
  'bigint', // int8: sent as a string when out of JS safe range
  'decimal', // numeric/real/double without money semantics
  'money', // numeric columns whose name says amount/price/salary/..., or the money type
  'boolean',
  'date',
  'time', // time, timetz
  'datetime', // timestamp, timestamptz
  'uuid',
  'json', // json, jsonb
  'enum', // a PostgreSQL enum type, or a column constrained by CHECK (col IN (...))
  'array', // any array; see elementKind
  'inet', // inet, cidr, macaddr
  'interval',
  'other', // anything else: shown as text, edited as text, cast by PostgreSQL
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface ReferenceMeta {
  /** The target resource's name (as in ResourceMeta.name). */
  resource: string;
  /** The target column the foreign key points at. */
  field: string;
  /** The target's best column to show a record by (name, title, code, number, email...). */
  displayField: string;
  /** The foreign key constraint's name. */
  constraint: string;
}

export interface FieldMeta {
  name: string;
  label: string;
  kind: FieldKind;
  /** The PostgreSQL type as format_type() prints it, e.g. "numeric(10,2)", "text[]". */
  pgType: string;
  /** For arrays: the kind of one element. */
  elementKind?: FieldKind;
  nullable: boolean;
  /** NOT NULL, no default, not generated: the create form must ask for it. */
  required: boolean;
  hasDefault: boolean;
  /** Generated, identity ALWAYS, or part of a non-updatable view: never written by the API. */
  readOnly: boolean;
  primaryKey: boolean;
  /** Covered by a single-column UNIQUE constraint. */
  unique?: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** Allowed values: enum labels or values inferred from a CHECK constraint. */
  choices?: string[];
  /** How some choices read, where words made from the value would not do (a table by its label). */
  choiceLabels?: Record<string, string>;
  /** Numeric bounds inferred from CHECK (col BETWEEN a AND b) / (col >= a). */
  min?: number;
  max?: number;
  reference?: ReferenceMeta;
  /**
   * The key of a record of whichever resource the named column of the same row holds (the
   * audit trail's record of its table): shown by that record's label, opened when readable.
   */
  recordOf?: string;
  /** The column's comment. */
  help?: string;
  /** Shown among the list's columns by default. */
  inList: boolean;
  /** Usable as a list filter (and how: see kind). */
  filterable: boolean;
  /** Searched by the `q` filter. */
  searchable: boolean;
  /** Its default is the current date or time: the database stamps it when a record is created. */
  defaultIsNow?: true;
  /** A json column's declared shape (the pack's, or a CHECK's JSON Schema): edited as a form, checked on write. */
  shape?: JsonShape;
}

/**
 * The part of JSON Schema a json column's shape is written in. Forms draw objects (fields),
 * lists, and objects of amounts (a key–amount table with its total); a shape using anything
 * else keeps the JSON editor, and is still checked on write.
 */
export interface JsonShape {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, JsonShape>;
  required?: string[];
  additionalProperties?: boolean | JsonShape;
  items?: JsonShape;
  enum?: (string | number)[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface ReverseReferenceMeta {
  /** The resource whose rows point at this one. */
  resource: string;
  /** Its column holding the reference. */
  field: string;
  /** The column of this resource that is referenced. */
  target: string;
  label: string;
  /** Its rows are messages about this record: shown as a conversation with a reply box. */
  thread?: ThreadSpec;
}

/** The columns that make a table's rows messages (declared in the pack's threads, or recognised). */
export interface ThreadSpec {
  /** Declared only: the one reference the conversation hangs from. */
  parent?: string;
  text: string;
  author?: string;
  at?: string;
  /** A boolean marking staff-only notes. */
  internal?: string;
}

export type RecordIdentity = 'primary-key' | 'unique-key' | 'view-key' | 'row-values' | 'none';

export type ResourceAction = 'read' | 'create' | 'update' | 'delete' | 'approve' | 'export';

export interface ResourceMeta {
  /** URL name: the table name in the search path's first schema, else "schema.table". */
  name: string;
  schema: string;
  table: string;
  kind: 'table' | 'partitioned' | 'view';
  label: string;
  /** What one record is called inside a sentence: "leave request" for "Leave requests". */
  recordName: string;
  /** Module from the overlay (e.g. "finance"), or the schema name. */
  module: string;
  /** The columns that tell its records apart (see `identity`); the wire `id` is made of them. */
  primaryKey: string[];
  /**
   * Where `primaryKey` comes from: the table's primary key, a unique index, the key of the
   * table a view shows, or (when nothing is unique) all the row's comparable values, which
   * pages stably and opens a record by its values but makes the relation read-only.
   * "none": nothing comparable, so records cannot be opened one by one.
   */
  identity: RecordIdentity;
  /**
   * False when a record cannot be opened on its own (getOne, getMany): only lists show it. So
   * for a view told apart by its values alone, which may change between two reads.
   */
  openable: boolean;
  /** Column shown as the record's title. */
  displayField: string;
  /**
   * Where no column names a record (displayField is its bare key): the columns its title is
   * made of, in order: a reference (by its label), a month and year, a period's two dates.
   */
  titleFields?: string[];
  fields: FieldMeta[];
  reverseReferences: ReverseReferenceMeta[];
  /** True for non-updatable views and relations whose rows nothing tells apart. */
  readOnly: boolean;
  help?: string;
  /** What the caller may do here. */
  actions: ResourceAction[];
  /** The state machine of the status column, with the transitions the caller may perform. */
  workflow?: WorkflowMeta;
  /** Operations on the whole resource the caller may run (POST /api/<resource>/<name>). */
  operations?: OperationMeta[];
  /** Default sort column (created_at desc when present, else the primary key). */
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** The column that makes a record the caller's where they reach only their own (ownerColumnOf): filled with them on create. */
  ownerColumn?: string;
  /** The column naming the caller's tenant where they reach only their tenant's records (tenantColumnOf): filled with it on create. */
  tenantColumn?: string;
}

/** One transition of a workflow the caller may perform (when the record's state allows). */
export interface TransitionMeta {
  name: string;
  label: string;
  from: string[];
  to: string;
  /** Fields to ask for before running it. */
  requires: string[];
  /** The caller may not be the person this column names (their own approval). */
  notBy?: string;
  /** Only the person this column names may run it. */
  onlyBy?: string;
  /**
   * A decision (it needs the approve action) or a step no step undoes (its state is final):
   * the screen asks before taking it. `final` says which.
   */
  confirm?: { final: boolean };
}

export interface WorkflowMeta {
  statusColumn: string;
  initial: string;
  transitions: TransitionMeta[];
  /** Columns its steps stamp (who decided, when) -> the states those steps lead to: shown once stamped, named by the state. */
  stamped: Record<string, string[]>;
  /** What its approvals cover: editing these columns in `reopens` states sends the record back to `backTo`; in `refuses` states it is refused. */
  covers: { step: string; columns: string[]; backTo: string; reopens: string[]; refuses: string[] }[];
}

export interface OperationMeta {
  name: string;
  label: string;
  params: { name: string; label: string; kind: 'date' | 'text' | 'integer' }[];
}

/** What an operation would do (POST with `preview: true`): how many records, their totals, the period and whether it has ended. */
export interface OperationPreview {
  count: number;
  sums: { field: string; label: string; kind: FieldKind; total: number }[];
  period?: { label: string; ends: string; ended: boolean };
}

export interface ModuleMeta {
  name: string;
  label: string;
  /** One of the pack format's module icons; absent: a generic one. */
  icon?: string;
}

/**
 * A dashboard chart, declared by the pack: a summary the API computes
 * (`GET /api/<resource>?groupBy=…&bucket=…&sum=…&filter=…`) over the rows the caller may read.
 */
export interface ChartSpec {
  /** The module it belongs to (its label is the section heading). */
  module: string;
  title: string;
  resource: string;
  groupBy: string;
  /** How the grouped field is bucketed: by value, by month ('YYYY-MM') or by age (time stamps). */
  bucket: 'value' | 'month' | 'age';
  /** A number field summed per group; the chart then plots the sum instead of the count. */
  sum?: string;
  /** A list filter (as the API takes it) applied before grouping. */
  filter?: Record<string, unknown>;
  kind: 'bar' | 'line';
}

/** A ready-made view of a list (a support agent's inbox): a filter, `$me` standing for the signed-in user. */
export interface ListView {
  label: string;
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

/** How a resource's list opens (declared by the pack). */
export interface ListSettings {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  /** "all" columns, or these in this order; else the ones chosen for lists. */
  columns?: 'all' | string[];
  /** A row opens this resource's record with the same id. */
  opens?: string;
}

/** How the back-office speaks for this database: its pack's title, locale, currency, charts and views. */
export interface Presentation {
  title: string;
  /** BCP 47, for dates and numbers. */
  locale: string;
  /** ISO 4217, for money columns. */
  currency?: string;
  /** The charts whose resource the caller may read (the SPA checks their fields). */
  charts: ChartSpec[];
  /** Per resource the caller may read. */
  listViews: Record<string, ListView[]>;
  /** Per resource the caller may read. */
  lists: Record<string, ListSettings>;
  /** Resources whose records have no History (the audit trail itself). */
  unrecorded: string[];
  /** The served audit trail, when the caller reads it: its entries show their changes field by field. */
  auditTrail?: string;
  /** Every role of the pack, with the label people read. */
  roles: { name: string; label: string }[];
}

/** Screens beyond the generated ones, and whether the caller may open them. */
export interface Features {
  /** The role matrix editor (/api/matrix). */
  matrix: boolean;
  /** The security event log (/api/auth/security-events). */
  securityEvents: boolean;
  /** User administration (/api/auth/users), to list at least. */
  users: boolean;
}

export interface Meta {
  modules: ModuleMeta[];
  resources: ResourceMeta[];
  presentation: Presentation;
  features: Features;
}

/**
 * Record ids on the wire. react-admin needs one `id`: a single-column key is sent as is
 * (and `id` is added when the column has another name); a composite key is sent as the
 * JSON array of its values, e.g. `["2025-01",42]`.
 */
export type WireId = string | number;
