import { fetchUtils } from 'react-admin';
import { followGate, gateOfError } from '../account/gate';
import { withCsrf } from '../providers/csrf';
import type { MatrixChange, MatrixData, MatrixRow } from './matrixModel';

/**
 * The matrix editor's calls to /api/matrix; errors are react-admin HttpErrors carrying the
 * server's message. They bypass react-admin's data provider, so they add the CSRF header and
 * follow a gate (a 403 naming one) themselves.
 */
async function call(url: string, options: fetchUtils.Options = {}): Promise<unknown> {
  try {
    return (await fetchUtils.fetchJson(url, { ...options, headers: withCsrf(options.headers), credentials: 'same-origin' })).json as unknown;
  } catch (error) {
    const gate = gateOfError(error);
    if (gate) followGate(gate);
    throw error;
  }
}

export const fetchMatrix = async () => (await call('/api/matrix')) as MatrixData;

export const fetchChanges = async (limit = 50) => (await call(`/api/matrix/changes?limit=${limit}`)) as MatrixChange[];

/** Sets one row of the matrix (a module row, or a sub-module override). */
export const saveRow = async (row: MatrixRow) => (await call('/api/matrix', { method: 'PUT', body: JSON.stringify(row) })) as MatrixRow;

/** Removes a sub-module override: the table inherits its module row again. */
export const resetOverride = async (row: Pick<MatrixRow, 'role' | 'module' | 'subModule'>) =>
  (await call('/api/matrix', { method: 'DELETE', body: JSON.stringify(row) })) as MatrixRow;

/** The server's message for a failed call (its `message`; fetchJson puts it on the error). */
export function messageOf(error: unknown): string {
  const body = (error as { body?: { message?: unknown } } | undefined)?.body;
  if (typeof body?.message === 'string' && body.message) return body.message;
  return error instanceof Error && error.message ? error.message : 'The server could not be reached.';
}

export const statusOf = (error: unknown): number | undefined => (error as { status?: number } | undefined)?.status;
