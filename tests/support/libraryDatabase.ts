import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { migrate } from '../../server/data/migrate.js';
import { runSqlFile } from './foreignServer.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/** The fixture pack governing the library database (tests/fixtures/packs/library). */
export const LIBRARY_PACK = 'tests/fixtures/packs/library/pack.json';

export interface LibraryPeople {
  librarian: string;
  clerk: string;
  reader: string;
  /** Another reader: rows that are not the reader's own. */
  neighbour: string;
  /** Works for the North branch (a tenant): sees and shelves its books only. */
  volunteer: string;
}

/**
 * The library database before any pack governs it: Gatehouse's core, the schema, one account
 * per role (the demo sign-ins, `<role>@demo.gatehouse.dev`), and a few books, loans and notes.
 */
export async function createLibraryDatabase(): Promise<{ db: TestDatabase; people: LibraryPeople }> {
  const db = await createTestDatabase({ empty: true });
  await migrate(db.knex, ['core']);
  await runSqlFile(db.url, 'tests/fixtures/packs/library/schema.sql');
  const hash = await hashPassword(DEMO_PASSWORD);
  const [north, south] = (await db.knex('public.branches').insert([{ name: 'North' }, { name: 'South' }]).returning('id')) as { id: number }[];
  const person = async (role: 'librarian' | 'clerk' | 'reader' | 'volunteer', email: string, name: string, branch?: number): Promise<string> => {
    const [user] = await db.knex('auth.users').insert({ email, encrypted_password: hash, email_confirmed_at: db.knex.fn.now() }).returning('id');
    await db.knex('public.members').insert({ id: user.id, full_name: name, role, branch_id: branch ?? null });
    return user.id as string;
  };
  const people: LibraryPeople = {
    librarian: await person('librarian', demoEmail('librarian'), 'Lena Librarian'),
    clerk: await person('clerk', demoEmail('clerk'), 'Carl Clerk'),
    reader: await person('reader', demoEmail('reader'), 'Rita Reader'),
    neighbour: await person('reader', 'neighbour@library.example', 'Ned Neighbour'),
    volunteer: await person('volunteer', demoEmail('volunteer'), 'Vera Volunteer', north!.id),
  };
  const books = await db.knex('public.books')
    .insert([
      { title: 'The Lighthouse', isbn: '978-0000000001', shelf: 'A1', purchase_price: 12.5, branch_id: north!.id },
      { title: 'Field Notes', isbn: '978-0000000002', shelf: 'A2', purchase_price: 8, branch_id: north!.id },
      { title: 'River Maps', isbn: '978-0000000003', shelf: 'B1', purchase_price: 21.99, branch_id: south!.id },
    ])
    .returning('id');
  const loans = await db.knex('public.loans')
    .insert([
      { book_id: books[0].id, reader_id: people.reader, requested_by: people.reader },
      { book_id: books[1].id, reader_id: people.reader, requested_by: people.reader, status: 'lent', lent_by: people.clerk, lent_at: db.knex.fn.now() },
      { book_id: books[2].id, reader_id: people.neighbour, requested_by: people.clerk },
    ])
    .returning('id');
  await db.knex('public.notes').insert([
    { loan_id: loans[0].id, body: 'Reserved at the desk.' },
    { loan_id: loans[0].id, body: 'Late twice before.', staff_only: true },
    { loan_id: loans[2].id, body: 'Ask for ID.' },
  ]);
  return { db, people };
}
