import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { humanizeChoice } from '../fields/choiceColor';

type Row = Record<string, unknown>;

/** A column a workflow's steps stamp (who approved, when) means nothing until a step has stamped it. */
export function shownInState(resource: ResourceMeta, record: Row, field: FieldMeta): boolean {
  const states = resource.workflow?.stamped[field.name];
  const value = record[field.name];
  return !states || (value !== null && value !== undefined && value !== '');
}

/**
 * A stamp several steps write (approve and reject both stamp "approved_by") is named by the
 * step that did: on a rejected request it reads "Rejected by", never "Approved by".
 */
export function labelInState(resource: ResourceMeta, record: Row, field: FieldMeta): string {
  const workflow = resource.workflow;
  const states = workflow?.stamped[field.name];
  const state = workflow ? String(record[workflow.statusColumn]) : '';
  if (!states || states.length < 2 || !states.includes(state)) return field.label;
  const [, rest] = /^\S+(\s.*)$/.exec(field.label) ?? [];
  return rest ? `${humanizeChoice(state)}${rest}` : field.label;
}
