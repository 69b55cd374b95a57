import type { ListView, Presentation, ResourceMeta } from '../../../server/meta/types';

/** The field names a list view's filter uses (`x_null`, `x_gte` name x). */
export const filterFields = (filter: Record<string, unknown>) => Object.keys(filter).map((k) => k.replace(/_(null|gte|lte|gt|lt|neq)$/, ''));

/** The pack's views of a resource's list that the caller can use: every field they filter on is readable. */
export function usableViews(resource: ResourceMeta, presentation: Presentation): ListView[] {
  const readable = new Set(resource.fields.map((f) => f.name));
  return (presentation.listViews[resource.name] ?? []).filter((v) => filterFields(v.filter).every((f) => readable.has(f)));
}

/** A view's filter for the signed-in person ("$me" is them). */
export const viewFilter = (view: ListView, me: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(view.filter).map(([k, v]) => [k, v === '$me' ? me : v]));

/** Whether a view's filter names the signed-in person, and so must wait until they are known. */
export const namesMe = (view: ListView) => Object.values(view.filter).includes('$me');
