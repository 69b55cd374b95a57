import { describe, expect, it } from 'vitest';
import { checkSentence } from '../../server/meta/checkSentence.js';
import type { FieldKind, FieldMeta } from '../../server/meta/types.js';
import { listOf, singular, withArticle } from '../../permissions/words.js';

const field = (name: string, label: string, kind: FieldKind): [string, FieldMeta] => [
  name,
  { name, label, kind, pgType: kind, nullable: true, required: false, hasDefault: false, readOnly: false, primaryKey: false, inList: false, filterable: true, searchable: false },
];
const fields = new Map([
  field('from_date', 'From date', 'date'),
  field('to_date', 'To date', 'date'),
  field('capacity_min', 'Capacity min', 'integer'),
  field('capacity_max', 'Capacity max', 'integer'),
  field('current_attendance', 'Current attendance', 'integer'),
  field('capacity', 'Capacity', 'integer'),
  field('email', 'Email', 'text'),
  field('final_price', 'Final price', 'money'),
  field('subtotal', 'Subtotal', 'money'),
  field('discount_amount', 'Discount amount', 'money'),
]);

describe('a CHECK said as a sentence', () => {
  it.each([
    ['CHECK ((to_date >= from_date))', 'To date must be on or after from date.'],
    ['CHECK ((capacity_max >= capacity_min))', 'Capacity max must be at least capacity min.'],
    ['CHECK ((capacity_min > 0))', 'Capacity min must be more than 0.'],
    ['CHECK (((current_attendance <= capacity) OR (capacity IS NULL)))', 'Current attendance must be at most capacity (when capacity is given).'],
    ["CHECK ((email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$'::text))", 'Email is not in the expected form.'],
    ['CHECK ((final_price = (subtotal - discount_amount)))', 'This breaks a rule of the table: Final price = (Subtotal - Discount amount).'],
  ])('%s', (definition, sentence) => {
    expect(checkSentence(definition, fields)).toBe(sentence);
  });
});

describe('words for records', () => {
  it('names one record of a table and lists things as a person would', () => {
    expect(singular('Leave requests')).toBe('leave request');
    expect(singular('Categories')).toBe('category');
    expect(singular('Business status')).toBe('business status');
    expect(singular('GST returns')).toBe('GST return');
    expect(listOf(['payment reference', 'payment date'])).toBe('payment reference and payment date');
    expect(listOf(['pending', 'processed', 'hold'], 'or')).toBe('pending, processed or hold');
    expect(['order', 'booking', 'event', 'user', 'upcoming show', 'hour slot', 'unit', 'invoice'].map(withArticle)).toEqual([
      'an order',
      'a booking',
      'an event',
      'a user',
      'an upcoming show',
      'an hour slot',
      'a unit',
      'an invoice',
    ]);
  });
});
