import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { RequestTrace } from '../support/roundTrips.js';
import { replay } from './replay.js';

/**
 * The bare server the bench sets Gatehouse beside: Node's `http` and `pg`, nothing else. For
 * `GET /<n>` it sends the statements Gatehouse sent for case n, in the same round trips, on a
 * pool of pipelined connections as the API's login, and answers the rows as JSON. What
 * Gatehouse spends beyond it is the framework's share.
 */
const url = process.env.BENCH_API_URL ?? process.env.BENCH_OWNER_URL!;
let traces: RequestTrace[] = [];
const pool = new pg.Pool({ connectionString: url, max: 20, pipeline: true } as pg.PoolConfig);

const server = createServer((req, res) => {
  const trace = traces[Number(req.url?.slice(1))];
  if (!trace) {
    res.writeHead(404).end();
    return;
  }
  void (async () => {
    const client = await pool.connect();
    try {
      const rows = await replay(client, trace, true);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
    } catch (err) {
      res.writeHead(500).end(String(err));
    } finally {
      client.release();
    }
  })();
});
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));

process.on('message', (message: { traces?: RequestTrace[] } | string) => {
  if (typeof message === 'object' && message.traces) {
    traces = message.traces;
    process.send!({ ready: true });
  }
  if (message === 'stop') {
    server.close();
    void pool.end().then(() => process.exit(0));
  }
});
