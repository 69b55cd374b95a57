import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import type { Meta } from '../../server/meta/types.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** Whatever a client sends, the answer is a 4xx with a message, never a 500, and nothing changes. */
let server: TestServer;
let api: ApiClient;
let meta: Meta;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  meta = (await api.get('/api/meta')).json;
});
afterAll(() => server.close());

// ('' is absent on purpose: it is a legitimate value of a text column.)
const GARBAGE: unknown[] = [{ nested: [1] }, [[[]]], 'not-a-value', -1e308, true, '9'.repeat(400)];

async function rowCount(table: string): Promise<number> {
  const { rows } = await server.db.knex.raw(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

describe('bad input on every resource', () => {
  it('answers 4xx with a message, never 5xx, and writes nothing', async () => {
    const problems: string[] = [];
    for (const r of meta.resources.filter((x) => !x.readOnly)) {
      const table = `"${r.schema}"."${r.table}"`;
      const before = await rowCount(table);
      const [row] = (await api.get(`/api/${r.name}?range=[0,0]`)).json;
      const requests: [string, string, unknown][] = [['POST', `/api/${r.name}`, {}], ['POST', `/api/${r.name}`, []]];
      for (const value of GARBAGE) {
        const body = Object.fromEntries(r.fields.filter((f) => !f.readOnly && f.kind !== 'json').map((f) => [f.name, value]));
        requests.push(['POST', `/api/${r.name}`, body]);
        if (row) requests.push(['PUT', `/api/${r.name}/${encodeURIComponent(String(row.id))}`, body]);
      }
      for (const [method, path, body] of requests) {
        const res = await api.request(method, path, body);
        const created = method === 'POST' && res.status === 201;
        if (created) {
          // A table whose every column is optional accepts {}: that is a valid create, undone here.
          await api.delete(`/api/${r.name}/${encodeURIComponent(String(res.json.id))}`);
          continue;
        }
        if (res.status < 400 || res.status >= 500 || !res.json?.message) {
          problems.push(`${method} ${path} ${JSON.stringify(body).slice(0, 80)} -> ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
      if ((await rowCount(table)) !== before) problems.push(`${r.name}: row count changed`);
    }
    expect(problems).toEqual([]);
  });
});
