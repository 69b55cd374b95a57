import { PACK } from './activePack.js';
import type { MatrixRow } from './packModel.js';

export type { MatrixRow };

/** The pack's default grants, seeded into the role matrix. */
export const DEFAULT_MATRIX: readonly MatrixRow[] = PACK.defaultMatrix;
