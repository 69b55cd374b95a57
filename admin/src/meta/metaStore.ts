import { fetchUtils } from 'react-admin';
import type { Meta, ReferenceMeta } from '../../../server/meta/types';

/**
 * The caller's metadata (`GET /api/meta`). It is per user, so login and logout forget it;
 * `<Admin>`'s resource function and the screens share this copy. It is refreshed while the
 * app runs (focus, a timer, any 403: see useMetaRefresh and the data provider), because a
 * super admin's matrix edit changes what the caller may do on their very next request.
 */
let pending: Promise<Meta> | undefined;
let current: Meta | undefined;
let currentJson = '';
let failure: Error | undefined;
/** Bumped by forgetMeta: an answer to a request started before it belongs to a previous user. */
let epoch = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

const fetchMeta = async (): Promise<Meta> =>
  (await fetchUtils.fetchJson('/api/meta', { credentials: 'same-origin' })).json as Meta;

export function loadMeta(): Promise<Meta> {
  const started = epoch;
  pending ??= fetchMeta()
    .then((meta) => {
      if (started !== epoch) return meta;
      current = meta;
      currentJson = JSON.stringify(meta);
      failure = undefined;
      notify();
      return meta;
    })
    .catch((error: unknown) => {
      if (started === epoch) {
        pending = undefined; // let the next attempt try again
        failure = error instanceof Error ? error : new Error(String(error));
        notify();
      }
      throw error;
    });
  return pending;
}

let refreshing: Promise<void> | undefined;
let again = false;

/**
 * Fetches the metadata again and, when it differs from the copy in hand, replaces it and
 * tells the subscribers (menu, screens, `<Admin>`'s resources). Calls while one is in flight
 * are folded into one more run after it, so a 403 that follows a matrix change is never lost.
 * A failed refresh keeps the screens the caller has (a 401 is react-admin's to handle).
 */
export function refreshMeta(): Promise<void> {
  if (!current) return Promise.resolve(); // not loaded yet (or signed out): loadMeta's business
  if (refreshing) {
    again = true;
    return refreshing;
  }
  const started = epoch;
  refreshing = fetchMeta()
    .then((meta) => {
      const json = JSON.stringify(meta);
      if (started !== epoch || !current || json === currentJson) return;
      current = meta;
      currentJson = json;
      pending = Promise.resolve(meta);
      notify();
    })
    .catch(() => undefined)
    .finally(() => {
      refreshing = undefined;
      if (again) {
        again = false;
        void refreshMeta();
      }
    });
  return refreshing;
}

export function forgetMeta(): void {
  epoch += 1;
  pending = undefined;
  current = undefined;
  currentJson = '';
  failure = undefined;
  again = false;
  notify();
}

export const currentMeta = (): Meta | undefined => current;
/** The locale dates and numbers are shown in: the pack's, else the browser's. */
export const displayLocale = (): string | undefined => current?.presentation.locale;
/** The currency money columns are shown in (the pack's), if it names one. */
export const displayCurrency = (): string | undefined => current?.presentation.currency;
export const metaFailure = (): Error | undefined => failure;

export function subscribeMeta(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True when the caller may read the resource (it is in their metadata). */
export const isReadable = (name: string): boolean => current?.resources.some((r) => r.name === name) ?? false;

/**
 * True when a foreign key points at its target's primary key, i.e. at the wire `id`
 * react-admin fetches references by. A key on another unique column needs a lookup by value.
 */
export function isKeyReference(ref: ReferenceMeta): boolean {
  const target = current?.resources.find((r) => r.name === ref.resource);
  return target === undefined || (target.primaryKey.length === 1 && target.primaryKey[0] === ref.field);
}
