import type { ListView, Presentation, ResourceMeta } from '../../../server/meta/types';
import { humanizeChoice } from '../fields/choiceColor';

/** The field names a list view's filter uses (`x_null`, `x_gte` name x). */
export const filterFields = (filter: Record<string, unknown>) => Object.keys(filter).map((k) => k.replace(/_(null|gte|lte|gt|lt|neq)$/, ''));

/** The pack's views of a resource's list that the caller can use: every field they filter on is readable. */
export function usableViews(resource: ResourceMeta, presentation: Presentation): ListView[] {
  const readable = new Set(resource.fields.map((f) => f.name));
  return (presentation.listViews[resource.name] ?? []).filter((v) => filterFields(v.filter).every((f) => readable.has(f)));
}

/** Today's date where the person is, as a date column holds it (YYYY-MM-DD). */
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A view's filter for the signed-in person ("$me" is them) on the day it is used ("$today"). */
export const viewFilter = (view: ListView, me: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(view.filter).map(([k, v]) => [k, v === '$me' ? me : v === '$today' ? today() : v]));

/** Whether a view's filter names the signed-in person, and so must wait until they are known. */
export const namesMe = (view: ListView) => Object.values(view.filter).includes('$me');

/**
 * A quick filter for every state in which the record waits for a step the caller may take
 * ("Pending", "In progress"), unless a view of the pack already filters by just that state.
 */
export function stateViews(resource: ResourceMeta, declared: readonly ListView[]): ListView[] {
  const workflow = resource.workflow;
  if (!workflow || !resource.fields.some((f) => f.name === workflow.statusColumn)) return [];
  const waiting = [...new Set(workflow.transitions.flatMap((t) => t.from))];
  const taken = new Set(declared.map((v) => JSON.stringify(v.filter)));
  return waiting
    .map((state) => ({ label: humanizeChoice(state), filter: { [workflow.statusColumn]: state } }))
    .filter((v) => !taken.has(JSON.stringify(v.filter)));
}
