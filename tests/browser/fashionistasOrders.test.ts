import { describe, expect, it, vi } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useDemoBrowser } from './demoBrowser.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/fashionistas/pack.json';
});

/** Fashionistas as its organiser works it: their events' orders, a pending order completed in one step. */
const demo = useDemoBrowser('fashionistas');

describe('the Fashionistas demo', () => {
  it("lets the organiser complete a pending order of their own event from the orders list", async () => {
    const knex = demo.server.db.knex;
    const organiser = await knex('users').where({ email: demoEmail('organizer') }).first('id');
    const { rows } = await knex.raw(
      `SELECT o.id::text AS id FROM orders o WHERE o.status = 'pending' AND EXISTS (
         SELECT 1 FROM order_items i JOIN ticket_types t ON t.id = i.ticket_type_id JOIN events e ON e.id = t.event_id
          WHERE i.order_id = o.id AND e.organizer_id = ?) ORDER BY o.created_at DESC LIMIT 1`,
      [organiser.id],
    );
    const order = rows[0] as { id: string };

    const page = await demo.signIn(demoEmail('organizer'));
    await page.goto(`${demo.server.url}/#/orders/${order.id}/show`);
    await page.getByRole('button', { name: 'Complete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await expect.poll(async () => (await knex('orders').where({ id: order.id }).first('status')).status).toBe('completed');
    await page.context().close();
  });
});
