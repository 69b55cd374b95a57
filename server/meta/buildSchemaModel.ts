import { isSecretColumn } from '../../permissions/secrets.js';
import { PACK } from '../../permissions/activePack.js';
import { MODULES, moduleOfResource } from '../../permissions/modules.js';
import type { Catalog, CatalogColumn, CatalogConstraint, CatalogRelation } from './catalog.js';
import { readCheck, readJsonShapeCheck } from './checkConstraints.js';
import { checkSentence } from './checkSentence.js';
import { chooseListFields } from './listColumns.js';
import { chooseDisplayField, fieldLabel, humanize } from './naming.js';
import { baseColumnOf, identitiesOf } from './recordIdentity.js';
import type { ResourceInfo, SchemaModel } from './schemaModel.js';
import { kindOfType, refineKind, typeModifiers } from './typeKinds.js';
import { titleFieldsOf } from './recordTitle.js';
import { singular } from '../../permissions/words.js';
import { threadOf } from './threads.js';
import type { FieldMeta, JsonShape, ModuleMeta, ThreadSpec } from './types.js';

const VIEW_UPDATE = 4;
const VIEW_INSERT = 8;
const VIEW_DELETE = 16;

function resourceName(rel: CatalogRelation, primarySchema: string): string {
  return rel.schema === primarySchema ? rel.name : `${rel.schema}.${rel.name}`;
}

/** Turns the catalog into the resources Gatehouse serves. */
export function buildSchemaModel(catalog: Catalog, primarySchema = 'public'): SchemaModel {
  const relByOid = new Map(catalog.relations.map((r) => [r.oid, r]));
  const nameOf = (oid: number): string | undefined => {
    const rel = relByOid.get(oid);
    return rel && resourceName(rel, primarySchema);
  };
  const columnsOf = groupBy(catalog.columns, (c) => c.oid);
  const constraintsOf = groupBy(catalog.constraints, (c) => c.oid);
  const colName = (oid: number, attnum: number) => columnsOf.get(oid)?.find((c) => c.attnum === attnum)?.name ?? '?';
  const identities = identitiesOf(catalog, isSecretColumn);

  const partial = catalog.relations.map((rel) => {
    const cols = columnsOf.get(rel.oid) ?? [];
    const cons = constraintsOf.get(rel.oid) ?? [];
    const identity = identities.get(rel.oid)!;
    const primaryKey = identity.columns;
    // Row values tell records apart for reading only: none of them is a key of the table.
    const keyColumns = identity.kind === 'row-values' ? [] : primaryKey;
    const fields = cols
      .filter((c) => !isSecretColumn(c.name))
      .map((c) => buildField(c, cons, keyColumns, catalog, rel));
    const hiddenCols = cols.filter((c) => isSecretColumn(c.name));
    const creatable = !hiddenCols.some((c) => c.not_null && c.default_expr === null && !c.generated && c.identity === '');
    return { rel, cons, primaryKey, identity: identity.kind, fields, hidden: hiddenCols.map((c) => c.name), creatable };
  });

  const displayByOid = new Map(partial.map((p) => [p.rel.oid, chooseDisplayField(p.fields, p.primaryKey)]));
  const resources = new Map<string, ResourceInfo>();
  for (const { rel, cons, primaryKey, identity, fields, hidden, creatable } of partial) {
    for (const fk of cons.filter((c) => c.type === 'f' && c.columns.length === 1)) {
      const target = fk.ref_oid !== null ? nameOf(fk.ref_oid) : undefined;
      const field = fields.find((f) => f.name === colName(rel.oid, fk.columns[0]!));
      if (!target || !field || fk.ref_oid === null) continue;
      field.reference = {
        resource: target,
        field: colName(fk.ref_oid, fk.ref_columns![0]!),
        displayField: displayByOid.get(fk.ref_oid)!,
        constraint: fk.name,
      };
      field.label = fieldLabel(field.name, true);
    }
    const name = resourceName(rel, primarySchema);
    const displayField = displayByOid.get(rel.oid)!;
    // The pack's shape of a json column wins over one a CHECK states.
    for (const [column, shape] of Object.entries(PACK.shapes[name] ?? {})) {
      const f = fields.find((x) => x.name === column && x.kind === 'json');
      if (f) f.shape = shape;
    }
    for (const f of fields) if (f.shape) f.shape = titled(f.shape);
    const inList = chooseListFields(fields, displayField);
    for (const f of fields) f.inList = inList.has(f.name);
    const noKey = identity === 'row-values' || identity === 'none';
    const viewBits = rel.updatable;
    const readOnly = noKey || (rel.relkind !== 'r' && rel.relkind !== 'p' && (viewBits & (VIEW_UPDATE | VIEW_INSERT | VIEW_DELETE)) === 0);
    if (readOnly) for (const f of fields) f.readOnly = true;
    const createdAt = fields.find((f) => f.name === 'created_at' && f.kind === 'datetime');
    const titleFields = titleFieldsOf(name, fields, displayField);
    const byName = new Map(fields.map((f) => [f.name, f]));
    resources.set(name, {
      name,
      schema: rel.schema,
      table: rel.name,
      kind: rel.relkind === 'p' ? 'partitioned' : rel.relkind === 'r' ? 'table' : 'view',
      label: humanize(rel.name),
      recordName: singular(humanize(rel.name)),
      module: moduleOfResource(name) ?? rel.schema,
      primaryKey,
      identity,
      // A view's values may change between two reads (live statistics, now()): by values alone
      // its records are listed, not opened. A table's (or materialized view's) stay put.
      openable: identity !== 'none' && !(identity === 'row-values' && rel.relkind === 'v'),
      displayField,
      ...(titleFields ? { titleFields } : {}),
      fields,
      reverseReferences: [],
      readOnly,
      ...(rel.comment ? { help: rel.comment } : {}),
      defaultSort: createdAt
        ? { field: 'created_at', order: 'DESC' }
        : { field: primaryKey.length === 1 ? primaryKey[0]! : primaryKey.length ? 'id' : (sortableField(fields) ?? 'id'), order: 'ASC' },
      constraintColumns: Object.fromEntries(cons.map((c) => [c.name, c.columns.map((n) => colName(rel.oid, n))])),
      checkRules: Object.fromEntries(cons.filter((c) => c.type === 'c').map((c) => [c.name, checkSentence(c.definition, byName)])),
      fieldByName: byName,
      hiddenColumns: hidden,
      creatable: creatable && !readOnly,
      rowsWhenLoaded: rel.reltuples,
    });
  }
  inheritFromBaseColumns(catalog, resources, nameOf, colName, columnsOf);
  addReverseReferences(resources);
  return { modules: modulesOf(resources), resources, byTable: new Map([...resources.values()].map((r) => [`${r.schema}.${r.table}`, r.name])) };
}

