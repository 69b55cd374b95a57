import { describe, expect, it } from 'vitest';
import { barFilter, keyLabel } from '../../admin/src/dashboard/charts.js';
import type { ChartSpec } from '../../server/meta/types.js';

const spec = (bucket: ChartSpec['bucket'], filter?: Record<string, unknown>): ChartSpec =>
  ({ module: 'finance', title: 't', resource: 'payments', groupBy: 'payment_date', bucket, kind: 'bar', ...(filter ? { filter } : {}) }) as ChartSpec;

describe('the rows behind a bar', () => {
  it('keep the chart filter and add the bar group', () => {
    expect(barFilter({ ...spec('value', { status: 'pending' }), groupBy: 'vendor_type' }, 'spa')).toEqual({ status: 'pending', vendor_type: 'spa' });
    expect(barFilter(spec('value'), null)).toEqual({ payment_date_null: true });
    expect(barFilter(spec('month'), '2026-12')).toEqual({ payment_date_gte: '2026-12-01', payment_date_lt: '2027-01-01' });
    expect(barFilter(spec('month'), '2026-03')).toEqual({ payment_date_gte: '2026-03-01', payment_date_lt: '2026-04-01' });
    const now = new Date('2026-12-07T12:00:00Z');
    expect(barFilter(spec('age'), '1-3 days', now)).toEqual({ payment_date_gt: '2026-12-04T12:00:00.000Z', payment_date_lte: '2026-12-06T12:00:00.000Z' });
    expect(barFilter(spec('age'), 'over 7 days', now)).toEqual({ payment_date_lte: '2026-11-30T12:00:00.000Z' });
  });

  it('say the month under way is only part of one', () => {
    const today = new Date(2026, 11, 7);
    expect(keyLabel('2026-12', 'month', today)).toBe('Dec 2026 (so far)');
    expect(keyLabel('2026-11', 'month', today)).toBe('Nov 2026');
  });
});
