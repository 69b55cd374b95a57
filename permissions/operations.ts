import { PACK } from './activePack.js';
import type { Operation, OperationParam } from './packModel.js';

/**
 * Operations on a whole resource that a database function performs (generating a period's
 * settlements, running a payroll): declared in the pack, offered by /api/meta to callers with
 * the action they need, and run as POST /api/<resource>/<name> with the parameters as JSON.
 * The function checks the matrix again itself.
 */
export type { Operation, OperationParam };

export const OPERATIONS: readonly Operation[] = PACK.operations;
