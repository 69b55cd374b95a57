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
    else if (pgError) http = httpErrorFromPg(pgError, schema(), req.method === 'DELETE' ? 'delete' : 'write');
    else if (err?.type === 'entity.parse.failed') http = new HttpError(400, 'The request body is not valid JSON.');
    else if (err?.type === 'entity.too.large') http = new HttpError(413, 'The request body is too large.');
    else http = bodyReadingError(err, req.headers['content-encoding']);
    if (!http) {
      req.log.error({ err }, 'unexpected error');
      res.status(500).json({ message: `Something went wrong on our side (request ${String(req.id)}). Nothing was saved.` });
      return;
    }
    if (http.status >= 500) req.log.error({ err }, http.message);
    res.status(http.status).json({ message: http.message, ...(http.errors ? { errors: http.errors } : {}), ...http.extra });
  };
}
