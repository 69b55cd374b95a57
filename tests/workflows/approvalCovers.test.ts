import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalCovers, workflowOf } from '../../permissions/workflows.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { signInRoles } from '../support/accounts.js';
import { ApiClient } from '../support/httpClient.js';
import { sqlStateOf } from '../support/sqlState.js';
import { createTestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { asCaller } from '../security/enforcers.js';

/** An approval covers what was approved: changing it afterwards takes the approval away, or is refused once the record is done. */
let server: TestServer;
const ROLES = ['marketing_department', 'directors', 'accounts_department', 'finance_department'] as const;
let as: Record<(typeof ROLES)[number], ApiClient>;
let ids: Record<(typeof ROLES)[number], string>;
const knex = () => server.db.knex;

beforeAll(async () => {
  server = await startTestServer();
  ({ as, ids } = await signInRoles(server, ROLES));
});
afterAll(() => server?.close());

/** A campaign marketing drafted and directors approved. */
async function approvedCampaign(budget = 175000) {
  const draft = await as.marketing_department!.post('/api/campaigns', {
    name: `Monsoon offer ${Math.random().toString(36).slice(2, 8)}`,
    type: 'email',
    budget,
    start_date: '2031-07-01T00:00:00Z',
    end_date: '2031-07-31T00:00:00Z',
    content: { subject: 'Monsoon offer', body: 'Ten per cent off all treatments in July.' },
  });
  expect(draft.status, draft.text).toBe(201);
  const approved = await as.directors!.post(`/api/campaigns/${draft.json.id}/approve`);
  expect(approved.status, approved.text).toBe(200);
  expect(approved.json.status).toBe('scheduled');
  expect(approved.json.approved_by).toBe(ids.directors);
  return approved.json as Record<string, unknown> & { id: string };
}

describe('what an approval covers', () => {
  it('is derived from the workflow: states after the step send the record back, states no step leaves refuse', () => {
    const campaigns = approvalCovers(workflowOf('campaigns')!)[0]!;
    expect(campaigns.backTo).toBe('draft');
    expect(campaigns.clears).toEqual(['approved_by']);
    expect([...campaigns.reopens].sort()).toEqual(['active', 'paused', 'scheduled']);
    expect([...campaigns.refuses].sort()).toEqual(['cancelled', 'completed']);
    const settlements = approvalCovers(workflowOf('payment_settlements')!)[0]!;
    expect(settlements.reopens).toEqual(['processing']);
    expect([...settlements.refuses].sort()).toEqual(['completed', 'failed']);
  });

  it("sends an approved campaign back to draft when its budget is raised, and says so in History", async () => {
    const campaign = await approvedCampaign();
    const raised = await as.marketing_department!.put(`/api/campaigns/${campaign.id}`, { ...campaign, budget: 900000 });
    expect(raised.status, raised.text).toBe(200);
    expect(raised.json).toMatchObject({ status: 'draft', approved_by: null });
    expect(Number(raised.json.budget)).toBe(900000);
    const history = await as.marketing_department!.get(`/api/campaigns/${campaign.id}/history`);
    expect(history.json[0]).toMatchObject({ operation: 'UPDATE', reason: expect.stringMatching(/budget.*changed after "Approve": back to draft/) });
    expect(history.json[0].after).toMatchObject({ status: 'draft' });
    // Directors approve the new budget; an edit of what the approval does not cover keeps it.
    const again = await as.directors!.post(`/api/campaigns/${campaign.id}/approve`);
    expect(again.json.status).toBe('scheduled');
    const renamed = await as.marketing_department!.put(`/api/campaigns/${campaign.id}`, { ...again.json, name: `${String(again.json.name)} (renamed)` });
    expect(renamed.json).toMatchObject({ status: 'scheduled', approved_by: ids.directors });
    // The same amount written another way is no change.
    const same = await as.marketing_department!.put(`/api/campaigns/${campaign.id}`, { ...renamed.json, budget: '900000.00' });
    expect(same.json).toMatchObject({ status: 'scheduled', approved_by: ids.directors });
  });

  it('refuses to change the amounts of a paid settlement, naming the field, and changes nothing', async () => {
    const settlement = await knex()('payment_settlements').where({ status: 'completed' }).first();
    const res = await as.accounts_department!.put(`/api/payment_settlements/${settlement.id}`, { gross_amount: Number(settlement.gross_amount) + 1000 });
    expect(res.status).toBe(409);
    expect(res.json.errors.gross_amount).toMatch(/no longer change/);
    expect(res.json.message).toBe('Gross amount can no longer change: this payment settlement was approved ("Approve") and is completed now.');
    const after = await knex()('payment_settlements').where({ id: settlement.id }).first();
    expect(after.gross_amount).toBe(settlement.gross_amount);
    expect(after.status).toBe('completed');
  });

  it('is kept by the database on its own, for an edit sent in SQL as the role', async () => {
    const campaign = await approvedCampaign();
    const row = await asCaller(knex(), { id: ids.marketing_department!, role: 'marketing_department' }, async (trx) => {
      const [updated] = await trx('campaigns').where({ id: campaign.id }).update({ budget: 950000 }).returning(['status', 'approved_by']);
      return updated;
    });
    expect(row).toEqual({ status: 'draft', approved_by: null });
    // Nor can the edit pick another state on its way back.
    const moved = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.marketing_department!, role: 'marketing_department' }, (trx) =>
        trx('campaigns').where({ id: campaign.id }).update({ budget: 950000, status: 'active' }),
      ),
    );
    expect(moved).toBe('55000');
    const settlement = await knex()('payment_settlements').where({ status: 'completed' }).first('id', 'net_settlement_amount');
    const paid = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.accounts_department!, role: 'accounts_department' }, (trx) =>
        trx('payment_settlements').where({ id: settlement.id }).update({ net_settlement_amount: 1 }),
      ),
    );
    expect(paid).toBe('55000');
  });

  it('is kept by the API on its own, with the database guard switched off', async () => {
    const copy = await createTestDatabase();
    await copy.knex.raw('ALTER TABLE public.campaigns DISABLE TRIGGER campaigns_workflow; ALTER TABLE public.payment_settlements DISABLE TRIGGER payment_settlements_workflow');
    const alone = await startTestServer({ db: copy });
    try {
      const marketing = new ApiClient(alone.url);
      await marketing.login(demoEmail('marketing_department'), DEMO_PASSWORD);
      const scheduled = await copy.knex('campaigns').where({ status: 'scheduled' }).first();
      const raised = await marketing.put(`/api/campaigns/${scheduled.id}`, { budget: Number(scheduled.budget) + 500000 });
      expect(raised.status, raised.text).toBe(200);
      expect(raised.json.status).toBe('draft');
      const accounts = new ApiClient(alone.url);
      await accounts.login(demoEmail('accounts_department'), DEMO_PASSWORD);
      const paid = await copy.knex('payment_settlements').where({ status: 'completed' }).first('id', 'gross_amount');
      expect((await accounts.put(`/api/payment_settlements/${paid.id}`, { gross_amount: 1 })).status).toBe(409);
      expect((await copy.knex('payment_settlements').where({ id: paid.id }).first('gross_amount')).gross_amount).toBe(paid.gross_amount);
    } finally {
      await alone.close();
    }
  });
});
