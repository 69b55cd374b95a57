import { describe, expect, it, vi } from 'vitest';
import { ensureAdministrator } from '../../server/auth/users.js';
import { migrate } from '../../server/data/migrate.js';
import { createTestDatabase } from '../support/testDatabase.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer } from '../support/testServer.js';

// No pack governs this database: one role, the administrator.
vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'none';
});

const USERS = '/api/auth/users';
const ONE_TIME = 'Quartz-lantern-47-orbit';

describe('on a database without a pack', () => {
  it('lets its administrator create, list and suspend users in Gatehouse’s own tables, and serves nobody else', async () => {
    const db = await createTestDatabase({ empty: true });
    await migrate(db.knex, ['core']);
    const owner = { email: 'owner@example.org', password: 'a long enough passphrase' };
    await ensureAdministrator(db.knex, owner.email, owner.password);
    const foreign = await startTestServer({ db });
    try {
      const boss = new ApiClient(foreign.url);
      await boss.login(owner.email, owner.password);
      const listed = await boss.get(USERS);
      expect(listed.json).toMatchObject({ total: 1, canAdminister: true, mobileRequired: false, roles: [{ name: 'administrator', label: 'Administrator' }] });
      expect(listed.json.items[0].role).toBe('administrator');
      // Without a pack there is no other role to give.
      const clerkRole = await boss.post(USERS, { email: 'clerk@example.org', name: 'Clerk', role: 'finance_department', password: ONE_TIME });
      expect(clerkRole.status).toBe(400);
      expect(clerkRole.json.errors).toHaveProperty('role');

      const created = await boss.post(USERS, { email: 'deputy@example.org', name: 'Deputy', role: 'administrator', password: ONE_TIME });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ role: 'administrator', status: 'active', mustChangePassword: true });
      const deputy = new ApiClient(foreign.url);
      await deputy.login('deputy@example.org', ONE_TIME);
      expect((await deputy.post('/api/auth/password', { currentPassword: ONE_TIME, newPassword: 'Marigold-harbour-93-sextant' })).status).toBe(204);
      expect((await deputy.get(USERS)).status).toBe(200);

      const suspended = await boss.post(`${USERS}/${created.json.id}/suspend`);
      expect(suspended.json.status).toBe('suspended');
      expect((await deputy.get('/api/auth/me')).status).toBe(401);
      const whileSuspended = await new ApiClient(foreign.url).post('/api/auth/login', { email: 'deputy@example.org', password: 'Marigold-harbour-93-sextant' });
      expect(whileSuspended.status).toBe(403);
      expect(whileSuspended.json.message).toMatch(/suspended/);
      expect((await boss.post(`${USERS}/${created.json.id}/reactivate`)).json.status).toBe('active');
      expect((await boss.post(`${USERS}/${listed.json.items[0].id}/suspend`)).status).toBe(403);

      // Someone given another role by other means: this server's data login is the owner
      // (the database has no authenticator), so RLS would not bind them; they are told why.
      await db.knex('auth.users').where({ email: 'deputy@example.org' }).update({ raw_app_meta_data: JSON.stringify({ role: 'clerk' }) });
      const refused = await new ApiClient(foreign.url).post('/api/auth/login', { email: 'deputy@example.org', password: 'Marigold-harbour-93-sextant' });
      expect(refused.status).toBe(403);
      expect(refused.json.code).toBe('api_login_bypasses_rls');
    } finally {
      await foreign.close();
    }
  });
});
