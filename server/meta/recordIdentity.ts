import type { Catalog, CatalogColumn, CatalogRelation } from './catalog.js';
import type { RecordIdentity } from './types.js';

/** Kinds whose values compare equal exactly after a round trip through JSON, so they can name a row. */
const COMPARABLE_TYPES = new Set([
  'int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'bool', 'text', 'varchar', 'bpchar', 'name', 'citext',
  'uuid', 'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'inet', 'cidr', 'macaddr', 'oid',
]);

type ColumnOrigin = { oid: number; attnum: number };

/** A view column traced back through views to the table column it shows unchanged; null when it is computed. */
export function baseColumnOf(catalog: Catalog, origin: ColumnOrigin | null, depth = 0): ColumnOrigin | null {
  if (!origin || depth > 16) return origin;
  const inner = catalog.viewOrigins.get(origin.oid);
  return inner ? baseColumnOf(catalog, inner[origin.attnum - 1] ?? null, depth + 1) : origin;
}

interface Identity {
  kind: RecordIdentity;
  columns: string[];
}

/**
 * How each relation's records are told apart, in order of preference: its primary key; a
 * unique index on non-null columns; for a view, the keys of the tables it shows, traced
 * through the view's definition; a view's `id` column; else every comparable column
 * together ("row-values": lists sort and page stably and a record opens on its values,
 * but nothing guarantees two rows differ, so such relations are read-only).
 */
export function identitiesOf(catalog: Catalog, isHidden: (column: string) => boolean): Map<number, Identity> {
  const columnsOf = new Map<number, CatalogColumn[]>();
  for (const c of catalog.columns) columnsOf.set(c.oid, [...(columnsOf.get(c.oid) ?? []), c]);
  const byAttnum = (oid: number, attnum: number) => columnsOf.get(oid)?.find((c) => c.attnum === attnum);

  /** The keys of a table or materialized view, best first: its primary key, then unique indexes on non-null columns. */
  const tableKeys = (oid: number): number[][] => {
    const pk = catalog.constraints.find((c) => c.oid === oid && c.type === 'p');
    // A materialized view declares no NOT NULL: its unique index is taken as it is.
    const isMatview = catalog.relations.find((r) => r.oid === oid)?.relkind === 'm';
    const notNull = (attnum: number) => isMatview || byAttnum(oid, attnum)?.not_null === true;
    const unique = catalog.uniqueIndexes.filter((i) => i.oid === oid && i.columns.length > 0 && i.columns.every(notNull)).map((i) => i.columns);
    return [...(pk ? [pk.columns] : []), ...unique, ...(catalog.originKeys.get(oid) ?? [])];
  };
  const tableKey = (oid: number): number[] | undefined => tableKeys(oid)[0];

  const baseOf = (origin: ColumnOrigin | null) => baseColumnOf(catalog, origin);

  const viewKey = (rel: CatalogRelation, cols: CatalogColumn[]): string[] | undefined => {
    const origins = catalog.viewOrigins.get(rel.oid);
    if (!origins) return undefined;
    const shown = cols.map((c, i) => ({ column: c, base: baseOf(origins[i] ?? null) }));
    const key: string[] = [];
    for (const table of new Set(shown.flatMap((s) => (s.base ? [s.base.oid] : [])))) {
      // The first of the table's keys the view shows whole.
      for (const keyColumns of tableKeys(table)) {
        const exposed = keyColumns.map((attnum) => shown.find((s) => s.base?.oid === table && s.base.attnum === attnum)?.column.name);
        if (!exposed.every((n): n is string => n !== undefined)) continue;
        key.push(...exposed.filter((n) => !key.includes(n)));
        break;
      }
    }
    return key.length ? key : undefined;
  };

  const identities = new Map<number, Identity>();
  for (const rel of catalog.relations) {
    const cols = columnsOf.get(rel.oid) ?? [];
    const name = (attnum: number) => byAttnum(rel.oid, attnum)?.name ?? '?';
    const pk = catalog.constraints.find((c) => c.oid === rel.oid && c.type === 'p');
    const isView = rel.relkind === 'v';
    const key = !isView ? tableKey(rel.oid) : undefined;
    const traced = isView ? viewKey(rel, cols) : undefined;
    const comparable = cols.filter(
      (c) => !c.is_array && !isHidden(c.name) && (c.typtype === 'e' || COMPARABLE_TYPES.has(c.typtype === 'd' ? (c.base_typname ?? '') : c.typname)),
    );
    const identity: Identity = pk
      ? { kind: 'primary-key', columns: pk.columns.map(name) }
      : key
        ? { kind: 'unique-key', columns: key.map(name) }
        : traced
          ? { kind: 'view-key', columns: traced }
          : rel.relkind !== 'r' && rel.relkind !== 'p' && cols.some((c) => c.name === 'id')
            ? { kind: 'view-key', columns: ['id'] }
            : comparable.length
              ? { kind: 'row-values', columns: comparable.map((c) => c.name) }
              : { kind: 'none', columns: [] };
    identities.set(rel.oid, identity);
  }
  return identities;
}
