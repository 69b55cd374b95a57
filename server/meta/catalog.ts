import type { Knex } from 'knex';
import { LABEL_SCHEMA } from '../../permissions/labelSql.js';

/** Rows read from pg_catalog, before any interpretation. */
export interface CatalogRelation {
  oid: number;
  schema: string;
  name: string;
  relkind: 'r' | 'p' | 'v' | 'm' | 'f';
  comment: string | null;
  /** pg_relation_is_updatable bitmask for views (insert 8, update 4, delete 16). */
  updatable: number;
  /** PostgreSQL's estimate of the rows (pg_class.reltuples); -1 where never analysed. */
  reltuples: number;
}

export interface CatalogColumn {
  oid: number;
  attnum: number;
  name: string;
  pg_type: string;
  type_oid: number;
  not_null: boolean;
  default_expr: string | null;
  generated: boolean;
  identity: '' | 'a' | 'd';
  typname: string;
  typtype: string;
  /** For domains, the base type; for arrays, the element type (of the base, for array domains). */
  base_typname: string | null;
  base_typtype: string | null;
  base_oid: number | null;
  is_array: boolean;
  comment: string | null;
  updatable: boolean;
}

export interface CatalogConstraint {
  oid: number;
  name: string;
  type: 'p' | 'u' | 'f' | 'c';
  columns: number[];
  ref_oid: number | null;
  ref_columns: number[] | null;
  definition: string;
}

export interface Catalog {
  relations: CatalogRelation[];
  columns: CatalogColumn[];
  constraints: CatalogConstraint[];
  /** Domain CHECK constraints, by domain type oid. */
  domainChecks: { type_oid: number; definition: string }[];
  enums: Map<number, string[]>;
  /** Unique indexes on plain columns without a predicate: candidate keys of tables without one, and of materialized views. */
  uniqueIndexes: { oid: number; columns: number[] }[];
  /**
   * For each view, where each of its columns comes from: the table (or view) and column a
   * column passes through unchanged, else null (computed). Read by planning the view's own
   * query, so it sees through joins and subqueries as PostgreSQL does.
   */
  viewOrigins: Map<number, ({ oid: number; attnum: number } | null)[]>;
  /**
   * Keys of the relations views draw from that are not served themselves (a view over
   * pg_stat_database reaches pg_database): a primary key or a unique index on non-null columns.
   */
  originKeys: Map<number, number[][]>;
}

/** Never served: PostgreSQL's own, and Gatehouse's (its label views are reached through their references). */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'gatehouse', LABEL_SCHEMA, 'pg_toast'];

