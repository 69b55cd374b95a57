import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PACK } from '../../permissions/activePack.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { applyGovernance, revertGovernance } from '../../server/govern/governDatabase.js';
import { asCaller, buildCases, compareEnforcers, signInEveryRole, type Caller } from '../security/enforcers.js';
import { createFestivalDatabase, NEIGHBOUR_EMAIL, STEWARD_GUEST_EMAIL, type FestivalPeople } from '../support/festivalDatabase.js';
import { governedSnapshot } from '../support/governedSnapshot.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { governedServer } from '../support/governedServer.js';
import type { TestServer } from '../support/testServer.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'tests/fixtures/packs/festival/pack.json';
});

/**
 * A database whose people hold roles through a role table (tests/fixtures/packs/festival):
 * several roles per person, their grants added up alike by CASL and by the database.
 */
const governed = (options: { rollbackWrites?: boolean } = {}) => governedServer(createFestivalDatabase, options);

const signIn = async (server: TestServer, email: string) => {
  const api = new ApiClient(server.url);
  await api.login(email, DEMO_PASSWORD);
  return api;
};

describe('the API and the database of a festival whose people hold several roles', () => {
  let server: TestServer;
  let people: FestivalPeople;
  beforeAll(async () => {
    ({ server, people } = await governed({ rollbackWrites: true }));
  });
  afterAll(() => server?.close());

  it('agree on every role x resource x action, for one role and for two held together', async () => {
    const both: Caller = { role: 'steward+guest', roles: ['steward', 'guest'], id: people.stewardGuest, api: await signIn(server, STEWARD_GUEST_EMAIL) };
    const callers = [...(await signInEveryRole(server.db.knex, server.url)), both];
    const cases = await buildCases(server.db.knex, callers, [...server.schema.resources.values()].filter((r) => r.schema === 'public'));
    const { disagreements } = await compareEnforcers(server.db.knex, cases);
    console.log(`festival differential: ${cases.length} cases, ${disagreements.length} disagreements`);
    expect(cases.filter((c) => c.caller === both).length).toBeGreaterThan(20);
    expect(disagreements).toEqual([]);
  }, 300_000);
});

