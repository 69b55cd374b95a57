import { subject } from '@casl/ability';
import type { Knex } from 'knex';
import type { QueryBuilder, Model } from 'objection';
import type { AppAbility } from '../../permissions/defineAbility.js';
import type { Action } from '../../permissions/vocabulary.js';
import { whereAllowed, type WhereBuilder } from '../access/abilityToSql.js';
import { readableResource, writableValues } from '../access/fieldAccess.js';
import type { ModelClass } from '../data/models.js';
import { commitBehind, sendAhead } from '../data/pipelinedConnections.js';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import { approvalCovers, workflowOf, type Transition } from '../../permissions/workflows.js';
import { checkPersons, personLookups, personsOf, requiredValues } from '../workflows/transitionRules.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { applyFilter, isIdTheKey } from './applyFilter.js';
import { aggregate, type AggregateQuery, type AggregateRow } from './aggregate.js';
import { countingRows, EXACT_COUNT_CAP, type RowCount } from './countRows.js';
import { copyCsv, type CsvTarget } from './exportCsv.js';
import type { ListParams } from './listParams.js';
import { parseBody } from './parseBody.js';
import { labelOfRow, readableLabels, type ReadableLabel } from './referenceLabels.js';
import { inSentence, listOf, stateWords, withArticle } from '../../permissions/words.js';
import { decodeWireId, withWireId } from './recordId.js';
import { ident } from '../../permissions/sqlText.js';

type Row = Record<string, unknown>;

export interface ResourceContext {
  trx: Knex.Transaction;
  resource: ResourceInfo;
  model: ModelClass;
  /** What the caller may do: checked before every query and added to its WHERE. */
  ability: AppAbility;
  /** The other resources, for the labels of what this one references (search and sort by them). */
  referenced?: (name: string) => ResourceInfo | undefined;
  /** The database's label views, for labels of targets the caller may not read. */
  labelViews?: ReadonlySet<string>;
}

/** The column whose value is the version a client saw (kept by the database's update trigger). */
const VERSION_COLUMN = 'updated_at';
const CHANGED_MEANWHILE = 'Someone else changed this record after you opened it; look at it again before saving.';

const VERB: Record<Action, string> = {
  read: 'see',
  create: 'create',
  update: 'change',
  delete: 'delete',
  approve: 'approve',
  export: 'export',
};

/**
 * The generic CRUD of one resource, run inside the request's transaction. Every operation
 * first asks the ability (403 when the action is not granted at all), then touches only the
 * rows and columns it allows; the database's own policies check the same again.
 */
