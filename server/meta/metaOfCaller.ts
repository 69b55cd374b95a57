import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { abilityOfCaller, grantsKey, type CallerGrants } from '../../permissions/abilityOfCaller.js';
import { metaForCaller } from './metaForCaller.js';
import type { SchemaModel } from './schemaModel.js';

/** `/api/meta` as sent: its JSON, the tag a browser revalidates it by, and its compressed forms once asked for. */
export interface MetaResponse {
  json: string;
  etag: string;
  encoded: Partial<Record<MetaEncoding, Buffer>>;
}

export type MetaEncoding = 'br' | 'gzip';

/**
 * The answer compressed as the client accepts, made once per version (compressing 170 kB on
 * every call cost more than all the rest of the request), tighter than the per-request
 * compression can afford.
 */
export function encodedMeta(meta: MetaResponse, encoding: MetaEncoding): Buffer {
  return (meta.encoded[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(meta.json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } })
      : gzipSync(meta.json, { level: 9 }));
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
    meta = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`, encoded: {} };
    cache.set(key, meta);
  }
  return meta;
}
