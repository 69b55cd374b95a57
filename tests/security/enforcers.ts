import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ADMINISTRATOR_ROLE } from '../../permissions/abilityOfCaller.js';
import { FIELD_RESTRICTIONS, writeOnlyColumns } from '../../permissions/fieldRules.js';
import { OWN_ROWS } from '../../permissions/ownRows.js';
import { isSecretColumn } from '../../permissions/secrets.js';
import { workflowOf } from '../../permissions/workflows.js';
import { ROLES, type Role } from '../../permissions/vocabulary.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import type { ResourceInfo } from '../../server/meta/schemaModel.js';
import type { FieldMeta } from '../../server/meta/types.js';
import { withWireId } from '../../server/resources/recordId.js';
import { ApiClient, listQuery } from '../support/httpClient.js';

/**
 * The two enforcers, asked the same questions. A case is one role doing one action on one
 * resource (on one record for update and delete); each side's answer is reduced to an
 * outcome: `ok` (with the rows a read returns), `refused`, or `invalid` (the data itself
 * was refused: a constraint, never a permission).
 */
export type Verb = 'read' | 'create' | 'update' | 'delete' | 'approve' | 'export';
export interface Outcome {
  kind: 'ok' | 'refused' | 'invalid' | 'error';
  rows?: string[];
  /** For reads: the columns the rows carried. */
  columns?: string[];
  detail?: string;
}
export interface Caller {
  /** How the caller is named in a disagreement: their role, or their roles joined by "+". */
  role: string;
  /** Every role the caller holds. */
  roles: Role[];
  id: string;
  api: ApiClient;
}
export interface Case {
  caller: Caller;
  resource: ResourceInfo;
  verb: Verb;
  /** For update/delete: the record; `mine` says whether it is one of the caller's own. */
  target?: { id: string; key: Record<string, unknown>; mine: boolean };
  /** For create/update: the values sent. */
  values?: Record<string, unknown>;
}

export const PAGE = 50;

/**
 * The demo person of each role, signed in. A person holding more roles than the one they stand
 * for (a demo organiser who also designs) is asked about as what they are: every role their
 * session carries, named together ("organizer+designer").
 */
export async function signInEveryRole(knex: Knex, baseUrl: string, emailOf: (role: string) => string = demoEmail): Promise<Caller[]> {
  return Promise.all(
    ROLES.map(async (role) => {
      const api = new ApiClient(baseUrl);
      await api.login(emailOf(role), DEMO_PASSWORD);
      const me = (await api.get('/api/auth/me')).json as { id: string; roles: Role[] };
      const roles = me.roles.includes(role) ? [role, ...me.roles.filter((r) => r !== role)] : me.roles;
      return { role: roles.join('+'), roles, id: me.id, api };
    }),
  );
}

const sqlName = (r: ResourceInfo) => `"${r.schema}"."${r.table}"`;
const wireIds = (resource: ResourceInfo, rows: Record<string, unknown>[]) =>
  rows.map((row, i) => String(withWireId(resource, row, i).id));
const jsonReady = (resource: ResourceInfo, values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, resource.fieldByName.get(k)?.kind === 'json' && v !== null ? JSON.stringify(v) : v]),
  );
const restricted = (resource: ResourceInfo, column: string) =>
  FIELD_RESTRICTIONS.some((r) => r.table === resource.name && r.columns.includes(column));

/** The SQL condition that picks a caller's own rows of a table, if "own" is defined there for any of their roles. */
function ownCondition(knex: Knex, caller: Caller, resource: ResourceInfo): Knex.Raw | undefined {
  const conditions = caller.roles.flatMap((role) => {
    const rule = OWN_ROWS[role]?.[resource.name];
    if (!rule) return [];
    if ('equalsUser' in rule) return [knex.raw('?? = ?', [rule.column, caller.id])];
    if ('in' in rule) return [knex.raw(`?? = ANY (gatehouse.owned_ids(?, ?))`, [rule.column, rule.in, caller.id])];
    return [knex.raw(`?? = gatehouse.caller_tenant(?)`, [rule.column, caller.id])];
  });
  if (conditions.length === 0) return undefined;
  return knex.raw(conditions.map(() => '(?)').join(' OR '), conditions);
}

