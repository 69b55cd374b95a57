import type { ComponentType } from 'react';

export interface ResourceOverride {
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
}

type OverrideModule = ResourceOverride & { default?: ResourceOverride };

/**
 * Hand-written screens for one resource live in `resources/<name>/index.tsx` (named exports
 * `list`, `show`, `edit`, `create`, or a default object of them) and win over the generated
 * ones. Loaded eagerly: they are few, and the router needs to know which screens exist.
 */
const modules = import.meta.glob<OverrideModule>('./*/index.tsx', { eager: true });

export const OVERRIDES: Record<string, ResourceOverride> = Object.fromEntries(
  Object.entries(modules).map(([path, mod]) => {
    const { list, show, edit, create } = mod.default ?? mod;
    return [path.split('/')[1]!, { list, show, edit, create }];
  }),
);
