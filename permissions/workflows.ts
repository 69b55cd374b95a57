import { PACK } from './activePack.js';
import type { Person, Transition, Workflow } from './packModel.js';

/**
 * The state machines of the pack, as data: the API offers and runs their transitions
 * (POST /api/<resource>/<id>/<transition>), the database refuses any status change that is
 * not one of them (triggers generated from this list), and the SPA draws them as buttons.
 * A plain update never changes a workflow's status column.
 */
export type { Person, Transition, Workflow };

export const WORKFLOWS: readonly Workflow[] = PACK.workflows;

export const workflowOf = (table: string): Workflow | undefined => WORKFLOWS.find((w) => w.table === table);

/** The transitions possible from a record's current state (before permissions). */
export const transitionsFrom = (workflow: Workflow, state: unknown): Transition[] =>
  workflow.transitions.filter((t) => t.from.includes(String(state)));
