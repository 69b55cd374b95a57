import { useSyncExternalStore } from 'react';
import { useResourceContext } from 'react-admin';
import type { Meta, ResourceMeta } from '../../../server/meta/types';
import { currentMeta, metaFailure, subscribeMeta } from './metaStore';

const EMPTY: Meta = {
  modules: [],
  resources: [],
  presentation: { title: 'Gatehouse', locale: 'en-GB', charts: [], listViews: {}, lists: {}, unrecorded: [], roles: [] },
  features: { matrix: false, securityEvents: false, users: false },
};

/** The caller's metadata; resources are registered only once it has loaded, so screens always see it. */
export function useMeta(): Meta {
  return useSyncExternalStore(subscribeMeta, () => currentMeta() ?? EMPTY);
}

/** True once the caller's metadata is in hand (an empty one included). */
export function useMetaLoaded(): boolean {
  return useSyncExternalStore(subscribeMeta, () => currentMeta() !== undefined);
}

/** Why the metadata could not be loaded, if it could not (the dashboard says so). */
export function useMetaFailure(): Error | undefined {
  return useSyncExternalStore(subscribeMeta, metaFailure);
}

/** The metadata of a resource by name (the current one when no name is given). */
export function useResourceMeta(name?: string): ResourceMeta | undefined {
  const current = useResourceContext();
  const wanted = name ?? current;
  return useMeta().resources.find((r) => r.name === wanted);
}
