import type { ErrorRequestHandler } from 'express';
import type { SchemaModel } from '../meta/schemaModel.js';
import { HttpError } from './errors.js';
import { bodyReadingError } from './hostileInput.js';
import { httpErrorFromPg, isPgError } from './pgErrors.js';

/** The one place errors become responses: `{message, errors}`, never SQL, never a stack. */
export function errorHandler(schema: () => SchemaModel): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let http: HttpError | undefined;
    // Objection wraps driver errors (db-errors); the SQLSTATE lives on the native error.
    const pgError = isPgError(err) ? err : isPgError(err?.nativeError) ? err.nativeError : undefined;
    if (err instanceof HttpError) http = err;
    else if ((http = unavailable(err, pgError?.code))) req.log.warn({ err }, http.message);
    else if (pgError) http = httpErrorFromPg(pgError, schema(), req.method === 'DELETE' ? 'delete' : 'write');
    else if (err?.type === 'entity.parse.failed') http = new HttpError(400, 'The request body is not valid JSON.');
    else if (err?.type === 'entity.too.large') http = new HttpError(413, 'The request body is too large.');
    else http = bodyReadingError(err, req.headers['content-encoding']);
    if (!http) {
      req.log.error({ err }, 'unexpected error');
      res.status(500).json({ message: `Something went wrong on our side (request ${String(req.id)}). Nothing was saved.` });
      return;
    }
    if (http.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    else if (http.status >= 500) req.log.error({ err }, http.message);
    res.status(http.status).json({ message: http.message, ...(http.errors ? { errors: http.errors } : {}), ...http.extra });
  };
}

/** How long a client should wait before trying again a request refused for want of the database. */
const RETRY_AFTER_SECONDS = 2;

/** SQLSTATEs of a database that went away or ended the work: class 08 (connection), 57P0x (shutdown), an idle transaction ended. */
const GONE = /^(08...|57P0[1-3]|25P03)$/;
/** What the driver says of a connection lost underneath it, or PostgreSQL of a database closed to connections (55000, not a workflow's). */
const LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const LOST_MESSAGE = /Connection terminated|Connection ended unexpectedly|encountered a connection error|is not currently accepting connections/;

/**
 * A request refused because the database is out of reach, busy or too slow: 503 with Retry-After,
 * never a 500, and nothing was saved (its transaction did not commit). Undefined for other errors.
 */
function unavailable(err: unknown, sqlState: string | undefined): HttpError | undefined {
  const e = err as { name?: string; code?: string; message?: string } | undefined;
  if (e?.name === 'KnexTimeoutError') return new HttpError(503, 'The server is busy: every database connection is in use. Nothing was saved; try again in a moment.');
  if (sqlState === '57014') return new HttpError(503, 'This took longer than the server allows. Nothing was saved; try again, or ask for less at once.');
  const lost = (sqlState !== undefined && GONE.test(sqlState)) || (e?.code !== undefined && LOST.has(e.code)) || LOST_MESSAGE.test(e?.message ?? '');
  return lost ? new HttpError(503, 'The database could not be reached, so the request did not complete; try again in a moment.') : undefined;
}
