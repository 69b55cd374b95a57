import { PACK } from './activePack.js';
import type { Author } from './packModel.js';
import { ident, sqlNameOfResource } from './sqlText.js';

/**
 * Columns that name who wrote a record (the pack's authors). The database fills them with the
 * caller on insert (a default and a trigger that overrides whatever was sent), and nobody
 * writes them: maker-checker rules and the inbox rely on them being true.
 */
export type { Author };

export const AUTHORS: readonly Author[] = PACK.authors;

/** The default and the stamping trigger of every author column (one generic function). */
export function authorsSql(): string {
  return [
    `CREATE FUNCTION gatehouse.stamp_author() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        IF auth.uid() IS NULL THEN RETURN NEW; END IF; -- written outside the API: kept as given
        RETURN jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], auth.uid()));
      END $fn$;`,
    ...AUTHORS.map(
      (a) => `ALTER TABLE ${sqlNameOfResource(a.table)} ALTER COLUMN ${ident(a.column)} SET DEFAULT auth.uid();
    CREATE TRIGGER ${authorTriggerName(a)} BEFORE INSERT ON ${sqlNameOfResource(a.table)}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.stamp_author('${a.column}');`,
    ),
  ].join('\n');
}

export const authorTriggerName = (a: Author) => ident(`${a.table.replace(/\W/g, '_')}_stamp_author`);
