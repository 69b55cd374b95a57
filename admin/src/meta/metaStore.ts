import { fetchUtils } from 'react-admin';
import type { Meta, ReferenceMeta } from '../../../server/meta/types';

/**
 * The caller's metadata (`GET /api/meta`), fetched once per session. It is per user, so
 * login and logout forget it; `<Admin>`'s resource function and the screens share this copy.
 */
let pending: Promise<Meta> | undefined;
let current: Meta | undefined;
let failure: Error | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function loadMeta(): Promise<Meta> {
  pending ??= fetchUtils
    .fetchJson('/api/meta', { credentials: 'same-origin' })
    .then(({ json }) => {
      current = json as Meta;
      failure = undefined;
      notify();
      return current;
    })
    .catch((error: unknown) => {
      pending = undefined; // let the next attempt try again
      failure = error instanceof Error ? error : new Error(String(error));
      notify();
      throw failure;
    });
  return pending;
}

export function forgetMeta(): void {
  pending = undefined;
  current = undefined;
  failure = undefined;
  notify();
}

export const currentMeta = (): Meta | undefined => current;
export const metaFailure = (): Error | undefined => failure;

export function subscribeMeta(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * True when a foreign key points at its target's primary key, i.e. at the wire `id`
 * react-admin fetches references by. A key on another unique column needs a lookup by value.
 */
export function isKeyReference(ref: ReferenceMeta): boolean {
  const target = current?.resources.find((r) => r.name === ref.resource);
  return target === undefined || (target.primaryKey.length === 1 && target.primaryKey[0] === ref.field);
}
