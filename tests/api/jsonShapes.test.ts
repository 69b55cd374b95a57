import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonShapeCheck } from '../../server/meta/checkConstraints.js';
import type { ResourceMeta } from '../../server/meta/types.js';
import { signInRoles } from '../support/accounts.js';
import type { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** A json column with a declared shape: the form is drawn from it, and every write is held to it with a plain message. */
let server: TestServer;
const ROLES = ['hr_department', 'marketing_department'] as const;
let as: Record<(typeof ROLES)[number], ApiClient>;

beforeAll(async () => {
  server = await startTestServer();
  ({ as } = await signInRoles(server, ROLES));
});
afterAll(() => server?.close());

const pendingSalary = async () => (await server.db.knex('salary_records').where({ status: 'pending' }).first('id', 'allowances')) as { id: string; allowances: Record<string, number> };

describe('json columns with a shape', () => {
  it('are described to the form with a title for every field', async () => {
    const meta = (await as.hr_department.get('/api/meta')).json.resources as ResourceMeta[];
    const allowances = meta.find((r) => r.name === 'salary_records')!.fields.find((f) => f.name === 'allowances')!;
    expect(allowances.shape?.properties?.hra?.title).toBe('House rent (HRA)');
    expect(allowances.shape?.properties?.transport?.title).toBe('Transport');
    expect(allowances.shape?.additionalProperties).toMatchObject({ type: 'number', minimum: 0 });
    // A json column nobody declared keeps no shape: the JSON editor.
    const vendors = (await as.hr_department.get('/api/meta')).json.resources as ResourceMeta[];
    expect(vendors.find((r) => r.name === 'employees')!.fields.find((f) => f.name === 'address')!.shape).toBeUndefined();
  });

  it('take a value of the shape, extra amount lines included', async () => {
    const salary = await pendingSalary();
    const allowances = { ...salary.allowances, hra: 12_000, night_shift: 750 };
    const res = await as.hr_department.put(`/api/salary_records/${salary.id}`, { allowances });
    expect(res.status, res.text).toBe(200);
    expect((await server.db.knex('salary_records').where({ id: salary.id }).first('allowances')).allowances).toEqual(allowances);
  });

  it('refuse a value off the shape, naming the part in words, and change nothing', async () => {
    const salary = await pendingSalary();
    const cases: [Record<string, unknown>, string][] = [
      [{ allowances: { hra: 'twelve thousand' } }, 'House rent (HRA) must be a number.'],
      [{ allowances: { hra: -5 } }, 'House rent (HRA) must be at least 0.'],
      [{ allowances: { bonus_trip: 'yes' } }, 'Bonus trip must be a number.'],
      [{ deductions: [1, 2] }, 'The value must be a set of fields.'],
    ];
    for (const [body, message] of cases) {
      const res = await as.hr_department.put(`/api/salary_records/${salary.id}`, body);
      expect(res.status, res.text).toBe(400);
      expect(Object.values(res.json.errors)).toEqual([message]);
    }
    expect((await server.db.knex('salary_records').where({ id: salary.id }).first('allowances')).allowances).toEqual(salary.allowances);

    const campaign = { name: 'Monsoon glow', type: 'email', budget: 50_000 };
    const noBody = await as.marketing_department.post('/api/campaigns', { ...campaign, content: { subject: 'Glow this monsoon' } });
    expect(noBody.status, noBody.text).toBe(400);
    expect(noBody.json.errors).toEqual({ content: 'Message is required.' });
    const stray = await as.marketing_department.post('/api/campaigns', { ...campaign, content: { subject: 'Glow', body: 'Book now', colour: 'red' } });
    expect(stray.json.errors).toEqual({ content: 'The value has no field "colour".' });
    const badAudience = await as.marketing_department.post('/api/campaigns', {
      ...campaign,
      content: { subject: 'Glow', body: 'Book now' },
      target_audience: { tier: ['bronze'], age_range: [21] },
    });
    expect(badAudience.json.errors.target_audience).toBe('Loyalty tiers › item 1 must be one of: silver, gold, platinum, diamond.');
    const good = await as.marketing_department.post('/api/campaigns', {
      ...campaign,
      content: { subject: 'Glow', body: 'Book now', images: ['https://cdn.example/glow.jpg'] },
      target_audience: { tier: ['gold'], city: ['Pune'], age_range: [25, 45], last_booking_days: 60 },
    });
    expect(good.status, good.text).toBe(201);
  });

  it("read the shape a CHECK holds the column to (pg_jsonschema's jsonb_matches_schema)", () => {
    const definition = `CHECK (jsonb_matches_schema('{"type": "object", "properties": {"it''s": {"type": "number"}}}'::json, allowances))`;
    expect(readJsonShapeCheck(definition, 'allowances')).toEqual({ type: 'object', properties: { "it's": { type: 'number' } } });
    expect(readJsonShapeCheck(definition, 'deductions')).toBeUndefined();
    expect(readJsonShapeCheck(`CHECK ((jsonb_typeof(allowances) = 'object'::text))`, 'allowances')).toBeUndefined();
  });
});
