import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { inspectApiLogin } from '../../server/data/apiLogin.js';
import type { HistoryEntryDto } from '../../server/http/historyRouter.js';
import { asCaller, buildCases, compareEnforcers, signInEveryRole } from '../security/enforcers.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { createLibraryDatabase, type LibraryPeople } from '../support/libraryDatabase.js';
import { governedServer } from '../support/governedServer.js';
import type { TestServer } from '../support/testServer.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'tests/fixtures/packs/library/pack.json';
});

/**
 * A database governed by a pack that is not OMBARO's (tests/fixtures/packs/library), through
 * `govern --apply` alone: both enforcers come from the declaration and agree everywhere, and
 * each role sees and does exactly what it says.
 */
const governed = (options: { rollbackWrites?: boolean } = {}) => governedServer(createLibraryDatabase, options);

describe('the API and the database of a governed library', () => {
  let server: TestServer;
  beforeAll(async () => {
    ({ server } = await governed({ rollbackWrites: true }));
  });
  afterAll(() => server?.close());

  it('agree on every role x resource x action', async () => {
    const callers = await signInEveryRole(server.db.knex, server.url);
    const cases = await buildCases(server.db.knex, callers, [...server.schema.resources.values()].filter((r) => r.schema === 'public'));
    const { disagreements, tally } = await compareEnforcers(server.db.knex, cases);
    console.log(`library differential: ${cases.length} cases, ${disagreements.length} disagreements`);
    expect(disagreements).toEqual([]);
    for (const verb of ['read', 'create', 'update', 'delete', 'approve', 'export'] as const) {
      expect(tally.get(verb)?.ok, `${verb} allowed somewhere`).toBeGreaterThan(0);
      expect(tally.get(verb)?.refused, `${verb} refused somewhere`).toBeGreaterThan(0);
    }
  }, 300_000);

  it('serves data through a login that cannot bypass row-level security', async () => {
    const login = await inspectApiLogin(server.apiKnex, server.schema);
    expect(login).toEqual({ name: 'gatehouse_authenticator' });
  });
});

