import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { migrate } from '../../server/data/migrate.js';
import { runSqlFile } from './foreignServer.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/** The fixture pack governing the festival database (tests/fixtures/packs/festival): roles from a role table. */
export const FESTIVAL_PACK = 'tests/fixtures/packs/festival/pack.json';
/** The person holding two roles at once. */
export const STEWARD_GUEST_EMAIL = 'steward-guest@festival.example';
export const NEIGHBOUR_EMAIL = 'neighbour@festival.example';

export interface FestivalPeople {
  organiser: string;
  steward: string;
  guest: string;
  /** A steward who also holds a guest's ticket: both roles' grants. */
  stewardGuest: string;
  /** Another guest: rows that are nobody else's. */
  neighbour: string;
}

/**
 * The festival database before any pack governs it: Gatehouse's core, the schema, its table of
 * roles, people with their roles assigned in person_roles (one demo sign-in per role,
 * `<role>@demo.gatehouse.dev`, and a steward who is also a guest), stages, tickets, incidents.
 */
export async function createFestivalDatabase(): Promise<{ db: TestDatabase; people: FestivalPeople }> {
  const db = await createTestDatabase({ empty: true });
  await migrate(db.knex, ['core']);
  await runSqlFile(db.url, 'tests/fixtures/packs/festival/schema.sql');
  const hash = await hashPassword(DEMO_PASSWORD);
  const roleIds = new Map<string, number>();
  for (const row of (await db.knex('public.roles').insert(['organiser', 'steward', 'guest', 'press'].map((name) => ({ name }))).returning(['id', 'name'])) as { id: number; name: string }[]) {
    roleIds.set(row.name, row.id);
  }
  const person = async (email: string, name: string, roles: string[]): Promise<string> => {
    const [user] = await db.knex('auth.users').insert({ email, encrypted_password: hash, email_confirmed_at: db.knex.fn.now() }).returning('id');
    await db.knex('public.people').insert({ id: user.id, full_name: name });
    if (roles.length) await db.knex('public.person_roles').insert(roles.map((r) => ({ person_id: user.id, role_id: roleIds.get(r)! })));
    return user.id as string;
  };
  const people: FestivalPeople = {
    organiser: await person(demoEmail('organiser'), 'Olive Organiser', ['organiser']),
    steward: await person(demoEmail('steward'), 'Stan Steward', ['steward']),
    guest: await person(demoEmail('guest'), 'Gail Guest', ['guest']),
    // "press" is no role of the pack: it grants nothing and is not carried to the session.
    stewardGuest: await person(STEWARD_GUEST_EMAIL, 'Sam Both', ['guest', 'steward', 'press']),
    neighbour: await person(NEIGHBOUR_EMAIL, 'Ned Neighbour', ['guest']),
  };
  const [main, tent] = (await db.knex('public.stages').insert([{ name: 'Main stage', budget: 50000 }, { name: 'Tent', budget: 8000 }]).returning('id')) as { id: string }[];
  await db.knex('public.tickets').insert([
    { stage_id: main!.id, holder_id: people.guest, seat: 'A1' },
    { stage_id: tent!.id, holder_id: people.stewardGuest, seat: 'B2' },
    { stage_id: main!.id, holder_id: people.neighbour, seat: 'C3' },
  ]);
  await db.knex('public.incidents').insert([
    { stage_id: main!.id, body: 'Lost umbrella at the bar.' },
    { stage_id: tent!.id, body: 'Complaint about a steward.', confidential: true },
  ]);
  return { db, people };
}
