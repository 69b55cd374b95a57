import { apiCall as call } from '../providers/apiCall';
import type { MatrixChange, MatrixData, MatrixRow } from './matrixModel';

/** The matrix editor's calls to /api/matrix. */
export const fetchMatrix = async () => (await call('/api/matrix')) as MatrixData;

export const fetchChanges = async (limit = 50) => (await call(`/api/matrix/changes?limit=${limit}`)) as MatrixChange[];

/** Sets one row of the matrix (a module row, or a sub-module override). */
export const saveRow = async (row: MatrixRow) => (await call('/api/matrix', { method: 'PUT', body: JSON.stringify(row) })) as MatrixRow;

/** Removes a sub-module override: the table inherits its module row again. */
export const resetOverride = async (row: Pick<MatrixRow, 'role' | 'module' | 'subModule'>) =>
  (await call('/api/matrix', { method: 'DELETE', body: JSON.stringify(row) })) as MatrixRow;
