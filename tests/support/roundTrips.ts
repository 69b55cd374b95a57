import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import pg from 'pg';

/** One statement a request sent, and the round trip it went in (0-based, per request). */
export interface TracedStatement {
  text: string;
  values: unknown[];
  /** The prepared statement's name, where it has one. */
  name?: string;
  trip: number;
}

/** What one HTTP request sent the database. */
export interface RequestTrace {
  method: string;
  url: string;
  statements: TracedStatement[];
  /** Round trips: a statement written while its connection had nothing in flight starts one. */
  trips: number;
}

/**
 * Round trips that the answer waits for: all of them but a last one holding nothing but the
 * COMMIT of a read, which the server answers without waiting for (see withUserContext).
 */
export function tripsWaitedFor(trace: RequestTrace): number {
  const last = trace.statements.filter((s) => s.trip === trace.trips - 1);
  const commitBehind = trace.method === 'GET' && last.length === 1 && /^COMMIT;?$/i.test(last[0]!.text);
  return commitBehind ? trace.trips - 1 : trace.trips;
}

interface ClientInternals {
  _activeQuery: unknown;
  _queryQueue: unknown[];
  _sentQueryQueue: unknown[];
}

/**
 * Every statement this process's connections sent, and their round trips: counted without
 * tracing requests (which costs every promise a hook), for a figure per request under load.
 */
export interface StatementCounts {
  statements: number;
  trips: number;
  /** Round trips holding nothing but a COMMIT, sent once a transaction's last answer was in. */
  commitTrips: number;
}
const counts: StatementCounts = { statements: 0, trips: 0, commitTrips: 0 };

const current = new AsyncLocalStorage<RequestTrace>();
/** The trip each connection's statements currently go in, by request. */
const openTrip = new WeakMap<object, { trace: RequestTrace; trip: number }>();
let installed = false;

/** Wraps node-postgres's Client#query once, to see each statement and whether its connection was idle. */
export function countStatements(): StatementCounts {
  if (installed) return counts;
  installed = true;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client & ClientInternals, ...args: unknown[]) {
    const idle = !this._activeQuery && this._queryQueue.length === 0 && this._sentQueryQueue.length === 0;
    const config = args[0] as string | { text?: string; values?: unknown[]; name?: string };
    const text = typeof config === 'string' ? config : (config.text ?? '');
    counts.statements++;
    if (idle) {
      counts.trips++;
      if (/^COMMIT;?$/i.test(text)) counts.commitTrips++;
    }
    const trace = current.getStore();
    if (trace) {
      let trip = openTrip.get(this);
      if (idle || !trip || trip.trace !== trace) openTrip.set(this, (trip = { trace, trip: trace.trips++ }));
      const values = typeof config === 'string' ? ((Array.isArray(args[1]) ? args[1] : []) as unknown[]) : (config.values ?? []);
      trace.statements.push({ text, values, ...(typeof config === 'object' && config.name ? { name: config.name } : {}), trip: trip.trip });
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  return counts;
}

/**
 * Traces the requests `server` serves (in this process) while `when()` says so (every one by
 * default): `onTrace` receives what one sent the database once its response has finished and
 * its transaction has ended.
 */
export function traceRequests(server: Server, onTrace: (trace: RequestTrace) => void, when: () => boolean = () => true): void {
  countStatements();
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!when()) {
      for (const listener of listeners) listener.call(server, req, res);
      return;
    }
    const trace: RequestTrace = { method: req.method ?? '', url: req.url ?? '', statements: [], trips: 0 };
    // A read's COMMIT may still be on its way when the response finishes: report a moment later.
    res.once('finish', () =>
      setTimeout(() => {
        onTrace(trace);
        // Tracing no more requests for now: the hook on every promise goes too.
        if (!when()) current.disable();
      }, 20),
    );
    current.run(trace, () => {
      for (const listener of listeners) listener.call(server, req, res);
    });
  });
}
