import type { Action } from './vocabulary.js';

/**
 * The state machines of MATRIX.md ("Workflows"), as data: the API offers and runs their
 * transitions (POST /api/<resource>/<id>/<transition>), the database refuses any status
 * change that is not one of them (triggers generated from this list), and the SPA draws them
 * as buttons. A plain update never changes a workflow's status column.
 */
export interface Transition {
  /** The URL segment and button, e.g. "approve". */
  name: string;
  label: string;
  from: readonly string[];
  to: string;
  /** The matrix action the caller needs on the table. */
  needs: Action;
  /** Fields the caller must fill in (a reason, a payment reference...). */
  requires?: readonly string[];
  /** Columns the transition sets itself: to the caller, or to the current time. */
  sets?: Readonly<Record<string, 'caller' | 'now'>>;
  /** Separation of duties: the caller may not be the person this column names. */
  notBy?: Person;
  /** Only the person this column names may do it (e.g. cancel one's own leave). */
  onlyBy?: Person;
}

/** A person named by a column of the row, directly or through a reference (a therapist's login). */
export interface Person {
  column: string;
  via?: { table: string; column: string };
}

export interface Workflow {
  table: string;
  statusColumn: string;
  initial: string;
  transitions: readonly Transition[];
}

const by = (column: string): Person => ({ column });

export const WORKFLOWS: readonly Workflow[] = [
  {
    table: 'payment_settlements',
    statusColumn: 'status',
    initial: 'pending',
    transitions: [
      { name: 'approve', label: 'Approve', from: ['pending'], to: 'processing', needs: 'approve', notBy: by('prepared_by'), sets: { approved_by: 'caller', approved_at: 'now' } },
      { name: 'complete', label: 'Mark paid', from: ['processing'], to: 'completed', needs: 'update', requires: ['payment_reference', 'payment_date'] },
      { name: 'fail', label: 'Mark failed', from: ['processing'], to: 'failed', needs: 'update', requires: ['notes'] },
    ],
  },
  {
    table: 'leave_requests',
    statusColumn: 'status',
    initial: 'pending',
    transitions: [
      { name: 'approve', label: 'Approve', from: ['pending'], to: 'approved', needs: 'approve', notBy: by('employee_id'), sets: { approved_by: 'caller', approved_date: 'now' } },
      { name: 'reject', label: 'Reject', from: ['pending'], to: 'rejected', needs: 'approve', notBy: by('employee_id'), requires: ['rejection_reason'], sets: { approved_by: 'caller', approved_date: 'now' } },
      { name: 'cancel', label: 'Cancel', from: ['pending'], to: 'cancelled', needs: 'read', onlyBy: by('employee_id') },
    ],
  },
  {
    table: 'salary_records',
    statusColumn: 'status',
    initial: 'pending',
    transitions: [
      { name: 'process', label: 'Process', from: ['pending'], to: 'processed', needs: 'approve', notBy: by('employee_id'), sets: { processed_by: 'caller', processed_at: 'now' } },
      { name: 'pay', label: 'Mark paid', from: ['processed'], to: 'paid', needs: 'update', notBy: by('employee_id'), requires: ['payment_date', 'payment_reference'] },
      { name: 'hold', label: 'Hold', from: ['pending', 'processed'], to: 'hold', needs: 'approve', notBy: by('employee_id'), requires: ['notes'] },
      { name: 'release', label: 'Release', from: ['hold'], to: 'pending', needs: 'approve', notBy: by('employee_id') },
    ],
  },
  {
    table: 'campaigns',
    statusColumn: 'status',
    initial: 'draft',
    transitions: [
      { name: 'approve', label: 'Approve', from: ['draft'], to: 'scheduled', needs: 'approve', notBy: by('created_by'), sets: { approved_by: 'caller' } },
      { name: 'activate', label: 'Start', from: ['scheduled', 'paused'], to: 'active', needs: 'update' },
      { name: 'pause', label: 'Pause', from: ['active'], to: 'paused', needs: 'update' },
      { name: 'complete', label: 'Complete', from: ['active', 'paused'], to: 'completed', needs: 'update' },
      { name: 'cancel', label: 'Cancel', from: ['draft', 'scheduled'], to: 'cancelled', needs: 'update' },
    ],
  },
  {
    table: 'support_tickets',
    statusColumn: 'status',
    initial: 'open',
    transitions: [
      { name: 'assign', label: 'Assign to me', from: ['open'], to: 'in_progress', needs: 'update', sets: { assigned_to: 'caller', assigned_at: 'now' } },
      { name: 'wait', label: 'Wait for customer', from: ['in_progress'], to: 'waiting', needs: 'update' },
      { name: 'resume', label: 'Resume', from: ['waiting'], to: 'in_progress', needs: 'update' },
      { name: 'resolve', label: 'Resolve', from: ['in_progress', 'waiting'], to: 'resolved', needs: 'update', requires: ['resolution_notes'], sets: { resolved_at: 'now' } },
      { name: 'close', label: 'Close', from: ['resolved'], to: 'closed', needs: 'update' },
    ],
  },
  {
    table: 'therapist_leaves',
    statusColumn: 'status',
    initial: 'pending',
    transitions: [
      { name: 'approve', label: 'Approve', from: ['pending'], to: 'approved', needs: 'approve', notBy: { column: 'therapist_id', via: { table: 'therapists', column: 'user_id' } }, sets: { approved_by: 'caller', approved_at: 'now' } },
      { name: 'reject', label: 'Reject', from: ['pending'], to: 'rejected', needs: 'approve', notBy: { column: 'therapist_id', via: { table: 'therapists', column: 'user_id' } }, requires: ['rejection_reason'], sets: { approved_by: 'caller', approved_at: 'now' } },
    ],
  },
  {
    table: 'reviews',
    statusColumn: 'status',
    initial: 'pending',
    transitions: [
      { name: 'approve', label: 'Publish', from: ['pending', 'flagged'], to: 'approved', needs: 'update', sets: { moderated_by: 'caller' } },
      { name: 'reject', label: 'Reject', from: ['pending', 'flagged'], to: 'rejected', needs: 'update', requires: ['moderation_notes'], sets: { moderated_by: 'caller' } },
      { name: 'flag', label: 'Flag', from: ['pending', 'approved'], to: 'flagged', needs: 'update', requires: ['moderation_notes'], sets: { moderated_by: 'caller' } },
    ],
  },
];

export const workflowOf = (table: string): Workflow | undefined => WORKFLOWS.find((w) => w.table === table);

/** The transitions possible from a record's current state (before permissions). */
export const transitionsFrom = (workflow: Workflow, state: unknown): Transition[] =>
  workflow.transitions.filter((t) => t.from.includes(String(state)));
