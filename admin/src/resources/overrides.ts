import type { ComponentType } from 'react';

export interface ResourceOverride {
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
}

/**
 * Hand-written screens for one resource live in `resources/<name>/index.tsx` and win over
 * the generated ones; none are needed yet, the generator serves every table.
 */
const modules = import.meta.glob<{ default: ResourceOverride }>('./*/index.tsx', { eager: true });

export const OVERRIDES: Record<string, ResourceOverride> = Object.fromEntries(
  Object.entries(modules).map(([path, mod]) => [path.split('/')[1]!, mod.default]),
);
