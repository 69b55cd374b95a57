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

/** What one approving step covers, and what an edit of it does afterwards. */
export interface ApprovalCover {
  step: Transition;
  columns: readonly string[];
  /** The state an edit of a covered column sends the record back to (where the step starts from). */
  backTo: string;
  /** What the step stamped (who approved, when): cleared when the record goes back. */
  clears: readonly string[];
  /** States after the step from which some step still leads on: an edit sends the record back. */
  reopens: readonly string[];
  /** States after the step that no step leaves: an edit of a covered column is refused. */
  refuses: readonly string[];
}

/** The steps of a workflow that cover columns (`covers`), with the states their approval holds in. */
export function approvalCovers(workflow: Workflow): ApprovalCover[] {
  return workflow.transitions.flatMap((step) => {
    if (!step.covers?.length) return [];
    // Every state the record can reach after the step without going back through where it started.
    const after = new Set<string>();
    const queue = [step.to];
    while (queue.length) {
      const state = queue.pop()!;
      if (after.has(state) || step.from.includes(state)) continue;
      after.add(state);
      for (const t of workflow.transitions) if (t.from.includes(state)) queue.push(t.to);
    }
    const leads = (state: string) => workflow.transitions.some((t) => t.from.includes(state));
    return [
      {
        step,
        columns: step.covers,
        backTo: step.from[0]!,
        clears: Object.keys(step.sets ?? {}),
        reopens: [...after].filter(leads),
        refuses: [...after].filter((s) => !leads(s)),
      },
    ];
  });
}