describe('each role of the library, as the pack declares it', () => {
  let server: TestServer;
  let people: LibraryPeople;
  const as = async (role: string) => {
    const api = new ApiClient(server.url);
    await api.login(demoEmail(role), DEMO_PASSWORD);
    return api;
  };
  beforeAll(async () => {
    ({ server, people } = await governed());
  });
  afterAll(() => server?.close());

  it('a reader sees their own loans, no purchase price, and none of the staff-only notes', async () => {
    const reader = await as('reader');
    const loans = (await reader.get(`/api/loans${q({ range: [0, 49] })}`)).json as { reader_id: string }[];
    expect(loans).toHaveLength(2);
    expect(loans.every((l) => l.reader_id === people.reader)).toBe(true);
    const books = (await reader.get(`/api/books${q({ range: [0, 49] })}`)).json as Record<string, unknown>[];
    expect(books, JSON.stringify(books)).toHaveLength(3);
    for (const book of books) expect(book).not.toHaveProperty('purchase_price');
    const notes = (await reader.get(`/api/notes${q({ range: [0, 49] })}`)).json as { body: string }[];
    expect(notes.map((n) => n.body)).toEqual(['Reserved at the desk.']);
    expect((await reader.post('/api/books', { title: 'Mine now' })).status).toBe(403);
  });

  it("a volunteer sees and shelves their own branch's books only (a tenant scope), in the API and in the database", async () => {
    const volunteer = await as('volunteer');
    const books = (await volunteer.get(`/api/books${q({ range: [0, 49] })}`)).json as { id: string; title: string }[];
    expect(books.map((b) => b.title).sort()).toEqual(['Field Notes', 'The Lighthouse']);
    const shelved = await volunteer.put(`/api/books/${books[0]!.id}`, { shelf: 'Z9' });
    expect(shelved.status, shelved.text).toBe(200);
    const south = (await server.db.knex('public.books').where({ title: 'River Maps' }).first('id')) as { id: string };
    expect((await volunteer.get(`/api/books/${south.id}`)).status).toBe(404);
    expect((await volunteer.put(`/api/books/${south.id}`, { shelf: 'Z9' })).status).toBe(404);
    const seen = await asCaller(server.db.knex, { id: people.volunteer, role: 'volunteer' }, async (trx) =>
      (await trx.raw(`SELECT title FROM public.books ORDER BY title`)).rows.map((r: { title: string }) => r.title),
    );
    expect(seen).toEqual(['Field Notes', 'The Lighthouse']);
  });

  it('nobody lends a book they requested themselves; another may, and is recorded as the lender', async () => {
    const clerk = await as('clerk');
    const books = (await clerk.get(`/api/books${q({ range: [0, 0] })}`)).json as { id: string }[];
    const requested = await clerk.post('/api/loans', { book_id: books[0]!.id, reader_id: people.neighbour });
    expect(requested.status, requested.text).toBe(201);
    expect(requested.json.requested_by).toBe(people.clerk);
    const own = await clerk.post(`/api/loans/${requested.json.id}/lend`, {});
    expect(own.status).toBe(403);
    const librarian = await as('librarian');
    const lent = await librarian.post(`/api/loans/${requested.json.id}/lend`, {});
    expect(lent.status, lent.text).toBe(200);
    expect(lent.json).toMatchObject({ status: 'lent', lent_by: people.librarian });
  });

  it("names the pack's roles and people on the users screen, and its matrix in the editor", async () => {
    const librarian = await as('librarian');
    const users = await librarian.get('/api/auth/users');
    expect(users.status, users.text).toBe(200);
    expect(users.json.roles).toEqual([
      { name: 'librarian', label: 'Librarian' },
      { name: 'clerk', label: 'Desk clerk' },
      { name: 'reader', label: 'Reader' },
      { name: 'volunteer', label: 'Volunteer' },
    ]);
    expect(users.json.items.map((u: { name: string }) => u.name)).toContain('Rita Reader');
    const matrix = await librarian.get('/api/matrix');
    expect(matrix.status, matrix.text).toBe(200);
    expect(matrix.json.roles).toEqual(['librarian', 'clerk', 'reader', 'volunteer']);
    expect(matrix.json.editable).toBe(true);
    expect((await (await as('clerk')).get('/api/matrix')).status).toBe(403);
  });

  it("records every change in Gatehouse's own audit trail: a record's History shows who changed what, and the chain holds", async () => {
    const clerk = await as('clerk');
    // The South branch's book: no other test here changes it (the volunteer shelves a North book).
    const book = (await server.db.knex('public.books').where({ title: 'River Maps' }).first('id')) as { id: string };
    expect((await clerk.put(`/api/books/${book.id}`, { shelf: 'Q7' })).status).toBe(200);
    const history = await clerk.get(`/api/books/${book.id}/history`);
    expect(history.status, history.text).toBe(200);
    const entries = history.json as HistoryEntryDto[];
    expect(entries[0]).toMatchObject({ operation: 'UPDATE', userEmail: demoEmail('clerk'), userRole: 'clerk', before: { shelf: 'B1' }, after: { shelf: 'Q7' } });
    // A change to the purchase price, which readers may not read, is left out of a reader's view of the history.
    expect((await (await as('librarian')).put(`/api/books/${book.id}`, { purchase_price: 9.5 })).status).toBe(200);
    expect(((await clerk.get(`/api/books/${book.id}/history`)).json as HistoryEntryDto[])[0]).toMatchObject({ after: { purchase_price: 9.5 } });
    const seen = (await (await as('reader')).get(`/api/books/${book.id}/history`)).json as HistoryEntryDto[];
    expect(seen.map((e) => e.after)).toEqual([{ shelf: 'Q7' }]);
    const { rows } = await server.db.knex.raw(`SELECT count(*)::int AS n, bool_and(hash IS NOT NULL) AS hashed FROM gatehouse.audit_trail`);
    expect(rows[0].n).toBeGreaterThan(5);
    expect(rows[0].hashed).toBe(true);
    await expect(server.db.knex.raw(`DELETE FROM gatehouse.audit_trail`)).rejects.toThrow(/append-only/);
  });

  it("keeps the database's own policy in force beside the pack's", async () => {
    const seen = (id: string) =>
      asCaller(server.db.knex, { id, role: 'librarian' }, async (trx) => (await trx.raw(`SELECT count(*)::int AS n FROM public.notes`)).rows[0].n as number);
    expect(await seen(people.librarian)).toBe(3);
    // Without a signed-in user the table's own policy (auth.uid() IS NOT NULL) refuses every row.
    const anonymous = await server.db.knex.transaction(async (trx) => {
      await trx.raw(`SELECT set_config('app.role', 'librarian', true), set_config('role', gatehouse.db_role('librarian'), true)`);
      return (await trx.raw(`SELECT count(*)::int AS n FROM public.notes`)).rows[0].n as number;
    });
    expect(anonymous).toBe(0);
  });
});
