import { usePermissions, useResourceContext } from 'react-admin';
import type { Meta, ResourceMeta } from '../../../server/meta/types';

const EMPTY: Meta = { modules: [], resources: [] };

/** The caller's metadata: authProvider.getPermissions loads it once, react-admin caches it. */
export function useMeta(): Meta {
  const { permissions } = usePermissions<Meta>();
  return permissions ?? EMPTY;
}

/** The metadata of a resource by name (the current one when no name is given). */
export function useResourceMeta(name?: string): ResourceMeta | undefined {
  const current = useResourceContext();
  const wanted = name ?? current;
  return useMeta().resources.find((r) => r.name === wanted);
}
