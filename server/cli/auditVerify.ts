import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { openDatabase } from '../data/openDatabase.js';
import { loadEnv } from '../env.js';
import { readGovernance } from '../meta/governance.js';
import { qualifiedTable } from '../../permissions/sqlText.js';

/** The first entry of the audit trail that does not check out, and why. */
export interface BrokenLink {
  id: number;
  table: string;
  record: string | null;
  problem: string;
}

export interface AuditVerdict {
  /** False when the database has no audit trail at all. */
  installed: boolean;
  rows: number;
  /** The last entry: record its hash elsewhere to detect, later, entries cut off the end. */
  head?: { id: number; hash: string };
  broken?: BrokenLink;
}

interface WalkRow {
  id: string | number;
  table_name: string;
  record_id: string | null;
  prev_hash: string | null;
  hash: string;
  previous_id: string | number | null;
  previous_hash: string | null;
  recomputed: string;
}

/**
 * Walks the chain in id order and recomputes every hash in SQL, with the very functions the
 * trigger used (`gatehouse.audit_content`, `gatehouse.audit_link`), so no canonical form is
 * reimplemented here. An entry is broken when its content no longer gives its hash (it was
 * altered), when it does not link to the entry before it (one before it was rewritten, or
 * removed), or when ids skip (entries were removed). Reports the first broken entry.
 */
export async function verifyAuditTrail(knex: Knex): Promise<AuditVerdict> {
  const named = (await readGovernance(knex))?.auditTable;
  if (!named) return { installed: false, rows: 0 };
  const { rows: present } = await knex.raw<{ rows: { installed: boolean }[] }>(
    `SELECT to_regclass(?) IS NOT NULL AND to_regprocedure('gatehouse.audit_link(text, text)') IS NOT NULL AS installed`,
    [qualifiedTable(named)],
  );
  if (!present[0]?.installed) return { installed: false, rows: 0 };
  const auditLog = qualifiedTable(named);
  const { rows: walk } = await knex.raw<{ rows: WalkRow[] }>(`
    WITH walk AS (
      SELECT id, table_name, record_id, prev_hash, hash,
             lag(id) OVER w AS previous_id, lag(hash) OVER w AS previous_hash,
             gatehouse.audit_link(prev_hash, gatehouse.audit_content(id, created_at, user_id, user_email, user_role, db_user, table_name,
                                  record_id, operation, action, reason, request_id, before, after)) AS recomputed
        FROM ${auditLog}
      WINDOW w AS (ORDER BY id)
    )
    SELECT * FROM walk
     WHERE recomputed IS DISTINCT FROM hash OR prev_hash IS DISTINCT FROM previous_hash OR id <> coalesce(previous_id, 0) + 1
     ORDER BY id
     LIMIT 1`);
  const { rows: totals } = await knex.raw<{ rows: { rows: string | number; head_id: string | number | null; head_hash: string | null }[] }>(`
    SELECT (SELECT count(*) FROM ${auditLog}) AS rows,
           (SELECT id FROM ${auditLog} ORDER BY id DESC LIMIT 1) AS head_id,
           (SELECT hash FROM ${auditLog} ORDER BY id DESC LIMIT 1) AS head_hash`);
  const total = totals[0]!;
  const verdict: AuditVerdict = {
    installed: true,
    rows: Number(total.rows),
    ...(total.head_id !== null ? { head: { id: Number(total.head_id), hash: total.head_hash! } } : {}),
  };
  const bad = walk[0];
  if (bad) verdict.broken = { id: Number(bad.id), table: bad.table_name, record: bad.record_id, problem: problemOf(bad) };
  return verdict;
}

function problemOf(row: WalkRow): string {
  const id = Number(row.id);
  const previous = row.previous_id === null ? undefined : Number(row.previous_id);
  if (row.recomputed !== row.hash) {
    return `its content no longer matches its hash (stored ${short(row.hash)}, recomputed ${short(row.recomputed)}): the entry was altered after it was written`;
  }
  if (previous === undefined && id !== 1) return `the trail starts at #${id}: entries #1–#${id - 1} are missing`;
  if (previous !== undefined && id !== previous + 1) return `entries #${previous + 1}–#${id - 1} are missing between #${previous} and #${id}`;
  if (previous === undefined) return `it is the first entry but links to ${short(row.prev_hash)} instead of nothing`;
  return `it links to ${short(row.prev_hash)} but entry #${previous} has hash ${short(row.previous_hash)}: entry #${previous} (or one before it) was rewritten`;
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : 'nothing');

/** The verdict as `npm run audit:verify` prints it. */
export function describeVerdict(verdict: AuditVerdict): string {
  if (!verdict.installed) return 'This database has no audit trail (its governance record names none, or the table and its functions are missing).';
  const head = verdict.head ? ` (last entry #${verdict.head.id}, hash ${verdict.head.hash})` : '';
  if (!verdict.broken) return `audit trail intact: ${verdict.rows} rows${head}`;
  const { id, table, record, problem } = verdict.broken;
  return `audit trail BROKEN at entry #${id} (${table}${record ? ` ${record}` : ''}): ${problem}`;
}

/** `npm run audit:verify`: exits 0 when the whole chain checks out, 1 at the first broken link, 2 without a trail. */
async function main(): Promise<number> {
  const db = await openDatabase(loadEnv());
  try {
    const verdict = await verifyAuditTrail(db.knex);
    const text = describeVerdict(verdict);
    if (verdict.installed && !verdict.broken) console.log(text);
    else console.error(text);
    return !verdict.installed ? 2 : verdict.broken ? 1 : 0;
  } finally {
    await db.close();
  }
}

// Run as a script only (tests import verifyAuditTrail). The exit is explicit: the embedded
// server's exit hooks would otherwise end the process with 0.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exit(await main());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(3);
  }
}
