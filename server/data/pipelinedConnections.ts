import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import type pg from 'pg';

/**
 * Pipelined connections for the data API: node-postgres's pipeline mode writes a statement
 * as soon as it is asked for, without waiting for the answer to the one before. Code that
 * awaits each statement behaves as before; statements asked for together (a transaction's
 * start and the caller's identity, a page and its total's estimate) share one round trip.
 */

/** node-postgres's client in pipeline mode; `pipeline` is public but missing from its typings. */
export type PipelinedClient = pg.Client & { pipeline: boolean };

type KnexTransactionClass = new (client: Knex.Client, container: unknown, config: unknown, outerTx: unknown) => {
  begin(conn: PipelinedClient): Promise<unknown>;
  query(conn: PipelinedClient, sql: string, status?: number, value?: unknown): Promise<unknown>;
  trxClient: { query(conn: PipelinedClient, sql: string): Promise<unknown> };
  isolationLevel?: string;
  readOnly?: boolean;
};

const require = createRequire(import.meta.url);
// Knex's own PostgreSQL transaction, outside its typed API: what changes is when BEGIN and COMMIT are awaited.
const PgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction.js') as KnexTransactionClass;

/** The BEGIN each connection's transaction sent without waiting, until someone waits for it. */
const begun = new WeakMap<object, Promise<unknown>>();
/** Connections whose writes coalesce (coalesceWrites): only they can send a COMMIT behind a statement. */
const coalescing = new WeakSet<object>();
/** Connections whose next statement is their transaction's last: its COMMIT is written right behind it. */
const commitAfterNext = new WeakSet<object>();
/** The COMMIT a connection's transaction wrote behind its last statement, until the transaction's end takes its answer. */
const committedBehind = new WeakMap<object, Promise<unknown>>();
/** Transactions whose last statement may carry their COMMIT (not those a test rolls back on purpose). */
const mayCommitBehind = new WeakSet<object>();

/**
 * A transaction whose BEGIN is written and not waited for: the first statement of the
 * transaction follows it on the wire, in the same round trip. Pipeline mode keeps the order,
 * and `transactionBegun` lets the first statement's caller learn whether BEGIN failed, so no
 * statement ever runs outside the transaction it was meant for without the caller knowing.
 * Where the last statement already carried the COMMIT (`commitBehind`), the transaction's end
 * waits for that COMMIT's answer instead of sending another: a COMMIT after a failed statement
 * is PostgreSQL's ROLLBACK, so a failure still undoes everything.
 */
class PipelinedTransaction extends PgTransaction {
  override begin(conn: PipelinedClient): Promise<unknown> {
    if (!conn.pipeline || this.isolationLevel || this.readOnly) return super.begin(conn);
    const sent = conn.query('BEGIN');
    // Its failure is reported by transactionBegun, to whoever sends the first statement.
    sent.catch(() => undefined);
    begun.set(conn, sent);
    return Promise.resolve();
  }

  override query(conn: PipelinedClient, sql: string, status?: number, value?: unknown): Promise<unknown> {
    // Status 1 and 2 are knex's COMMIT and ROLLBACK, the transaction's end.
    if (status !== 1 && status !== 2) return super.query(conn, sql, status, value);
    commitAfterNext.delete(conn);
    const sent = committedBehind.get(conn);
    if (!sent) return super.query(conn, sql, status, value);
    committedBehind.delete(conn);
    // Knex's own bookkeeping of the end, with the answer of the COMMIT already sent.
    const trxClient = this.trxClient;
    const ownQuery = trxClient.query;
    trxClient.query = () => sent;
    try {
      return super.query(conn, sql, status, value);
    } finally {
      trxClient.query = ownQuery;
    }
  }
}

/** Connection settings that put every connection of a pool in pipeline mode. */
export const PIPELINED = { pipeline: true } as const;

