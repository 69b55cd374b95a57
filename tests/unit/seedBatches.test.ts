import { describe, expect, it } from 'vitest';
import { BATCH_SCALE, batchScales } from '../../server/seed/ombaro/seedVolume.js';

describe('seeding a large scale', () => {
  it('cuts it into batches of at most BATCH_SCALE that add up to it', () => {
    expect(batchScales(100)).toEqual(Array(100 / BATCH_SCALE).fill(BATCH_SCALE));
    expect(batchScales(2.5 * BATCH_SCALE)).toEqual([BATCH_SCALE, BATCH_SCALE, BATCH_SCALE / 2]);
    expect(batchScales(0.5)).toEqual([0.5]);
    expect(batchScales(1)).toEqual([1]);
    for (const scale of [0.1, 1, 7, BATCH_SCALE, BATCH_SCALE + 0.25, 100, 123]) {
      const parts = batchScales(scale);
      expect(parts.every((p) => p > 0 && p <= BATCH_SCALE)).toBe(true);
      expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(scale, 9);
    }
  });
});
