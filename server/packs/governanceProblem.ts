import type { Pack } from '../../permissions/packModel.js';
import type { Governance } from '../meta/governance.js';

/**
 * Does the pack this process was given match what governs the database? Serving a database
 * with another pack's rules (or none) would enforce one declaration in the API and another in
 * the database, so a mismatch stops start-up with what to do.
 */
export function governanceProblem(governance: Governance | undefined, pack: Pack, packFile: string | undefined): string | undefined {
  if (packFile && !governance) {
    return `This database is not governed yet, and GATEHOUSE_PACK names the pack "${pack.name}" (${packFile}). ` +
      `Review what it would change with "npx gatehouse govern --plan", install it with "npx gatehouse govern --apply", ` +
      `or serve the database as it is with GATEHOUSE_PACK=none.`;
  }
  if (!packFile && governance) {
    return `This database is governed by the pack "${governance.pack}", but no pack is configured. Start with GATEHOUSE_PACK=<that pack's file>.`;
  }
  if (governance && governance.pack !== pack.name) {
    return `This database is governed by the pack "${governance.pack}", but GATEHOUSE_PACK names "${pack.name}" (${packFile ?? ''}). ` +
      `Start with the pack that governs it, or govern it with this one ("npx gatehouse govern --apply").`;
  }
  return undefined;
}