/**
 * Makes the statements a connection is asked for in the same turn of the event loop (a BEGIN
 * and the first statement, a page and its estimate) leave in one write to the socket, not one
 * each: the socket is corked at the first and uncorked once the turn's promise jobs have run.
 */
export function coalesceWrites(client: PipelinedClient): void {
  const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
  // The class's own method, looked up at each call: whatever wraps it later (a tracer) still sees every statement.
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => Promise<unknown> };
  let corked = false;
  coalescing.add(client);
  client.query = ((...args: unknown[]) => {
    // Knex knows nothing of a COMMIT sent behind a statement: a statement after it would run outside the transaction.
    if (committedBehind.has(client)) throw new Error('A statement was asked for after its transaction’s last one (its COMMIT is already sent).');
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(() => {
        corked = false;
        stream.uncork();
      });
    }
    const result = proto.query.apply(client, args);
    if (commitAfterNext.delete(client)) {
      const commit = proto.query.call(client, 'COMMIT');
      // Its answer is taken, failure included, when the transaction ends.
      commit.catch(() => undefined);
      committedBehind.set(client, commit);
    }
    return result;
  }) as typeof client.query;
}

/** Lets the transaction's last statement carry its COMMIT (withUserContext, for a transaction meant to commit). */
export function allowCommitBehind(trx: Knex.Transaction): void {
  mayCommitBehind.add(trx);
}

/**
 * Runs the transaction's last statement with its COMMIT written right behind it, in the same
 * round trip, where the connection allows it; else as usual. Nothing may be asked of the
 * transaction after it (it would be refused), and nothing after it may fail: once the
 * statement succeeds its change is committed whatever follows.
 */
export async function commitBehind<T>(trx: Knex.Transaction, statement: () => PromiseLike<T>): Promise<T> {
  if (mayCommitBehind.has(trx)) {
    const conn = (await trx.client.acquireConnection()) as PipelinedClient;
    if (conn.pipeline && coalescing.has(conn)) commitAfterNext.add(conn);
  }
  return statement();
}

/** Makes the transactions of a Knex whose connections are pipelined begin with their first statement (and may end with their last). */
export function pipelineTransactions(knex: Knex): void {
  const client = knex.client as { transaction: unknown };
  client.transaction = function (this: Knex.Client, container: unknown, config: unknown, outerTx: unknown) {
    return new PipelinedTransaction(this, container, config, outerTx);
  };
}

/**
 * Resolves once the transaction's BEGIN has been answered (at once where it was awaited as
 * usual); rejects with its error. Call it beside the transaction's first statement.
 */
export async function transactionBegun(trx: Knex.Transaction): Promise<void> {
  const conn = (await trx.client.acquireConnection()) as object;
  const sent = begun.get(conn);
  begun.delete(conn);
  await sent;
}

/**
 * Writes a statement on the transaction's connection now, ahead of whatever is asked next:
 * on a pipelined connection the two share a round trip, in this order. Resolves once it is
 * written (on any other connection, once it is answered: node-postgres would queue the next
 * one itself, a use it deprecates), with the promise of its answer, to be awaited beside the
 * next statement's.
 */
export async function sendAhead(trx: Knex.Transaction, text: string, values: unknown[]): Promise<{ answered: Promise<unknown> }> {
  const conn = (await trx.client.acquireConnection()) as PipelinedClient;
  const answered = conn.query(text, values);
  if (!conn.pipeline) await answered;
  // Whoever awaits it hears a failure; until then it must not count as unhandled.
  answered.catch(() => undefined);
  return { answered };
}

/**
 * Runs `fn` with the transaction's connection out of pipeline mode, for a statement that
 * keeps the connection to itself while it streams (COPY), which node-postgres refuses to pipeline.
 */
export async function unpipelined<T>(client: PipelinedClient, fn: () => Promise<T>): Promise<T> {
  const was = client.pipeline;
  client.pipeline = false;
  try {
    return await fn();
  } finally {
    client.pipeline = was;
  }
}