/** A column that can be written back with its own value: not a key, not restricted, not the owner column. */
function harmlessColumn(resource: ResourceInfo, caller: Caller): FieldMeta | undefined {
  const ownColumns = caller.roles.map((role) => OWN_ROWS[role]?.[resource.name]?.column);
  // A role the pack limits to some columns of the table (writeOnly) writes one of those.
  const limits = caller.roles.map((role) => writeOnlyColumns(role, resource.name));
  const within = (name: string) => limits.some((only) => !only || only.includes(name));
  const ok = (f: FieldMeta) =>
    !f.primaryKey && !f.readOnly && !f.unique && !f.reference && !ownColumns.includes(f.name) && !restricted(resource, f.name) && !isSecretColumn(f.name) && within(f.name);
  const preferred = ['text', 'longtext', 'integer', 'decimal', 'money', 'boolean', 'enum', 'date'];
  return resource.fields.find((f) => ok(f) && preferred.includes(f.kind)) ?? resource.fields.find(ok);
}

/** A new row copied from an existing one (the caller's own where "own" applies), with fresh keys and unique values. */
function newRowFrom(resource: ResourceInfo, template: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const workflow = workflowOf(resource.name);
  for (const f of resource.fields) {
    // A new record of a workflow starts in its first state (the default), as the SPA sends it.
    if (f.name === workflow?.statusColumn) continue;
    // An empty value is left out, as the API leaves it out: the column's default applies.
    if (f.readOnly || isSecretColumn(f.name) || template[f.name] === undefined || template[f.name] === null) continue;
    const stamp = f.name === 'created_at' || f.name === 'updated_at';
    // A partitioned table's time stamps stay the template's: "now" may fall in no partition.
    if (f.hasDefault && (f.primaryKey || stamp) && !(stamp && resource.kind === 'partitioned')) continue;
    let value = template[f.name];
    // Fresh keys, except a key that refers to another row (a link table's): a made-up one refers to nothing.
    if (f.unique || (f.primaryKey && !f.hasDefault && !f.reference)) {
      if (f.kind === 'uuid') value = randomUUID();
      else if (f.kind === 'text' || f.kind === 'longtext') value = `t${randomUUID().replace(/-/g, '')}`.slice(0, f.maxLength ?? 33);
    }
    values[f.name] = value;
  }
  return values;
}

/** Every case for these callers and resources: read, create, approve and export once; update and delete per target record. */
export async function buildCases(knex: Knex, callers: Caller[], resources: ResourceInfo[]): Promise<Case[]> {
  const cases: Case[] = [];
  for (const resource of resources) {
    if (resource.primaryKey.length === 0) continue;
    const anyRows = (await knex(knex.raw(sqlName(resource))).select('*').orderBy(resource.primaryKey).limit(1)) as Record<string, unknown>[];
    for (const caller of callers) {
      cases.push({ caller, resource, verb: 'read' }, { caller, resource, verb: 'export' });
      // Nothing is approved on a read-only resource (a view): neither side offers it.
      if (!resource.readOnly) cases.push({ caller, resource, verb: 'approve' });
      const own = ownCondition(knex, caller, resource);
      const mine = own
        ? ((await knex(knex.raw(sqlName(resource))).select('*').where(own).orderBy(resource.primaryKey).limit(1)) as Record<string, unknown>[])
        : [];
      const others = own
        ? ((await knex(knex.raw(sqlName(resource))).select('*').whereNot(own).orderBy(resource.primaryKey).limit(1)) as Record<string, unknown>[])
        : anyRows;
      const targets = [...mine.map((row) => ({ row, mine: true })), ...others.map((row) => ({ row, mine: false }))];
      const template = (mine[0] ?? others[0]) as Record<string, unknown> | undefined;
      if (template && !resource.readOnly) cases.push({ caller, resource, verb: 'create', values: newRowFrom(resource, template) });
      if (resource.readOnly) continue;
      const column = harmlessColumn(resource, caller);
      for (const { row, mine: isMine } of targets) {
        const key = Object.fromEntries(resource.primaryKey.map((c) => [c, row[c]]));
        const target = { id: wireIds(resource, [row])[0]!, key, mine: isMine };
        if (column) cases.push({ caller, resource, verb: 'update', target, values: { [column.name]: row[column.name] } });
        cases.push({ caller, resource, verb: 'delete', target });
      }
    }
  }
  return cases;
}

