import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Meta } from '../../server/meta/types.js';
import { BACKROOM_FIXTURE, serveForeignDatabase } from '../support/foreignServer.js';
import type { ApiClient } from '../support/httpClient.js';
import type { TestServer } from '../support/testServer.js';

// Served as they are: no pack governs these databases (administrator-only mode).
vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'none';
});

/**
 * The real ra-data-simple-rest client — the SPA's — reading every table and view of schemas
 * Gatehouse was not written for: a page of each, every record of it opened, fetched back by
 * getMany, and each reverse reference followed with getManyReference. Nothing may fail.
 */
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

function providerFor(server: TestServer, api: ApiClient): DataProvider {
  return simpleRestProvider(`${server.url}/api`, (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('cookie', api.cookieHeader);
    return fetchUtils.fetchJson(url, { ...options, headers }).catch((error: Error & { body?: unknown }) => {
      throw new Error(`${options.method ?? 'GET'} ${decodeURIComponent(url.slice(server.url.length))}: ${error.message} ${JSON.stringify(error.body ?? '')}`);
    });
  });
}

async function crawl(dp: DataProvider, meta: Meta): Promise<{ calls: number; failures: string[] }> {
  const failures: string[] = [];
  let calls = 0;
  const attempt = async (what: string, call: () => Promise<unknown>) => {
    calls++;
    try {
      await call();
    } catch (err) {
      failures.push(`${what}: ${(err as Error).message}`);
    }
  };
  for (const r of meta.resources) {
    let ids: (string | number)[] = [];
    await attempt(`getList ${r.name}`, async () => {
      const page = await dp.getList(r.name, { pagination: { page: 1, perPage: 5 }, sort: { field: r.defaultSort.field, order: r.defaultSort.order }, filter: {} });
      ids = page.data.map((row) => row.id);
    });
    if (r.openable) {
      for (const id of ids) await attempt(`getOne ${r.name} ${String(id)}`, () => dp.getOne(r.name, { id }));
    }
    if (ids.length && r.openable) {
      await attempt(`getMany ${r.name}`, async () => {
        const many = await dp.getMany(r.name, { ids });
        // The same ids, no more, no fewer (identical keyless rows share one id, and come back together).
        const asked = new Set(ids.map((id) => JSON.stringify(id)));
        const got = new Set(many.data.map((row) => JSON.stringify(row.id)));
        if (got.size !== asked.size || [...asked].some((id) => !got.has(id))) throw new Error(`asked ${[...asked].join(' ')}, got ${[...got].join(' ')}`);
      });
    }
    for (const ref of r.reverseReferences) {
      const target = meta.resources.find((t) => t.name === ref.resource);
      if (!target || ids.length === 0) continue;
      await attempt(`getManyReference ${ref.resource}.${ref.field}`, () =>
        dp.getManyReference(ref.resource, {
          target: ref.field,
          id: ids[0]!,
          pagination: { page: 1, perPage: 5 },
          sort: { field: target.defaultSort.field, order: target.defaultSort.order },
          filter: {},
        }),
      );
    }
  }
  return { calls, failures };
}

describe('ra-data-simple-rest over schemas Gatehouse has never seen', () => {
  it.each([
    ['the Backroom Leeds schema', BACKROOM_FIXTURE],
    ['odd shapes (keyless tables and views, odd uuids, partitions)', 'tests/fixtures/unseen_shapes.sql'],
  ])('reads every table and view of %s without a failure', async (_name, fixture) => {
    const { server, api, meta } = await serveForeignDatabase(fixture, { email: 'crawler@unseen.example', password: 'a long enough passphrase' });
    servers.push(server);
    const { calls, failures } = await crawl(providerFor(server, api), meta);
    console.log(`${fixture}: ${meta.resources.length} resources, ${calls} dataProvider calls, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(meta.resources.length * 2);
  });
});
