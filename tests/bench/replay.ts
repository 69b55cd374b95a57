import pg from 'pg';
import type { RequestTrace } from '../support/roundTrips.js';

/** A connection like the data API's: pipelined (node-postgres writes a statement without waiting for the one before). */
export async function pipelinedClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, pipeline: true } as pg.ClientConfig);
  await client.connect();
  return client;
}

/**
 * Sends a request's statements again, as captured: with `asSent`, round trip by round trip as
 * the server sent them (each trip's statements together, then waiting for their answers); else
 * all at once, the least the database can be asked to do for them. Answers the last rows read.
 */
export async function replay(client: pg.Client, trace: RequestTrace, asSent: boolean): Promise<unknown[]> {
  const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
  // A trip's statements leave in one write, as Gatehouse's do.
  const send = (trip?: number) => {
    stream.cork();
    try {
      return Promise.all(
        trace.statements
          .filter((s) => trip === undefined || s.trip === trip)
          .map((s) => client.query(s.name ? { text: s.text, values: s.values, name: s.name } : { text: s.text, values: s.values })),
      );
    } finally {
      stream.uncork();
    }
  };
  if (!asSent) return rowsOf(await send());
  let rows: unknown[] = [];
  for (let trip = 0; trip < trace.trips; trip++) {
    const got = rowsOf(await send(trip));
    if (got.length) rows = got;
  }
  return rows;
}

const rowsOf = (results: pg.QueryResult[]): unknown[] => results.filter((r) => r.rows?.length).at(-1)?.rows ?? [];