const apiKind = (status: number): Outcome['kind'] =>
  status < 300 ? 'ok' : status === 403 || status === 404 ? 'refused' : status === 400 || status === 409 ? 'invalid' : 'error';

/** The API's answer. Writes are only safe to ask of a server started with `rollbackWrites`. */
export async function askApi(c: Case): Promise<Outcome> {
  const path = `/api/${encodeURIComponent(c.resource.name)}`;
  const idPath = c.target ? `${path}/${encodeURIComponent(c.target.id)}` : path;
  let res;
  switch (c.verb) {
    case 'read': {
      const sort = [c.resource.primaryKey.length === 1 ? c.resource.primaryKey[0] : 'id', 'ASC'];
      res = await c.caller.api.get(`${path}${listQuery({ sort, range: [0, PAGE - 1] })}`);
      if (res.status === 200) {
        const rows = res.json as Record<string, unknown>[];
        return { kind: 'ok', rows: rows.map((r) => String(r.id)), columns: rows[0] ? Object.keys(rows[0]).filter((k) => c.resource.fieldByName.has(k)) : [] };
      }
      break;
    }
    case 'export': {
      // The real export; only its status and whether any row follows the header are wanted.
      const download = await fetch(`${c.caller.api.baseUrl}${path}?format=csv`, { headers: { cookie: c.caller.api.cookieHeader } });
      const hasRows = await beyondFirstLine(download.body);
      return { kind: apiKind(download.status), rows: hasRows ? ['(rows)'] : [], detail: String(download.status) };
    }
    case 'approve': {
      // No record action exists yet to try: the API's answer is the action it lists in /api/meta.
      res = await c.caller.api.get('/api/meta');
      const meta = (res.json as { resources: { name: string; actions: string[] }[] }).resources.find((r) => r.name === c.resource.name);
      return { kind: meta?.actions.includes(c.verb) ? 'ok' : 'refused' };
    }
    case 'create':
      res = await c.caller.api.post(path, c.values);
      break;
    case 'update':
      res = await c.caller.api.put(idPath, c.values);
      break;
    case 'delete':
      res = await c.caller.api.delete(idPath);
      break;
  }
  return { kind: apiKind(res.status), detail: `${res.status} ${String((res.json as { message?: string } | undefined)?.message ?? '')}` };
}

/** Reads a stream just far enough to tell whether anything follows its first line, then drops it. */
async function beyondFirstLine(body: ReadableStream<Uint8Array> | null): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) text += Buffer.from(value).toString('utf8');
      const newline = text.indexOf('\n');
      if (newline >= 0 && text.length > newline + 1) return true;
      if (done) return false;
    }
  } finally {
    await reader.cancel();
  }
}

/** Runs `fn` as the API's database role would for this caller, and always rolls back. */
export async function asCaller<T>(
  knex: Knex,
  caller: { id: string; role: string; roles?: readonly string[] },
  fn: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  const trx = await knex.transaction();
  const roles = caller.roles ?? [caller.role];
  try {
    await trx.raw(
      `SELECT set_config('app.user_id', ?, true), set_config('app.role', ?, true), set_config('app.roles', ?, true),
              set_config('role', gatehouse.session_db_role(string_to_array(?, ',')), true)`,
      [caller.id, roles[0]!, roles.join(','), roles.join(',')],
    );
    return await fn(trx);
  } finally {
    await trx.rollback();
  }
}

/**
 * Would the table's own rules (checks, triggers) accept the same row from the administrator, who
 * sees every row (the owner would not: govern forces RLS on it too)? A copied key the row
 * already has is no objection here. Always rolled back.
 */
async function administratorMayInsert(knex: Knex, c: Case): Promise<boolean> {
  return asCaller(knex, { id: c.caller.id, role: ADMINISTRATOR_ROLE }, async (trx) => {
    try {
      await trx(knex.raw(sqlName(c.resource))).insert(jsonReady(c.resource, c.values!)).onConflict().ignore();
      return true;
    } catch {
      return false;
    }
  });
}

