import { createHash } from 'node:crypto';
import { API_DB_ROLE } from './rlsSql.js';
import { ident, literal } from './sqlText.js';

/**
 * Labels of referenced records: whoever may read a record may read what names the records it
 * references ("Prepared by: Priya Sharma"), even without reading those tables: the label
 * only, never the row, and only of records a row they can see refers to.
 *
 * Per foreign key, a view in LABEL_SCHEMA gives (id, label) of the target. It is owned by
 * LABEL_READER_DB_ROLE, which may read the target's key and label columns and nothing else,
 * so the view reaches the target whatever the caller's policies say there; it keeps a target
 * row only when the "seen" function, run as the caller (functions in a view run as the user
 * of the view), finds a row of the referencing table with that value, under the caller's own
 * policies and column privileges. The view is a security barrier: a caller's condition cannot
 * look at rows before that test has passed.
 *
 * The audit trail names records of any table (table name, key as text): per table it may name,
 * a view of the same kind whose "seen" function finds an entry of the caller's about the record.
 */
export const LABEL_SCHEMA = 'gatehouse_labels';
export const LABEL_READER_DB_ROLE = 'gatehouse_label_reader';

/** One single-column foreign key whose target's records have a label. */
export interface LabelReference {
  /** The referencing resource and its column. */
  resource: string;
  column: string;
  /** The referencing table, quoted and qualified. */
  sqlName: string;
  /** The referenced table, quoted and qualified, its schema, its key column and that column's type. */
  targetSqlName: string;
  /** The referenced table as the view reads it: a plain table ONLY (see recordLabels.ts's labelSource). */
  targetSource: string;
  targetSchema: string;
  targetKey: string;
  targetKeyType: string;
  /** The label as SQL over the target's row aliased `t` (see recordLabelSql), and the target columns it reads. */
  label: string;
  labelColumns: string[];
  /** Other tables a composed label reads (a session labelled by its activity's name), quoted and qualified, with the columns. */
  labelTables?: { sqlName: string; schema: string; columns: string[] }[];
  /**
   * For a column naming records of several tables (the audit trail's record key, text): the
   * referencing column that names the table, and the target's name there. One view per target.
   */
  via?: { column: string; value: string };
}

/** PostgreSQL's longest identifier. */
const MAX_IDENTIFIER = 63;