describe('a person holding several roles, as the pack declares them', () => {
  let server: TestServer;
  let people: FestivalPeople;
  beforeAll(async () => {
    ({ server, people } = await governed());
  });
  afterAll(() => server?.close());

  it("carries the pack's roles a person holds in the role table to their session, in the pack's order", async () => {
    const both = await signIn(server, STEWARD_GUEST_EMAIL);
    const me = await both.get('/api/auth/me');
    expect(me.status, me.text).toBe(200);
    expect(me.json).toMatchObject({ role: 'steward', roles: ['steward', 'guest'] });
    const { rows } = await server.db.knex.raw(`SELECT gatehouse.roles_of(raw_app_meta_data) AS roles FROM auth.users WHERE id = ?`, [people.guest]);
    expect(rows[0].roles).toEqual(['guest']);
  });

  it("adds the roles' grants up: a steward's reach over every ticket, a guest's right to buy one for themselves", async () => {
    const both = await signIn(server, STEWARD_GUEST_EMAIL);
    const tickets = (await both.get(`/api/tickets${q({ range: [0, 49] })}`)).json as { holder_id: string; seat: string }[];
    expect(tickets).toHaveLength(3);
    const stages = (await both.get(`/api/stages${q({ range: [0, 49] })}`)).json as Record<string, unknown>[];
    const mine = await both.post('/api/tickets', { stage_id: stages[0]!.id, holder_id: people.stewardGuest });
    expect(mine.status, mine.text).toBe(201);
    // Neither role may create a ticket for someone else: the guest's create reaches its own rows only.
    expect((await both.post('/api/tickets', { stage_id: stages[0]!.id, holder_id: people.neighbour })).status).toBe(403);
    // The steward's column privilege on seats holds on every ticket the person reaches.
    const theirs = (await server.db.knex('public.tickets').where({ holder_id: people.neighbour }).first('id')) as { id: string };
    const seated = await both.put(`/api/tickets/${theirs.id}`, { seat: 'Z9' });
    expect(seated.status, seated.text).toBe(200);
    // A guest alone may neither see the neighbour's ticket nor seat anyone.
    const guest = await signIn(server, demoEmail('guest'));
    expect((await guest.get(`/api/tickets/${theirs.id}`)).status).toBe(404);
    const own = (await guest.get(`/api/tickets${q({ range: [0, 49] })}`)).json as { id: string }[];
    expect(own).toHaveLength(1);
    expect((await guest.put(`/api/tickets/${own[0]!.id}`, { seat: 'A2' })).status).toBe(403);
  });

  it('keeps rows hidden from a role hidden when the other role grants nothing there, in the API and the database', async () => {
    const both = await signIn(server, STEWARD_GUEST_EMAIL);
    const incidents = (await both.get(`/api/incidents${q({ range: [0, 49] })}`)).json as { body: string }[];
    expect(incidents.map((i) => i.body)).toEqual(['Lost umbrella at the bar.']);
    const seen = await asCaller(server.db.knex, { id: people.stewardGuest, role: 'steward', roles: ['steward', 'guest'] }, async (trx) =>
      (await trx.raw(`SELECT body FROM public.incidents`)).rows.map((r: { body: string }) => r.body),
    );
    expect(seen).toEqual(['Lost umbrella at the bar.']);
    const organiser = await signIn(server, demoEmail('organiser'));
    expect(((await organiser.get(`/api/incidents${q({ range: [0, 49] })}`)).json as unknown[]).length).toBe(2);
    // Neither role reads the budget.
    for (const stage of (await both.get(`/api/stages${q({ range: [0, 49] })}`)).json as Record<string, unknown>[]) expect(stage).not.toHaveProperty('budget');
  });

  it('lets the organiser give a person several roles on the users screen, written to the role table', async () => {
    const organiser = await signIn(server, demoEmail('organiser'));
    const neighbour = await signIn(server, NEIGHBOUR_EMAIL);
    expect(((await neighbour.get(`/api/tickets${q({ range: [0, 49] })}`)).json as unknown[]).length).toBe(1);
    const users = await organiser.get(`/api/auth/users?perPage=50`);
    expect(users.status, users.text).toBe(200);
    const listed = (users.json.items as { email: string; roles: string[] }[]).find((u) => u.email === STEWARD_GUEST_EMAIL);
    expect(listed?.roles).toEqual(['steward', 'guest']);
    const filtered = await organiser.get(`/api/auth/users?role=guest`);
    expect((filtered.json.items as { email: string }[]).map((u) => u.email).sort()).toEqual([STEWARD_GUEST_EMAIL, demoEmail('guest'), NEIGHBOUR_EMAIL].sort());

    const changed = await organiser.post(`/api/auth/users/${people.neighbour}/role`, { roles: ['guest', 'steward'] });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.roles).toEqual(['steward', 'guest']);
    const { rows } = await server.db.knex.raw(
      `SELECT array_agg(r.name ORDER BY r.name) AS names FROM public.person_roles a JOIN public.roles r ON r.id = a.role_id WHERE a.person_id = ?`,
      [people.neighbour],
    );
    expect(rows[0].names).toEqual(['guest', 'steward']);
    // The change ended the neighbour's session; signed in again, both roles apply.
    expect((await neighbour.get('/api/auth/me')).status).toBe(401);
    const again = await signIn(server, NEIGHBOUR_EMAIL);
    const everyTicket = Number(((await server.db.knex('public.tickets').count({ n: '*' })) as { n: string }[])[0]!.n);
    expect(((await again.get(`/api/tickets${q({ range: [0, 49] })}`)).json as unknown[]).length).toBe(everyTicket);

    expect((await organiser.post(`/api/auth/users/${people.neighbour}/role`, { roles: ['guest'] })).status).toBe(200);
    expect((await organiser.post(`/api/auth/users/${people.neighbour}/role`, { roles: ['bouncer'] })).status).toBe(400);
    const steward = await signIn(server, demoEmail('steward'));
    expect((await steward.post(`/api/auth/users/${people.neighbour}/role`, { roles: ['organiser'] })).status).toBe(403);
    const { rows: after } = await server.db.knex.raw(`SELECT gatehouse.roles_of(raw_app_meta_data) AS roles FROM auth.users WHERE id = ?`, [people.neighbour]);
    expect(after[0].roles).toEqual(['guest']);
  });
});

describe('governing a database with a role table', () => {
  it('applies, and reverts to exactly what was there', async () => {
    const { db } = await createFestivalDatabase();
    try {
      const before = await governedSnapshot(db.knex);
      expect(await applyGovernance(db.knex, PACK)).toMatchObject({ changed: true });
      expect(await applyGovernance(db.knex, PACK)).toEqual({ changed: false });
      expect(await revertGovernance(db.knex)).toMatchObject({ pack: 'festival' });
      expect(await governedSnapshot(db.knex)).toEqual(before);
    } finally {
      await db.drop();
    }
  });
});
