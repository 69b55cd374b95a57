import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { parseCsv } from '../support/parseCsv.js';
import { serveForeignDatabase } from '../support/foreignServer.js';
import type { TestServer } from '../support/testServer.js';
import { labelViewName, referenceLabelsSql } from '../../permissions/labelSql.js';
import { labelReferences } from '../../server/meta/recordLabels.js';

// Served as it is: no pack governs this database (administrator-only mode).
vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'none';
});

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  ({ server, api } = await serveForeignDatabase('tests/fixtures/inherited_keys.sql', { email: 'owner@inherited.example', password: 'a long enough passphrase' }));
});
afterAll(() => server?.close());

/** A reference to a table others inherit from names the parent's own row, though a child repeats its key. */
describe('a reference to a table that others inherit from', () => {
  it('is exported once per row, beside the name of the row the foreign key names', async () => {
    const res = await api.get(`/api/visits${q({ sort: ['id', 'ASC'] })}&format=csv`);
    expect(res.status, res.text).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[at('note')], r[at('place_id_label')]])).toEqual([
      ['first', 'Town hall'],
      ['second', 'Library'],
      ['third', 'Town hall'],
    ]);
  });

  it('is sorted and searched by that name', async () => {
    const sorted = await api.get(`/api/visits${q({ sort: ['place_id', 'DESC'], range: [0, 9] })}`);
    expect(sorted.status, sorted.text).toBe(200);
    expect(sorted.json.map((v: { note: string }) => v.note)).toEqual(['first', 'third', 'second']);
    const found = await api.get(`/api/visits${q({ filter: { q: 'annex' }, range: [0, 9] })}`);
    expect(found.status, found.text).toBe(200);
    expect(found.json).toEqual([]);
    const hall = await api.get(`/api/visits${q({ filter: { q: 'town hall' }, sort: ['id', 'ASC'], range: [0, 9] })}`);
    expect(hall.json.map((v: { note: string }) => v.note)).toEqual(['first', 'third']);
  });

  it('names a record through it where a label is composed from the record it refers to', async () => {
    const sorted = await api.get(`/api/tickets${q({ sort: ['show_id', 'DESC'], range: [0, 9] })}`);
    expect(sorted.status, sorted.text).toBe(200);
    expect(sorted.json.map((t: { holder: string }) => t.holder)).toEqual(['Ada', 'Bo']);
    const res = await api.get(`/api/tickets${q({ sort: ['id', 'ASC'] })}&format=csv`);
    expect(res.status, res.text).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    expect(rows.map((r) => r[header!.indexOf('show_id_label')])).toEqual(['Town hall · 5 Dec 2026', 'Library · 6 Dec 2026']);
  });

  it("gives each record one label in the label views that governance makes for those who may not read the target", async () => {
    // As `gatehouse govern` makes them for a pack's roles (this database is served without one).
    await server.db.knex.raw(referenceLabelsSql(labelReferences(server.schema)));
    const labels = async (resource: string, column: string) =>
      (await server.db.knex.raw(`SELECT id::text, label FROM ${labelViewName(resource, column)} ORDER BY label`)).rows;
    expect(await labels('visits', 'place_id')).toEqual([
      { id: '2', label: 'Library' },
      { id: '1', label: 'Town hall' },
    ]);
    expect((await labels('tickets', 'show_id')).map((r: { label: string }) => r.label)).toEqual(['Library · 6 Dec 2026', 'Town hall · 5 Dec 2026']);
  });
});
