import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from './httpClient.js';
import type { TestServer } from './testServer.js';

/**
 * What the identity tests ask of a test server about demo accounts: a client signed in as a
 * role, the role's user id, and the security events recorded about a user. `server` is read
 * at each call, since test files start their server in beforeAll.
 */
export function demoAccounts(server: () => TestServer) {
  return {
    async signedIn(role: string, password = DEMO_PASSWORD): Promise<ApiClient> {
      const client = new ApiClient(server().url);
      await client.login(demoEmail(role), password);
      return client;
    },
    async userIdOf(role: string): Promise<string> {
      return (await server().db.knex('auth.users').where({ email: demoEmail(role) }).first('id')).id as string;
    },
    eventsOf(userId: string, kind: string) {
      return server().db.knex('gatehouse.security_events').where({ user_id: userId, kind });
    },
  };
}

/** A client signed in as each of these roles' demo accounts, and each account's user id. */
export async function signInRoles<R extends string>(server: TestServer, roles: readonly R[]): Promise<{ as: Record<R, ApiClient>; ids: Record<R, string> }> {
  const users = (await server.db.knex('auth.users').whereIn('email', roles.map(demoEmail)).select('id', 'email')) as { id: string; email: string }[];
  const as = {} as Record<R, ApiClient>;
  const ids = {} as Record<R, string>;
  for (const role of roles) {
    ids[role] = users.find((u) => u.email === demoEmail(role))!.id;
    as[role] = new ApiClient(server.url);
    await as[role].login(demoEmail(role), DEMO_PASSWORD);
  }
  return { as, ids };
}
