import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack, PackError } from '../../permissions/packModel.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import type { SchemaModel } from '../../server/meta/schemaModel.js';
import { checkPackAgainstCatalog } from '../../server/packs/checkPackAgainstCatalog.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/** OMBARO's declaration against OMBARO's database, then spoiled one mistake at a time. */
type Declaration = Record<string, any>;
const ombaro = (): Declaration => JSON.parse(readFileSync('permissions/packs/ombaro/pack.json', 'utf8'));

let db: TestDatabase;
let schema: SchemaModel;
beforeAll(async () => {
  db = await createTestDatabase();
  schema = await loadSchemaModel(db.knex);
});
afterAll(() => db?.drop());

const problemsOf = async (declaration: Declaration): Promise<string[]> => {
  try {
    await checkPackAgainstCatalog(db.knex, compilePack(declaration, 'ombaro.json'), schema, 'ombaro.json');
    return [];
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  }
};

describe('a pack checked against its database', () => {
  it("finds nothing wrong with OMBARO's own", async () => {
    expect(await problemsOf(ombaro())).toEqual([]);
  });

  it.each([
    ['an email column that is no text', (d: Declaration) => (d.people.email = 'created_at'), /^people\.email: "user_profiles\.created_at" is timestamp with time zone, but it must hold an email address \(text\)/],
    ['a missing part of a name', (d: Declaration) => (d.people.name = ['name', 'surname']), /^people\.name\[1\]: "user_profiles" has no column "surname"/],
    ['a table the database lacks', (d: Declaration) => d.modules[1].tables.push('gift_cards'), /^modules\.catalog\.tables\[3\]: the database has no table or view "gift_cards"/],
    ['a scope on a missing column', (d: Declaration) => (d.scopes.employee.employees.column = 'person_id'), /^scopes\.employee\.employees\.column: "employees" has no column "person_id"\. Use one of: id, /],
    ['a scope on a column that holds no user id', (d: Declaration) => (d.scopes.employee.employees.column = 'name'), /^scopes\.employee\.employees\.column: "employees\.name" is .*, but it is compared with user ids \(uuid\)/],
    ['hidden rows flagged by a text column', (d: Declaration) => (d.hiddenRows[0].column = 'message'), /^hiddenRows\[0\]\.column: "ticket_messages\.message" is text, but it must be a boolean/],
    ['a state the status column refuses', (d: Declaration) => (d.workflows[0].transitions[2].to = 'bounced'), /^workflows\[0\]: state "bounced" is not a value "payment_settlements\.status" accepts/],
    ['a step stamping the caller into a time', (d: Declaration) => (d.workflows[0].transitions[0].sets = { approved_at: 'caller' }), /^workflows\[0\]\.transitions\[0\]\.sets\.approved_at: .* but it is set to the caller \(a uuid\)/],
    ['an operation with no function', (d: Declaration) => (d.operations[0].function = 'public.generate_payouts'), /^operations\[0\]\.function: the database has no function public\.generate_payouts taking 2 argument/],
    ['an owner set that does not plan', (d: Declaration) => (d.ownerSets.bookingIds = 'SELECT id FROM public.bookings WHERE client_id = $1'), /^ownerSets\.bookingIds: the query does not plan: column "client_id" does not exist/],
    ['a shape on a column that holds no json', (d: Declaration) => (d.shapes.campaigns.name = { type: 'string' }), /^shapes\.campaigns\.name: "campaigns\.name" is text, but a shape describes a json column/],
    ['a thread whose internal flag is text', (d: Declaration) => (d.threads = { ticket_messages: { text: 'message', internal: 'sender_type' } }), /^threads\.ticket_messages\.internal: "ticket_messages\.sender_type" is .*, but it must be a boolean/],
    ['an owner set returning two columns', (d: Declaration) => (d.ownerSets.bookingIds = 'SELECT id, customer_id FROM public.bookings WHERE customer_id = $1'), /^ownerSets\.bookingIds: the query does not plan: it must return one column of ids/],
  ])('refuses %s, naming the path and the fix', async (_what, spoil, message) => {
    const declaration = ombaro();
    spoil(declaration);
    const problems = await problemsOf(declaration);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