/** A readable name within PostgreSQL's length limit: long ones end in a hash, so two never meet. */
function shortName(name: string): string {
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - 1)}_${hash}`;
}

/** The view holding the labels a resource's column refers to (of the target `of` where the column names records of several), quoted and qualified. */
export function labelViewName(resource: string, column: string, of?: string): string {
  return `${ident(LABEL_SCHEMA)}.${ident(shortName(`${resource}.${column}${of === undefined ? '' : ` ${of}`}`))}`;
}

const seenFunctionName = (ref: LabelReference) =>
  `${ident(LABEL_SCHEMA)}.${ident(shortName(`${ref.resource}.${ref.column}${ref.via ? ` ${ref.via.value}` : ''} seen`))}`;

/**
 * The label views and what they need: the schema, the reader role, its column privileges and
 * a policy letting it read the targets, the views and their "seen" functions, and the API's
 * roles allowed to use them. Run again, it starts the schema afresh.
 */
export function referenceLabelsSql(references: readonly LabelReference[]): string {
  const reader = ident(LABEL_READER_DB_ROLE);
  const api = ident(API_DB_ROLE);
  const out = [
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(LABEL_READER_DB_ROLE)}) THEN CREATE ROLE ${reader} NOLOGIN NOBYPASSRLS; END IF; END $$;`,
    `DROP SCHEMA IF EXISTS ${ident(LABEL_SCHEMA)} CASCADE;`,
    `CREATE SCHEMA ${ident(LABEL_SCHEMA)};`,
    `COMMENT ON SCHEMA ${ident(LABEL_SCHEMA)} IS 'Labels of referenced records, for whoever may read a row referring to them';`,
    `GRANT USAGE, CREATE ON SCHEMA ${ident(LABEL_SCHEMA)} TO ${reader};`,
    `GRANT USAGE ON SCHEMA ${ident(LABEL_SCHEMA)} TO ${api};`,
  ];
  const targets = new Map<string, { schema: string; columns: Set<string> }>();
  const reads = (sqlName: string, schema: string, columns: readonly string[]) => {
    const target = targets.get(sqlName) ?? { schema, columns: new Set<string>() };
    for (const c of columns) target.columns.add(c);
    targets.set(sqlName, target);
  };
  for (const ref of references) {
    reads(ref.targetSqlName, ref.targetSchema, [ref.targetKey, ...ref.labelColumns]);
    for (const t of ref.labelTables ?? []) reads(t.sqlName, t.schema, t.columns);
  }
  for (const [target, { schema, columns }] of targets) {
    out.push(
      `GRANT USAGE ON SCHEMA ${ident(schema)} TO ${reader};`,
      `GRANT SELECT (${[...columns].map(ident).join(', ')}) ON ${target} TO ${reader};`,
      `DROP POLICY IF EXISTS gh_labels ON ${target};`,
      `CREATE POLICY gh_labels ON ${target} FOR SELECT TO ${reader} USING (true);`,
    );
  }
  for (const ref of references) {
    const view = labelViewName(ref.resource, ref.column, ref.via?.value);
    const seen = seenFunctionName(ref);
    const column = ident(ref.column);
    const privileges = [ref.column, ...(ref.via ? [ref.via.column] : [])]
      .map((c) => `NOT has_column_privilege(${literal(ref.sqlName)}, ${literal(c)}, 'SELECT')`)
      .join(' OR ');
    const refers = ref.via ? `s.${ident(ref.via.column)} = ${literal(ref.via.value)} AND s.${column} = p_value::text` : `s.${column} = p_value`;
    out.push(
      // As the caller: a column they may not read tells them nothing (and raises nothing).
      `CREATE FUNCTION ${seen}(p_value ${ref.targetKeyType}) RETURNS boolean
        LANGUAGE plpgsql STABLE SET search_path = pg_catalog
        AS $fn$
        BEGIN
          IF ${privileges} THEN RETURN false; END IF;
          RETURN EXISTS (SELECT 1 FROM ${ref.sqlName} s WHERE ${refers});
        END $fn$;`,
      `REVOKE ALL ON FUNCTION ${seen}(${ref.targetKeyType}) FROM PUBLIC;`,
      `GRANT EXECUTE ON FUNCTION ${seen}(${ref.targetKeyType}) TO ${api};`,
      `CREATE VIEW ${view} WITH (security_barrier) AS
        SELECT t.${ident(ref.targetKey)} AS id, ${ref.label} AS label FROM ${ref.targetSource} t WHERE ${seen}(t.${ident(ref.targetKey)});`,
      `ALTER VIEW ${view} OWNER TO ${reader};`,
      `GRANT SELECT ON ${view} TO ${api};`,
    );
  }
  return out.join('\n');
}

/** Undoes referenceLabelsSql; the reader role stays (roles belong to the whole server), with nothing left to read. */
export function dropReferenceLabelsSql(references: readonly LabelReference[]): string {
  const reader = ident(LABEL_READER_DB_ROLE);
  const targets = [...new Set(references.flatMap((r) => [r.targetSqlName, ...(r.labelTables ?? []).map((t) => t.sqlName)]))];
  return [
    `DROP SCHEMA IF EXISTS ${ident(LABEL_SCHEMA)} CASCADE;`,
    ...targets.map((t) => `DROP POLICY IF EXISTS gh_labels ON ${t};`),
    `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(LABEL_READER_DB_ROLE)}) THEN`,
    ...targets.map((t) => `  REVOKE ALL ON ${t} FROM ${reader};`),
    `END IF; END $$;`,
  ].join('\n');
}
