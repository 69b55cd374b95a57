import type { Knex } from 'knex';
import type { Pack } from '../../permissions/packModel.js';
import { ident } from '../../permissions/sqlText.js';
import type { ResourceInfo, SchemaModel } from '../meta/schemaModel.js';

/**
 * The indexes a pack's pages need: each is a list the back-office shows, as an equality on some
 * columns (a role's row scope, a list view's filter, a workflow's state) and an order (the
 * view's, else the list's default). An index whose leading columns are those equalities, then the
 * order, serves such a page by reading just its rows in order — no bitmap AND of two indexes, no
 * sort of every match — however large the table grows.
 */
export interface WantedIndex {
  resource: string;
  /** Compared for equality (any order among themselves). */
  equal: string[];
  /** The order the page is read in, when there is one beyond the equalities. */
  order?: string;
  /** Which pages want it, in words. */
  because: string[];
}

export interface MissingIndex extends WantedIndex {
  /** What creates it without blocking writes (run outside a transaction). */
  sql: string;
}

/** Filter keys that compare a column for equality (or membership): a plain column name. */
const equalityColumns = (resource: ResourceInfo, filter: Record<string, unknown>): string[] =>
  Object.keys(filter).filter((key) => resource.fieldByName.has(key) && key !== 'q');

export function wantedIndexes(schema: SchemaModel, pack: Pack): WantedIndex[] {
  const wanted = new Map<string, WantedIndex>();
  const want = (resource: ResourceInfo, equal: string[], order: string | undefined, because: string) => {
    const columns = [...new Set(equal)].filter((c) => resource.fieldByName.has(c));
    // Nothing to ask for; or a key among the equalities, which finds the one row (or few, of a set) by itself.
    const unique = (c: string) => (resource.primaryKey.length === 1 && resource.primaryKey[0] === c) || resource.fieldByName.get(c)?.unique === true;
    if (columns.length === 0 || columns.some(unique)) return;
    const by = order && !columns.includes(order) && resource.fieldByName.has(order) ? order : undefined;
    const key = `${resource.name}|${[...columns].sort().join(',')}|${by ?? ''}`;
    const known = wanted.get(key);
    if (known) known.because.push(because);
    else wanted.set(key, { resource: resource.name, equal: columns, ...(by ? { order: by } : {}), because: [because] });
  };
  for (const resource of schema.resources.values()) {
    if (resource.kind === 'view') continue;
    const scopes = Object.entries(pack.ownRows).flatMap(([role, tables]) => {
      const rule = tables[resource.name];
      return rule ? [{ role, column: rule.column }] : [];
    });
    // Everyone's view (no scope), and each scoped role's: its scope column first.
    const audiences = [{ who: '', column: undefined as string | undefined }, ...scopes.map((s) => ({ who: ` for ${s.role}`, column: s.column }))];
    const defaultOrder = resource.defaultSort.field;
    for (const scope of scopes) want(resource, [scope.column], defaultOrder, `${scope.role}'s own rows, newest first`);
    for (const view of pack.listViews[resource.name] ?? []) {
      const equal = equalityColumns(resource, view.filter);
      for (const a of audiences) want(resource, [...(a.column ? [a.column] : []), ...equal], view.sort?.field ?? defaultOrder, `the "${view.label}" view${a.who}`);
    }
    const workflow = pack.workflows.find((w) => w.table === resource.name);
    if (workflow) {
      for (const a of audiences) want(resource, [...(a.column ? [a.column] : []), workflow.statusColumn], defaultOrder, `records in a state of its workflow${a.who}`);
    }
  }
  return [...wanted.values()];
}

/** The plain btree indexes (no expression, no predicate) of the served tables, as column lists in order. */
async function existingIndexes(knex: Knex, schema: SchemaModel): Promise<Map<string, string[][]>> {
  const tables = [...schema.resources.values()].filter((r) => r.kind !== 'view');
  const { rows } = await knex.raw<{ rows: { name: string; columns: string[] }[] }>(
    `SELECT format('%s.%s', n.nspname, c.relname) AS name,
            array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, pos)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.pos) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_am am ON am.oid = ic.relam
      WHERE am.amname = 'btree' AND i.indpred IS NULL AND i.indexprs IS NULL
        AND format('%s.%s', n.nspname, c.relname) = ANY (?::text[])`,
    [tables.map((t) => `${t.schema}.${t.table}`)],
  );
  const byTable = new Map<string, string[][]>();
  for (const row of rows) byTable.set(row.name, [...(byTable.get(row.name) ?? []), row.columns]);
  return byTable;
}

/** Does an index on these columns, in this order, serve the page: the equalities first (any order), then the order? */
export function serves(index: readonly string[], want: Pick<WantedIndex, 'equal' | 'order'>): boolean {
  const lead = index.slice(0, want.equal.length);
  if (lead.length < want.equal.length || !want.equal.every((c) => lead.includes(c))) return false;
  return want.order === undefined || index[want.equal.length] === want.order;
}

/** The wanted indexes the database does not have, each with the statement that makes it. */
export async function missingIndexes(knex: Knex, schema: SchemaModel, pack: Pack): Promise<MissingIndex[]> {
  const existing = await existingIndexes(knex, schema);
  return wantedIndexes(schema, pack).flatMap((want) => {
    const resource = schema.resources.get(want.resource)!;
    const have = existing.get(`${resource.schema}.${resource.table}`) ?? [];
    if (have.some((index) => serves(index, want))) return [];
    const columns = [...want.equal, ...(want.order ? [want.order] : [])];
    const name = `${resource.table}_${columns.join('_')}_idx`.slice(0, 63);
    const sql = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON ${ident(resource.schema)}.${ident(resource.table)} (${columns.map(ident).join(', ')});`;
    return [{ ...want, sql }];
  });
}