function buildField(c: CatalogColumn, cons: CatalogConstraint[], primaryKey: string[], catalog: Catalog, rel: CatalogRelation): FieldMeta {
  const mods = typeModifiers(c.pg_type);
  const scalarType = c.is_array || c.typtype === 'd' ? (c.base_typname ?? c.typname) : c.typname;
  const scalarTypType = c.is_array || c.typtype === 'd' ? (c.base_typtype ?? c.typtype) : c.typtype;
  const scalarKind = refineKind(kindOfType(scalarType, scalarTypType), c.name, mods.maxLength);
  const checks = [
    ...cons.filter((k) => k.type === 'c' && k.columns.length === 1 && k.columns[0] === c.attnum).map((k) => k.definition),
    ...catalog.domainChecks.filter((d) => d.type_oid === c.type_oid).map((d) => d.definition),
  ].map((d) => readCheck(d, c.name));
  const enumLabels = catalog.enums.get(c.base_oid ?? c.type_oid) ?? catalog.enums.get(c.type_oid);
  const choices = enumLabels ?? checks.find((k) => k.choices)?.choices;
  const min = checks.find((k) => k.min !== undefined)?.min;
  const max = checks.find((k) => k.max !== undefined)?.max;
  const kind = c.is_array ? 'array' : choices ? 'enum' : scalarKind;
  const shape = kind === 'json' ? cons.filter((k) => k.type === 'c').map((k) => readJsonShapeCheck(k.definition, c.name)).find(Boolean) : undefined;
  const readOnly = c.generated || c.identity === 'a' || !c.updatable;
  const hasDefault = c.default_expr !== null || c.identity !== '';
  const isPk = primaryKey.includes(c.name);
  return {
    name: c.name,
    label: fieldLabel(c.name, false),
    kind,
    pgType: c.pg_type,
    ...(c.is_array ? { elementKind: choices ? 'enum' : scalarKind } : {}),
    nullable: !c.not_null && !isPk,
    required: c.not_null && !hasDefault && !readOnly,
    hasDefault,
    readOnly,
    primaryKey: isPk,
    ...(cons.some((k) => k.type === 'u' && k.columns.length === 1 && k.columns[0] === c.attnum) ? { unique: true } : {}),
    ...mods,
    ...(choices ? { choices } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(c.comment ? { help: c.comment } : {}),
    inList: false,
    filterable: kind !== 'json' && kind !== 'longtext',
    searchable: (kind === 'text' || kind === 'longtext') && rel.relkind !== 'm',
    ...(shape ? { shape } : {}),
    ...((kind === 'date' || kind === 'datetime') && c.default_expr !== null && NOW_DEFAULT.test(c.default_expr) ? { defaultIsNow: true as const } : {}),
  };
}

/** A shape whose every field has a title (the key, in words, with the pack's acronyms): the form's labels, the API's messages. */
function titled(shape: JsonShape): JsonShape {
  const properties = shape.properties && Object.fromEntries(Object.entries(shape.properties).map(([k, s]) => [k, titled({ ...s, title: s.title ?? fieldLabel(k, false) })]));
  const extra = typeof shape.additionalProperties === 'object' ? titled(shape.additionalProperties) : shape.additionalProperties;
  return {
    ...shape,
    ...(properties ? { properties } : {}),
    ...(extra !== undefined ? { additionalProperties: extra } : {}),
    ...(shape.items ? { items: titled(shape.items) } : {}),
  };
}

/** Defaults that stamp the current date or time (possibly cast: `(now())::date`). */
const NOW_DEFAULT = /^\(?(now\(\)|CURRENT_TIMESTAMP|CURRENT_DATE|LOCALTIMESTAMP|statement_timestamp\(\)|transaction_timestamp\(\)|clock_timestamp\(\))\)?(::[\w ]+)?$/i;

/** The first column a list can be ordered by, for relations with nothing better. */
function sortableField(fields: FieldMeta[]): string | undefined {
  return fields.find((f) => f.kind !== 'json' && f.kind !== 'array' && f.kind !== 'other')?.name;
}

/**
 * A view column that shows a table's column unchanged reads like it: its allowed values,
 * bounds, reference and comment (a queue's leave type as a chip, its employee by name).
 */
function inheritFromBaseColumns(
  catalog: Catalog,
  resources: Map<string, ResourceInfo>,
  nameOf: (oid: number) => string | undefined,
  colName: (oid: number, attnum: number) => string,
  columnsOf: Map<number, CatalogColumn[]>,
): void {
  for (const rel of catalog.relations.filter((r) => r.relkind === 'v')) {
    const view = resources.get(nameOf(rel.oid) ?? '');
    const origins = catalog.viewOrigins.get(rel.oid);
    if (!view || !origins) continue;
    for (const c of columnsOf.get(rel.oid) ?? []) {
      const base = baseColumnOf(catalog, origins[c.attnum - 1] ?? null);
      const field = view.fieldByName.get(c.name);
      const source = base && base.oid !== rel.oid ? resources.get(nameOf(base.oid) ?? '')?.fieldByName.get(colName(base.oid, base.attnum)) : undefined;
      if (!field || !source || source.kind !== field.kind && !(source.kind === 'enum' && field.kind === 'text')) continue;
      if (source.choices) Object.assign(field, { kind: source.kind, choices: source.choices });
      if (source.min !== undefined) field.min = source.min;
      if (source.max !== undefined) field.max = source.max;
      if (source.reference && !field.reference) field.reference = { ...source.reference };
      if (source.help && !field.help) field.help = source.help;
    }
    const inList = chooseListFields(view.fields, view.displayField);
    for (const f of view.fields) f.inList = inList.has(f.name);
  }
}

function addReverseReferences(resources: Map<string, ResourceInfo>): void {
  for (const source of resources.values()) {
    // A view's references are its tables': the tables' own tabs list those rows already.
    if (source.kind === 'view') continue;
    const refs = source.fields.filter((f) => f.reference);
    for (const f of refs) {
      const target = resources.get(f.reference!.resource);
      if (!target) continue;
      const several = refs.filter((g) => g.reference!.resource === target.name).length > 1;
      target.reverseReferences.push({
        resource: source.name,
        field: f.name,
        target: f.reference!.field,
        label: several ? `${source.label} (${f.label.toLowerCase()})` : source.label,
        ...threadField(source, f.name),
      });
    }
  }
}

function threadField(source: ResourceInfo, parentField: string): { thread?: ThreadSpec } {
  const thread = threadOf(source.name, source.fields, parentField);
  return thread ? { thread } : {};
}

function modulesOf(resources: Map<string, ResourceInfo>): ModuleMeta[] {
  const used = new Set([...resources.values()].map((r) => r.module));
  const known = Object.entries(MODULES)
    .filter(([m]) => used.has(m))
    .map(([name, m]) => ({ name, label: m.label, ...(m.icon ? { icon: m.icon } : {}) }));
  const others = [...used].filter((m) => !(m in MODULES)).sort().map((name) => ({ name, label: humanize(name) }));
  return [...known, ...others];
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
