import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { unpipelined, type PipelinedClient } from '../data/pipelinedConnections.js';

/** Where an export goes (the HTTP response) and the last moment to set its headers. */
export interface CsvTarget {
  stream: Writable;
  /**
   * Called once, when the first bytes are ready and before they are written. Until then a
   * failure (a bad query, a refusal) is an ordinary error and nothing has been sent.
   */
  begin(): void;
}

/** The parts of node-postgres's client this module uses (its typings leave them out). */
interface PgClient extends PipelinedClient {
  processID: number | null;
  secretKey: number | null;
}

/** How long a cancel request may take before the export stops waiting for its confirmation. */
const CANCEL_TIMEOUT_MS = 5_000;

/**
 * Streams `COPY (<select>) TO STDOUT` as CSV (with a header row) into the target, on the
 * transaction's own connection, so the caller's role and RLS apply and the rows never
 * gather in memory; backpressure reaches PostgreSQL through the socket. Resolves once the
 * target has taken the last byte, so the transaction ends after the stream does.
 *
 * COPY takes no bind parameters: `selectSql` must be a complete statement whose values
 * were inlined by Knex's own escaping (`toQuery()`).
 *
 * A COPY cannot be abandoned half-read: its rows would keep arriving on the connection and
 * the transaction could never end. So when the target goes away (the client disconnected)
 * the running COPY is cancelled on the server and what is still in flight is read and
 * dropped; the error then rolls the transaction back and the connection returns clean.
 */
export async function copyCsv(trx: Knex.Transaction, selectSql: string, target: CsvTarget): Promise<void> {
  // An export streams for as long as its rows take (millions, to a slow client): its own bound.
  await trx.raw(`SELECT set_config('statement_timeout', '30min', true)`);
  // Inside a transaction Knex hands out the transaction's connection (and never releases it).
  const client = (await trx.client.acquireConnection()) as PgClient;
  // A COPY holds the connection while it streams: node-postgres will not pipeline it.
  await unpipelined(client, () => streamCopy(client, selectSql, target));
}

async function streamCopy(client: PgClient, selectSql: string, target: CsvTarget): Promise<void> {
  const copy = client.query(copyTo(`COPY (${selectSql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
  // The COPY stream must never be destroyed before its end (see above): read it through an
  // iterator that leaves it alone when the consumer stops.
  const chunks = copy.iterator({ destroyOnReturn: false });
  let cancelled: Promise<void> | undefined;
  const cancel = () => (cancelled ??= cancelBackend(client));
  const targetGone = () => {
    if (!target.stream.writableFinished) void cancel();
  };
  target.stream.once('close', targetGone);
  try {
    const first = await chunks.next();
    target.begin();
    await pipeline(async function* () {
      for (let chunk = first; !chunk.done; chunk = await chunks.next()) yield chunk.value as Buffer;
    }, target.stream);
  } catch (err) {
    await chunks.return?.(undefined);
    if (!copy.readableEnded && !copy.errored) {
      void cancel();
      await drain(copy);
    }
    await cancelled;
    throw err;
  } finally {
    target.stream.off('close', targetGone);
  }
}

/** Reads a COPY to its end (or its error, such as the cancellation) and drops the rest. */
async function drain(copy: AsyncIterable<unknown>): Promise<void> {
  try {
    for await (const _ of copy);
  } catch {
    // The cancellation's own error (57014), or the connection's: the caller rethrows its own.
  }
}

/**
 * Asks the server to cancel what the client's backend is running, with node-postgres's own
 * CancelRequest (on a connection of its own, as the protocol requires). Resolves when the
 * server has closed that connection, i.e. once the signal has been delivered, so a late
 * cancel can never hit a statement of the next request that borrows this connection.
 */
function cancelBackend(client: PgClient): Promise<void> {
  if (client.processID === null || client.secretKey === null) return Promise.resolve();
  const { processID, secretKey } = client;
  const con = new pg.Connection() as pg.Connection & {
    connect(portOrPath: number | string, host?: string): void;
    cancel(processID: number, secretKey: number): void;
  };
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      con.stream.destroy();
      resolve();
    };
    const timer = setTimeout(done, CANCEL_TIMEOUT_MS);
    con.once('end', done);
    con.on('error', done);
    con.once('connect', () => con.cancel(processID, secretKey));
    if (client.host?.startsWith('/')) con.connect(`${client.host}/.s.PGSQL.${client.port}`);
    else con.connect(client.port, client.host);
  });
}
