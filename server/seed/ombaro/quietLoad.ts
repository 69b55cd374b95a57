import type { Knex } from 'knex';

/**
 * Row triggers a quiet load may skip, by name: the document numbering (the seed supplies the
 * numbers the trigger would give, documentNumbers.ts), and the workflow and author stamps,
 * which do nothing for a write made outside the API (no auth.uid()).
 */
const SKIPPABLE = /(_assign_number|_workflow|_stamp_author)$/;

/**
 * Runs `load` (bulk writes into `tables`) with session_replication_role = replica where that
 * is safe: the per-row foreign-key checks and the skippable triggers above are not run, while
 * the audit trail's triggers (ENABLE ALWAYS) still record every row. The foreign keys of the
 * tables are then checked once, in bulk. Without superuser rights, or when a table has another
 * INSERT trigger that a replica session would skip, `load` runs with every trigger.
 */
export async function quietLoad(trx: Knex.Transaction, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  if (!(await mayLoadQuietly(trx, tables))) return load();
  await trx.raw('SET LOCAL session_replication_role = replica');
  await load();
  await trx.raw('SET LOCAL session_replication_role = origin');
  await checkForeignKeys(trx, tables);
}

async function mayLoadQuietly(trx: Knex.Transaction, tables: readonly string[]): Promise<boolean> {
  const { rows } = (await trx.raw(
    `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            array(SELECT t.tgname::text FROM pg_trigger t
                   WHERE t.tgrelid = ANY (?::regclass[]) AND NOT t.tgisinternal
                     AND t.tgenabled = 'O' AND (t.tgtype & 4) <> 0) AS triggers`,
    [[...tables]],
  )) as { rows: { superuser: boolean; triggers: string[] }[] };
  const { superuser, triggers } = rows[0]!;
  return superuser && triggers.every((name) => SKIPPABLE.test(name));
}

interface ForeignKey { name: string; child: string; parent: string; columns: string[]; references: string[] }

/** Fails like the skipped checks would have, naming the first foreign key a row of `tables` breaks. */
async function checkForeignKeys(trx: Knex.Transaction, tables: readonly string[]): Promise<void> {
  const { rows: keys } = (await trx.raw(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY AS k (n, o)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
            array(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY AS k (n, o)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS references
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conparentid = 0 AND c.conrelid = ANY (?::regclass[])
      ORDER BY 2, 1`,
    [[...tables]],
  )) as { rows: ForeignKey[] };
  for (const key of keys) {
    // MATCH SIMPLE: a row with a NULL in the key references nothing.
    const present = key.columns.map((c) => `x.${c} IS NOT NULL`).join(' AND ');
    const same = key.columns.map((c, i) => `y.${key.references[i]} = x.${c}`).join(' AND ');
    const { rows } = (await trx.raw(
      `SELECT ${key.columns.map((c) => `x.${c}::text`).join(` || ', ' || `)} AS value FROM ${key.child} x
        WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${key.parent} y WHERE ${same}) LIMIT 1`,
    )) as { rows: { value: string }[] };
    if (rows[0]) throw new Error(`seed: ${key.child} breaks foreign key ${key.name}: (${rows[0].value}) is not in ${key.parent}`);
  }
}