const dbKind = (err: unknown): Outcome => {
  const code = (err as { code?: string }).code ?? '';
  if (code === '42501') return { kind: 'refused', detail: (err as Error).message };
  if (/^(22|23)/.test(code) || code === 'P0001') return { kind: 'invalid', detail: (err as Error).message };
  return { kind: 'error', detail: `${code} ${(err as Error).message}` };
};

/**
 * The database's answer to the same case, asked directly as the caller's database role. A
 * read selects `columns` besides the key (the columns the API returned), so a column the API
 * shows but the database would refuse is a disagreement too.
 */
export async function askDatabase(knex: Knex, c: Case, columns: string[] = []): Promise<Outcome> {
  const table = knex.raw(sqlName(c.resource));
  return asCaller(knex, c.caller, async (trx) => {
    try {
      switch (c.verb) {
        case 'read': {
          const selected = [...new Set([...c.resource.primaryKey, ...columns])];
          const rows = await trx(table).select(selected).orderBy(c.resource.primaryKey).limit(PAGE);
          return { kind: 'ok', rows: wireIds(c.resource, rows) };
        }
        case 'approve':
        case 'export': {
          const { rows } = await trx.raw('SELECT gatehouse.allows(?, ?) AS allowed', [c.resource.name, c.verb]);
          return { kind: rows[0].allowed ? 'ok' : 'refused' };
        }
        case 'create':
          try {
            await trx(table).insert(jsonReady(c.resource, c.values!));
          } catch (err) {
            const outcome = dbKind(err);
            // Data the administrator may insert, refused only for this caller (the schema's own
            // trigger failing to find a row the caller may not see), is a refusal, not bad data.
            // A duplicate key is bad data for anyone.
            const duplicate = (err as { code?: string }).code === '23505';
            if (outcome.kind === 'invalid' && !duplicate && (await administratorMayInsert(knex, c))) return { kind: 'refused', detail: outcome.detail };
            return outcome;
          }
          return { kind: 'ok' };
        case 'update': {
          const rows = await trx(table).where(c.target!.key).update(jsonReady(c.resource, c.values!)).returning(c.resource.primaryKey);
          return { kind: rows.length ? 'ok' : 'refused' };
        }
        case 'delete': {
          const rows = await trx(table).where(c.target!.key).delete().returning(c.resource.primaryKey);
          return { kind: rows.length ? 'ok' : 'refused' };
        }
      }
    } catch (err) {
      return dbKind(err);
    }
  });
}

/**
 * Reads agree when both return the same rows (a refusal is no rows); other verbs when both
 * reach the same outcome.
 */
export function agree(c: Case, api: Outcome, db: Outcome): boolean {
  if (api.kind === 'error' || db.kind === 'error') return false;
  if (c.verb === 'read') return JSON.stringify(api.rows ?? []) === JSON.stringify(db.rows ?? []);
  return api.kind === db.kind;
}

export const describeCase = (c: Case) =>
  `${c.caller.role} ${c.verb} ${c.resource.name}${c.target ? ` ${c.target.mine ? 'own' : 'other'} ${c.target.id}` : ''}`;

/** How often the API allowed, refused, or refused on the data's account, per verb. */
export type Tally = Map<Verb, { ok: number; refused: number; invalid: number }>;

/**
 * Asks both enforcers every case, one after the other: the cases where they disagree (described),
 * and the tally of the API's answers (a walk means something only if every verb meets both).
 */
export async function compareEnforcers(knex: Knex, cases: Case[]): Promise<{ disagreements: string[]; tally: Tally }> {
  const disagreements: string[] = [];
  const tally: Tally = new Map();
  for (const c of cases) {
    const api = await askApi(c);
    const db = await askDatabase(knex, c, api.columns);
    if (!agree(c, api, db)) {
      disagreements.push(`${describeCase(c)}: API ${api.kind} ${api.detail ?? ''} ${api.rows?.length ?? ''} / database ${db.kind} ${db.detail ?? ''} ${db.rows?.length ?? ''}`);
    }
    const t = tally.get(c.verb) ?? { ok: 0, refused: 0, invalid: 0 };
    const kind = c.verb === 'read' ? (api.rows?.length ? 'ok' : 'refused') : api.kind;
    if (kind === 'ok' || kind === 'refused' || kind === 'invalid') t[kind]++;
    tally.set(c.verb, t);
  }
  return { disagreements, tally };
}
