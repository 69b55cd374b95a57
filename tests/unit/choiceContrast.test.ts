import { describe, expect, it } from 'vitest';
import { choiceChipColours, choiceColor } from '../../admin/src/fields/choiceColor.js';
import { contrastRatio, readableOn } from '../../admin/src/fields/contrast.js';

describe('contrast arithmetic', () => {
  it('gives WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // the lightest grey that passes AA on white
    expect(contrastRatio('#ef6c00', '#fdede0')).toBeCloseTo(2.69, 2); // the "Pending" chip axe-core flagged
  });

  it('keeps a colour that already reads, and darkens one that does not', () => {
    expect(readableOn('#1b3a57', '#ffffff')).toBe('#1b3a57');
    const darkened = readableOn('#c0ca33', '#ffffff');
    expect(darkened).not.toBe('#c0ca33');
    expect(contrastRatio(darkened, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('choice chips', () => {
  // The pack's statuses and kinds, and made-up values that take the hashed palette's colours.
  const values = ['pending', 'draft', 'cancelled', 'open', 'waiting', 'approved', 'urgent', 'high', 'closed', 'expired', 'sick', 'casual', 'earned', 'in_app', 'booking_issue', 'payment_issue'];
  const hashed = Array.from({ length: 40 }, (_, i) => `value_${i}`);

  it('draw every choice in its own hue, with text at WCAG AA contrast on its tint', () => {
    for (const value of [...values, ...hashed]) {
      const { text, background } = choiceChipColours(value);
      expect(contrastRatio(text, background), value).toBeGreaterThanOrEqual(4.5);
    }
    // Still told apart by colour: pending is not approved.
    expect(choiceChipColours('pending').background).not.toBe(choiceChipColours('approved').background);
    expect(new Set(hashed.map(choiceColor)).size).toBeGreaterThan(4);
  });
});