/** Four catalog queries describe every relation Gatehouse serves. */
export async function readCatalog(db: Knex | Knex.Transaction, schemas?: string[]): Promise<Catalog> {
  const relations = (
    await db.raw<{ rows: CatalogRelation[] }>(
      `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind,
              obj_description(c.oid, 'pg_class') AS comment,
              CASE WHEN c.relkind IN ('v', 'f') THEN pg_relation_is_updatable(c.oid::regclass, false)
                   WHEN c.relkind = 'm' THEN 0 ELSE 28 END AS updatable,
              c.reltuples::float8 AS reltuples
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
          AND (CASE WHEN ?::text[] IS NULL
                    THEN n.nspname <> ALL (?::text[]) AND n.nspname NOT LIKE 'pg\\_%'
                    ELSE n.nspname = ANY (?::text[]) END)
        ORDER BY n.nspname, c.relname`,
      [schemas ?? null, SYSTEM_SCHEMAS, schemas ?? null],
    )
  ).rows;
  const oids = relations.map((r) => r.oid);
  const columns = (
    await db.raw<{ rows: CatalogColumn[] }>(
      `SELECT a.attrelid::int AS oid, a.attnum::int AS attnum, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS pg_type, a.atttypid::int AS type_oid,
              a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
              a.attgenerated <> '' AS generated, a.attidentity AS identity,
              t.typname, t.typtype,
              b.typname AS base_typname, b.typtype AS base_typtype, b.oid::int AS base_oid,
              (t.typcategory = 'A' OR coalesce(dt.typcategory, '') = 'A') AS is_array,
              col_description(a.attrelid, a.attnum) AS comment,
              CASE WHEN c.relkind IN ('v', 'f') THEN pg_column_is_updatable(c.oid::regclass, a.attnum, false)
                   ELSE c.relkind <> 'm' END AS updatable
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_type dt ON t.typtype = 'd' AND dt.oid = t.typbasetype
         LEFT JOIN pg_type b ON b.oid = CASE
              WHEN t.typcategory = 'A' THEN t.typelem
              WHEN t.typtype = 'd' AND dt.typcategory = 'A' THEN dt.typelem
              WHEN t.typtype = 'd' THEN t.typbasetype END
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ANY (?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [oids],
    )
  ).rows;
  const constraints = (
    await db.raw<{ rows: CatalogConstraint[] }>(
      `SELECT con.conrelid::int AS oid, con.conname AS name, con.contype AS type,
              con.conkey::int[] AS columns, nullif(con.confrelid, 0)::int AS ref_oid,
              con.confkey::int[] AS ref_columns, pg_get_constraintdef(con.oid) AS definition
         FROM pg_constraint con
        WHERE con.conrelid = ANY (?::oid[]) AND con.contype IN ('p', 'u', 'f', 'c')
        ORDER BY con.conrelid, con.conname`,
      [oids],
    )
  ).rows;
  const typeOids = [...new Set(columns.flatMap((c) => [c.type_oid, c.base_oid ?? c.type_oid]))];
  const domainChecks = (
    await db.raw<{ rows: { type_oid: number; definition: string }[] }>(
      `SELECT con.contypid::int AS type_oid, pg_get_constraintdef(con.oid) AS definition
         FROM pg_constraint con WHERE con.contypid = ANY (?::oid[]) AND con.contype = 'c'`,
      [typeOids],
    )
  ).rows;
  const enumRows = (
    await db.raw<{ rows: { type_oid: number; labels: string[] }[] }>(
      `SELECT enumtypid::int AS type_oid, array_agg(enumlabel::text ORDER BY enumsortorder) AS labels
         FROM pg_enum WHERE enumtypid = ANY (?::oid[]) GROUP BY enumtypid`,
      [typeOids],
    )
  ).rows;
  const uniqueIndexes = (
    await db.raw<{ rows: { oid: number; columns: number[] }[] }>(
      `SELECT i.indrelid::int AS oid, i.indkey::int[] AS columns
         FROM pg_index i
        WHERE i.indrelid = ANY (?::oid[]) AND i.indisunique AND i.indisvalid
          AND i.indpred IS NULL AND i.indexprs IS NULL
        ORDER BY i.indrelid, i.indnatts, i.indexrelid`,
      [oids],
    )
  ).rows;
  const viewOrigins = new Map<number, ({ oid: number; attnum: number } | null)[]>();
  for (const view of relations.filter((r) => r.relkind === 'v')) {
    const origins = await originsOfView(db, view.oid);
    if (origins) viewOrigins.set(view.oid, origins);
  }
  const originKeys = await keysOfOrigins(db, viewOrigins, new Set(oids));
  return {
    relations,
    columns,
    constraints,
    domainChecks,
    enums: new Map(enumRows.map((e) => [e.type_oid, e.labels])),
    uniqueIndexes,
    viewOrigins,
    originKeys,
  };
}

/** How many views deep the tracing follows relations that are not served (system views over views). */
const ORIGIN_DEPTH = 4;

/**
 * The relations served views draw from that are not served themselves: views are traced
 * further (their origins join `viewOrigins`), tables give their key. One catalog query per
 * level, a few levels at most.
 */
async function keysOfOrigins(
  db: Knex | Knex.Transaction,
  viewOrigins: Map<number, ({ oid: number; attnum: number } | null)[]>,
  served: Set<number>,
): Promise<Map<number, number[][]>> {
  const keys = new Map<number, number[][]>();
  const seen = new Set<number>(served);
  for (let depth = 0; depth < ORIGIN_DEPTH; depth++) {
    const next = [...new Set([...viewOrigins.values()].flat().flatMap((o) => (o && !seen.has(o.oid) ? [o.oid] : [])))];
    if (next.length === 0) break;
    next.forEach((oid) => seen.add(oid));
    const { rows } = await db.raw<{ rows: { oid: number; relkind: string; keys: number[][] | null }[] }>(
      `SELECT c.oid::int AS oid, c.relkind,
              (SELECT json_agg(i.indkey::int[] ORDER BY i.indisprimary DESC, i.indnatts, i.indexrelid) FROM pg_index i
                WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (i.indkey) AND NOT a.attnotnull)) AS keys
         FROM pg_class c WHERE c.oid = ANY (?::oid[])`,
      [next],
    );
    for (const rel of rows) {
      if (rel.relkind === 'v') {
        const origins = await originsOfView(db, rel.oid);
        if (origins) viewOrigins.set(rel.oid, origins);
      } else if (rel.keys?.length) keys.set(rel.oid, rel.keys);
    }
  }
  return keys;
}

/**
 * A view's columns traced to their tables. Selecting from the view itself names the view as
 * every column's origin; selecting from its definition as a subquery makes PostgreSQL report
 * the underlying columns (RowDescription), without running it (LIMIT 0). A view the login
 * may not plan (privileges, a broken dependency) simply has no origins.
 */
async function originsOfView(db: Knex | Knex.Transaction, oid: number): Promise<({ oid: number; attnum: number } | null)[] | undefined> {
  try {
    return await db.transaction(async (trx) => {
      const { rows } = await trx.raw<{ rows: { definition: string }[] }>(`SELECT pg_get_viewdef(?::oid) AS definition`, [oid]);
      const definition = rows[0]?.definition.trim().replace(/;$/, '');
      if (!definition) return undefined;
      const planned = await trx.raw<{ fields: { tableID: number; columnID: number }[] }>(
        `SELECT * FROM (${definition.replace(/\?/g, '\\?')}) AS traced LIMIT 0`,
      );
      return planned.fields.map((f) => (f.tableID ? { oid: f.tableID, attnum: f.columnID } : null));
    });
  } catch {
    return undefined;
  }
}