export function resourceService({ trx, resource: full, model, ability, referenced = () => undefined, labelViews }: ResourceContext) {
  const resource = readableResource(full, ability);
  // Only lists and exports use them: worked out on their first use, not for every getOne or write.
  let labelsOnce: ReadableLabel[] | undefined;
  const labels = () => (labelsOnce ??= readableLabels(resource, ability, referenced, labelViews));
  const workflow = workflowOf(full.name);
  const versioned = full.fieldByName.get(VERSION_COLUMN)?.kind === 'datetime';
  const columns = resource.fields.map((f) => f.name);
  const jsonColumns = resource.fields.filter((f) => f.kind === 'json').map((f) => f.name);
  const one = resource.recordName;
  const query = (): QueryBuilder<Model, Model[]> => model.query(trx) as QueryBuilder<Model, Model[]>;
  const plain = (rows: unknown[], offset = 0): Row[] =>
    rows.map((r, i) => withWireId(resource, (r as Model).toJSON() as Row, offset + i));
  const toDatabase = (values: Row): Row =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, jsonColumns.includes(k) && v !== null ? JSON.stringify(v) : v]));
  const byKey = (id: unknown) => {
    const key = decodeWireId(full, id);
    return (q: QueryBuilder<Model, Model[]>) => q.where(Object.fromEntries(Object.entries(key).map(([c, v]) => [`${resource.table}.${c}`, v])));
  };
  const allowed = (action: Action) => {
    if (!ability.can(action, resource.name)) {
      throw forbidden(`You are not allowed to ${VERB[action]} ${resource.label.toLowerCase()}.`);
    }
    return (q: QueryBuilder<Model, Model[]>) => {
      whereAllowed(q as unknown as WhereBuilder, ability, action, resource.name, (c) => `${resource.table}.${c}`);
      return q;
    };
  };
  /** The record as the caller may see it, for writes that must check it first. */
  const visible = async (id: unknown): Promise<Row | undefined> =>
    (await byKey(id)(allowed('read')(query().select(columns))).first()) as Row | undefined;
  /** The caller may not do this to this record. */
  const refusedHere = (action: Action) => forbidden(`You are not allowed to ${VERB[action]} this ${one}.`);
  /** A write found no row: 403 when the caller can see it (but not do this to it), else 404. */
  const refusedOrMissing = async (action: Action, id: unknown) =>
    (await visible(id)) ? refusedHere(action) : notFound(`${resource.label}: no record ${String(id)}.`);
  /**
   * The record a write is about, within the caller's read and `action` conditions; else 403 or
   * 404. `also` are more columns to read beside it (not the record's own).
   */
  const reachable = async (action: Action, id: unknown, options: { lock?: boolean; also?: Knex.Raw[] } = {}): Promise<Model> => {
    const read = byKey(id)(allowed(action)(allowed('read')(query().select([...columns, ...(options.also ?? [])]))));
    // Held until the transaction ends: whatever follows meets the record as it was read.
    if (options.lock) read.forUpdate();
    const found = await read.first();
    if (!found) throw await refusedOrMissing(action, id);
    return found;
  };
  /** An UPDATE of the record within the caller's `action` conditions, returning what they may read. */
  const patchReachable = (action: Action, id: unknown, values: Row) =>
    byKey(id)(allowed(action)(query().patch(toDatabase(values) as never).returning(columns as never) as never));
  const firstRow = async (rows: PromiseLike<unknown>) => ((await rows) as unknown[])[0];
  /**
   * Whether a change is the request's last statement, its COMMIT going with it: then no
   * question can follow it, so the record is locked as it is read and a change that meets no
   * row is explained by what was read. A view's rows may not be lockable: asked as before.
   */
  const lastWithLock = (options: { last?: boolean }) => options.last === true && resource.kind !== 'view';

  /**
   * The rows a list shows, filtered and sorted, limited by the conditions of every action
   * given (each refused outright with 403 when not granted), with the columns all of them
   * allow. The list reads it a page at a time; the export streams all of it.
   */
  const matching = ({ sort, filter }: Pick<ListParams, 'sort' | 'filter'>, actions: Action[], options: { labelled?: boolean } = {}) => {
    const q = query();
    for (const action of actions) allowed(action)(q);
    const shown = columns.filter((c) => actions.every((action) => ability.can(action, resource.name, c)));
    applyFilter(q, resource, filter, labels());
    const sorts = sortColumns(resource, sort);
    const labelOf = labelsJoined(q, options.labelled ? labels().filter((l) => shown.includes(l.column) || sorts.some(([f]) => f === l.column)) : []);
    // An export reads as people do: beside each reference, the label of what it names ("vendor_id_label").
    q.select(
      options.labelled
        ? shown.flatMap((c) => {
            const label = labels().find((l) => l.column === c);
            return label ? [`${resource.table}.${c}`, trx.raw(`${labelOf(label)} AS ??`, [`${c}_label`])] : [`${resource.table}.${c}`];
          })
        : shown,
    );
    for (const [field, order] of sorts) {
      // A reference sorts by the label of what it names, as people read it, not by its key.
      const label = labels().find((l) => l.column === field);
      if (label) q.orderByRaw(`${labelOf(label)} ${order} NULLS LAST`);
      else q.orderBy(`${resource.table}.${field}`, order);
    }
    return q;
  };

  /**
   * Joins `q` to the targets of the labels given that are read in the target itself, and says
   * how the query reads each label: from its join, or (the others) by a subquery per row. An
   * export labels every row, and a million subqueries cost more than one hash join. A join
   * cannot repeat a row: a reference is a foreign key, whose target column is unique, and a
   * plain target table is read ONLY (labelSource), never with the tables inheriting from it. The
   * target is joined inside a LATERAL subquery, so the label's own alias (t) stays its own;
   * PostgreSQL pulls the subquery up into a plain outer join.
   */
  const labelsJoined = (q: QueryBuilder<Model, Model[]>, joined: readonly ReadableLabel[]) => {
    const direct = joined.filter((l) => !l.throughView);
    direct.forEach((l, i) =>
      q.joinRaw(
        `LEFT JOIN LATERAL (SELECT ${l.label} AS label FROM ${l.target} AS t WHERE t.${l.key} = ${ident(resource.table)}.${ident(l.column)}) AS ${ident(`gh_label_${i}`)} ON true`,
      ),
    );
    return (label: ReadableLabel): string => {
      const i = direct.indexOf(label);
      return i >= 0 ? `${ident(`gh_label_${i}`)}.label` : labelOfRow(label, resource.table);
    };
  };

  async function list(params: ListParams): Promise<{ rows: Row[] } & RowCount> {
    const { range } = params;
    const matched = matching(params, ['read']);
    // A table that was already big when the model was read is not asked to count with the page:
    // the database would skip the count, but only after planning it.
    const small = resource.kind === 'table' && resource.rowsWhenLoaded <= EXACT_COUNT_CAP;
    const counting = countingRows(trx, matched.toKnexQuery(), small ? resource : undefined);
    const [rows] = await Promise.all([matched.clone().offset(range.offset).limit(range.limit), counting.beside]);
    // A short page ends the list: its total is known. An empty one past the start was asked
    // for because an estimate promised more: where the list really ends is counted.
    const count: RowCount =
      rows.length < range.limit && rows.length > 0
        ? { total: range.offset + rows.length, estimated: false }
        : rows.length === 0 && range.offset > 0
          ? await counting.before(range.offset)
          : rows.length === 0
            ? { total: 0, estimated: false }
            : await counting.all();
    return { rows: plain(rows, range.offset), ...count };
  }

  /**
   * Every row of the list (no page) as CSV, streamed by PostgreSQL's COPY. It takes the
   * export grant, and the read one too: an export never shows a row or a column the list
   * would not.
   */
  async function exportCsv(params: Pick<ListParams, 'sort' | 'filter'>, target: CsvTarget): Promise<void> {
    const rows = matching(params, ['export', 'read'], { labelled: true });
    // RLS knows no "export": the database's own matrix lookup refuses the COPY as well.
    rows.whereRaw('(SELECT gatehouse.require(?, ?))', [resource.name, 'export']);
    await copyCsv(trx, rows.toKnexQuery().toQuery(), target);
  }

  /** The list summarised for a chart (see aggregate.ts). */
  async function summarise(params: Pick<ListParams, 'filter'>, q: AggregateQuery): Promise<AggregateRow[]> {
    return aggregate(trx, resource, matching({ filter: params.filter, sort: undefined }, ['read']).toKnexQuery(), q);
  }

  async function getOne(id: unknown, options: { last?: boolean } = {}): Promise<Row> {
    // Nothing follows the record's statement: as the request's last, it carries the COMMIT.
    const row = options.last ? await commitBehind(trx, () => visible(id)) : await visible(id);
    if (!row) throw notFound(`${resource.label}: no record ${String(id)}.`);
    return plain([row])[0]!;
  }

  /**
   * A new record; where the caller reaches only their own rows (or their tenant's), the column
   * naming them (their tenant) is filled when not given: `fills`, column to value. So is a
   * workflow's status without a default, with its first state.
   */
  async function create(body: unknown, fills: Readonly<Record<string, unknown>> = {}, options: { last?: boolean } = {}): Promise<Row> {
    allowed('create');
    if (!full.creatable) throw badRequest(`${full.label} cannot be created here: it needs a value the back-office never handles.`);
    const given = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Row) : undefined;
    // A record with a workflow starts in its first state: said here where the schema gives the status no default.
    const startsBare = workflow !== undefined && full.fieldByName.get(workflow.statusColumn)?.hasDefault === false;
    const filled = { ...(startsBare ? { [workflow.statusColumn]: workflow.initial } : {}), ...fills };
    const missing = Object.entries(filled).filter(([column, value]) => given !== undefined && value != null && [undefined, null, ''].includes(given[column] as never));
    const parsed = parseBody(full, missing.length ? { ...given, ...Object.fromEntries(missing) } : body, 'create');
    if (workflow && parsed[workflow.statusColumn] !== undefined && parsed[workflow.statusColumn] !== workflow.initial) {
      throw badRequest(`A new ${one} starts as ${stateWords(workflow.initial)}.`, {
        [workflow.statusColumn]: `Starts as ${workflow.initial}; use the record's actions afterwards.`,
      });
    }
    const values = writableValues(ability, 'create', full, parsed);
    if (!ability.can('create', subject(resource.name, { ...values }))) {
      throw refusedHere('create');
    }
    const insert = () => query().insert(toDatabase(values)).returning(columns as never);
    // As the request's last statement it carries the COMMIT: a refused insert rolls back with it.
    const row = options.last ? await commitBehind(trx, insert) : await insert();
    return plain([row])[0]!;
  }

  /** Someone else wrote first: 409 with the record as it is now, so the caller can look again. */
  const changedMeanwhile = async (id: unknown, message: string) => {
    const now = await visible(id);
    return now ? conflict(message, undefined, { record: plain([now])[0] }) : notFound(`${resource.label}: no record ${String(id)}.`);
  };

  /**
   * A plain edit. It never moves a workflow's status (that is what transitions are for), and
   * when the body carries the version the user saw (`updated_at`), a newer change wins: 409.
   */
  async function update(id: unknown, body: unknown, options: { last?: boolean } = {}): Promise<Row> {
    allowed('update');
    const parsed = parseBody(full, body, 'update');
    const last = lastWithLock(options);
    const existing = await reachable('update', id, { lock: last });
    const current = existing.toJSON() as Row;
    const seenVersion = versioned ? parsed[VERSION_COLUMN] : undefined;
    delete parsed[VERSION_COLUMN];
    keepStatus(parsed, current);
    const values = writableValues(ability, 'update', full, parsed, current);
    await reopenCovered(id, values, current);
    if (!ability.can('update', subject(resource.name, { ...current, ...values }))) {
      throw forbidden(`You are not allowed to move this ${one} out of your reach.`);
    }
    if (Object.keys(values).length === 0) return plain([existing])[0]!;
    const patch = patchReachable('update', id, values);
    if (seenVersion !== undefined && seenVersion !== null) patch.where(`${resource.table}.${VERSION_COLUMN}`, seenVersion as string);
    const row = last ? await commitBehind(trx, () => firstRow(patch)) : await firstRow(patch);
    if (row) return plain([row])[0]!;
    if (last) {
      // Locked since it was read, the record is as read: the version the caller saw is another one, or the database refused what the API allowed.
      if (seenVersion !== undefined && seenVersion !== null) throw conflict(CHANGED_MEANWHILE, undefined, { record: plain([existing])[0] });
      throw refusedHere('update');
    }
    // Gone meanwhile is a 404 either way; still there means someone saved first (or it moved out of reach).
    if (seenVersion !== undefined) throw await changedMeanwhile(id, CHANGED_MEANWHILE);
    throw await refusedOrMissing('update', id);
  }

  /**
   * An edit of what an approval covers (a step's `covers`): refused once no step leaves the
   * record's state, else the record goes back to where the step starts (the workflow trigger
   * does the same, and clears the step's stamps). Values are compared by PostgreSQL, as the
   * trigger compares them: 175000 is 175000.00.
   */
  async function reopenCovered(id: unknown, values: Row, current: Row): Promise<void> {
    if (!workflow) return;
    const state = String(current[workflow.statusColumn]);
    for (const cover of approvalCovers(workflow)) {
      const touched = cover.columns.filter((c) => c in values);
      if (touched.length === 0 || ![...cover.reopens, ...cover.refuses].includes(state)) continue;
      const given = toDatabase(values);
      const differs = touched.map((c) => `?? IS DISTINCT FROM ?::${full.fieldByName.get(c)!.pgType}`).join(' OR ');
      const bindings = touched.flatMap((c) => [`${resource.table}.${c}`, given[c]]);
      const found = (await byKey(id)(query().select(trx.raw(`(${differs}) AS changed`, bindings as never[]))).first()) as { changed?: boolean } | undefined;
      if (!found?.changed) continue;
      if (cover.refuses.includes(state)) {
        const names = listOf(touched.map((c) => full.fieldByName.get(c)!.label));
        const why = `this ${one} was approved ("${cover.step.label}") and is ${stateWords(state)} now`;
        throw conflict(`${names} can no longer change: ${why}.`, Object.fromEntries(touched.map((c) => [c, `This can no longer change: ${why}.`])));
      }
      values[workflow.statusColumn] = cover.backTo;
      return;
    }
  }

  /** A status in a plain edit: the same value is no change; another one is refused. */
  function keepStatus(values: Row, current: Row): void {
    if (!workflow || values[workflow.statusColumn] === undefined) return;
    if (values[workflow.statusColumn] === current[workflow.statusColumn]) {
      delete values[workflow.statusColumn];
      return;
    }
    const actions = workflow.transitions.map((t) => t.label.toLowerCase()).join(', ');
    throw conflict(`The ${inSentence(full.fieldByName.get(workflow.statusColumn)?.label ?? workflow.statusColumn)} of ${withArticle(one)} changes only through its actions (${actions}).`, {
      [workflow.statusColumn]: 'Use the actions of the record to change this.',
    });
  }

  /**
   * A workflow transition: the action it needs, on a record the caller can reach, from one of
   * its states, by someone allowed to (never one's own approval), with the fields it requires.
   * Two at once on one record: the second finds the state changed and gets 409. As a request's
   * last statement (`last`) it takes three round trips: the caller's identity; the action (for
   * the database's workflow policy and the audit trail) with the record, locked, and the
   * persons it is compared with; the change with its COMMIT.
   */
  async function transition(id: unknown, t: Transition, body: unknown, callerId: string, options: { last?: boolean } = {}): Promise<Row> {
    if (!workflow) throw notFound(`${resource.label} has no workflow.`);
    const last = lastWithLock(options);
    // Checked now, said after what the record itself refuses (404, 409, 403), as it always was.
    let given: Row = {};
    let invalid: unknown;
    try {
      given = requiredValues(full, t, body);
    } catch (err) {
      invalid = err;
    }
    const reason = (body as { reason?: unknown } | null)?.reason ?? Object.values(given).find((v) => typeof v === 'string') ?? null;
    // Transaction-local, and sent ahead of the record's statement: the policy that lets a
    // transition lock and change the record reads it (and every later write is this action's).
    const acting = await sendAhead(trx, `SELECT set_config('app.action', $1, true), set_config('app.reason', $2, true)`, [
      t.name,
      reason === null ? '' : String(reason),
    ]);
    const lookups = personLookups(t, resource.table);
    const [, found] = await Promise.all([
      acting.answered,
      reachable(t.needs, id, { lock: last, also: lookups.map((l) => trx.raw(`${l.sql} AS ??`, [l.alias])) }),
    ]);
    const looked = Object.fromEntries(lookups.map((l) => [l.rule, (found as unknown as Row)[l.alias]]));
    for (const l of lookups) delete (found as unknown as Row)[l.alias];
    const current = found.toJSON() as Row;
    const state = current[workflow.statusColumn];
    if (!t.from.includes(String(state))) {
      throw conflict(`${t.label} is only possible while the ${one} is ${listOf(t.from.map(stateWords), 'or')}; it is ${stateWords(state)} now.`, undefined, {
        record: plain([found])[0],
      });
    }
    checkPersons(t, personsOf(t, current, looked), callerId, resource.label);
    if (invalid) throw invalid;
    // Who decided and when (t.sets) are written by the database's workflow trigger.
    const patch = patchReachable(t.needs, id, { ...given, [workflow.statusColumn]: t.to }).whereIn(`${resource.table}.${workflow.statusColumn}`, [...t.from]);
    const row = last ? await commitBehind(trx, () => firstRow(patch)) : await firstRow(patch);
    if (row) return plain([row])[0]!;
    // Locked since it was read, the record is in a state the transition leaves: the database refused what the API allowed.
    if (last) throw refusedHere(t.needs);
    throw await changedMeanwhile(id, `Someone else acted on this ${one} first.`);
  }

  async function remove(id: unknown): Promise<Row> {
    const row = await firstRow(byKey(id)(allowed('delete')(query().delete().returning(columns as never) as never)));
    if (!row) throw await refusedOrMissing('delete', id);
    return plain([row])[0]!;
  }

  return { list, exportCsv, summarise, getOne, create, update, remove, transition };
}

/** The requested sort, then the primary key, so pages are stable. */
function sortColumns(resource: ResourceInfo, sort: ListParams['sort']): [string, 'asc' | 'desc'][] {
  const order = (sort?.order ?? resource.defaultSort.order).toLowerCase() as 'asc' | 'desc';
  const requested = sort?.field ?? resource.defaultSort.field;
  const columns = requested === 'id' && !isIdTheKey(resource) && resource.primaryKey.length ? resource.primaryKey : [requested];
  for (const c of columns) {
    const f = resource.fieldByName.get(c);
    if (!f) throw badRequest(`Cannot sort by ${requested}: no such field.`, { sort: `Unknown field ${requested}.` });
    if (f.kind === 'json') throw badRequest(`Cannot sort by ${requested}.`, { sort: `${f.label} cannot be sorted.` });
  }
  const tieBreak = resource.primaryKey.filter((c) => !columns.includes(c));
  return [...columns.map((c): [string, 'asc' | 'desc'] => [c, order]), ...tieBreak.map((c): [string, 'asc' | 'desc'] => [c, 'asc'])];
}
