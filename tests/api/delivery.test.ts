import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPA_DIR } from '../../server/app.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * What goes over the wire: JSON compressed, the SPA's assets sent as the build compressed them
 * and cached for good, its index asked for again, `/api/meta` revalidated by its ETag (a 304
 * until the caller's grants change), and CSV exports streamed as they are.
 */
let server: TestServer;
let admin: ApiClient;
let marketing: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url);
  marketing = new ApiClient(server.url);
  await Promise.all([admin.login(demoEmail('super_admin'), DEMO_PASSWORD), marketing.login(demoEmail('marketing_department'), DEMO_PASSWORD)]);
});
afterAll(() => server?.close());

describe('delivery', () => {
  // As a browser revalidates what it keeps (fetch itself would add "no-cache" beside a hand-set If-None-Match).
  const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

  it('compresses JSON, answers an unchanged /api/meta with 304, and a changed matrix with a new one', async () => {
    const first = await marketing.request('GET', '/api/meta', undefined, { 'accept-encoding': 'br, gzip' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(Array.isArray(first.json.resources)).toBe(true);

    const again = await marketing.request('GET', '/api/meta', undefined, revalidate(etag));
    expect([again.status, again.headers.get('etag')]).toEqual([304, etag]);
    expect(again.text).toBe('');
    // Another caller's grants are another answer.
    const theirs = await admin.request('GET', '/api/meta', undefined, revalidate(etag));
    expect(theirs.status).toBe(200);

    const grant = { role: 'marketing_department', module: 'hr', subModule: 'salary_records' };
    expect((await admin.put('/api/matrix', { ...grant, actions: ['read'] })).status).toBe(200);
    const changed = await marketing.request('GET', '/api/meta', undefined, revalidate(etag));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((changed.json.resources as { name: string }[]).map((r) => r.name)).toContain('salary_records');
    expect((await admin.put('/api/matrix', { ...grant, actions: [] })).status).toBe(200);
    const back = await marketing.request('GET', '/api/meta', undefined, revalidate(etag));
    expect(back.status).toBe(304);
  });

  it('compresses a page of records as the client accepts, and leaves a small answer alone', async () => {
    const page = `/api/bookings?range=${encodeURIComponent('[0,24]')}`;
    const plain = await admin.request('GET', page, undefined, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const encoding of ['br', 'gzip']) {
      const res = await admin.request('GET', page, undefined, { 'accept-encoding': encoding });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.json).toEqual(plain.json);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(plain.text.length / 3);
    }
    // A browser lists gzip first but wants both alike: the cheaper brotli is chosen; a stated preference wins.
    const browser = await admin.request('GET', page, undefined, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(browser.headers.get('content-encoding')).toBe('br');
    const rather = await admin.request('GET', page, undefined, { 'accept-encoding': 'br;q=0.5, gzip' });
    expect(rather.headers.get('content-encoding')).toBe('gzip');
    // Records are never kept by a browser or proxy, so no answer's body is hashed for a tag.
    expect(plain.headers.get('cache-control')).toBe('no-store');
    expect(plain.headers.get('etag')).toBeNull();
    const missing = await admin.request('GET', '/api/no_such_resource', undefined, { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(missing.json.message).toMatch(/no_such_resource/);
  });

  it('sends the built assets pre-compressed and immutable, and the index fresh each time', async () => {
    const assets = readdirSync(path.join(SPA_DIR, 'assets'));
    const script = assets.find((f) => f.endsWith('.js') && assets.includes(`${f}.br`));
    expect(script).toBeDefined();
    const res = await fetch(`${server.url}/assets/${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect((await res.text()).length).toBeGreaterThan(1000);
    const gz = await fetch(`${server.url}/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const index = await fetch(`${server.url}/bookings`, { headers: { 'accept-encoding': 'identity' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toMatch(/<div id="root">/);
  });

  it('streams a CSV export uncompressed', async () => {
    const res = await admin.request('GET', '/api/bookings?format=csv', undefined, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.text.split('\n').length).toBeGreaterThan(100);
  });
});
