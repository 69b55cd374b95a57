import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { abilityOfCaller, grantsKey, type CallerGrants } from '../../permissions/abilityOfCaller.js';
import { metaForCaller } from './metaForCaller.js';
import type { SchemaModel } from './schemaModel.js';

/** `/api/meta` as sent: its JSON and the tag a browser revalidates it by. */
export interface MetaResponse {
  json: string;
  etag: string;
}

/** Per schema (an app serves one), the answers built lately, by the caller's grants. */
const bySchema = new WeakMap<SchemaModel, LRUCache<string, MetaResponse>>();

/**
 * The caller's `/api/meta`, built once per version of their grants (their roles, matrix rows,
 * owned rows and tenant: the session statement reads them on every request, so a matrix edit
 * is another key at once) rather than on every call: it is the largest answer the API gives.
 */
export function metaOfCaller(schema: SchemaModel, caller: CallerGrants): MetaResponse {
  let cache = bySchema.get(schema);
  if (!cache) bySchema.set(schema, (cache = new LRUCache({ max: 500 })));
  const key = grantsKey(caller);
  let meta = cache.get(key);
  if (!meta) {
    const json = JSON.stringify(metaForCaller(schema, abilityOfCaller(caller), caller.roles));
    meta = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
    cache.set(key, meta);
  }
  return meta;
}
