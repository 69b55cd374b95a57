import { describe, expect, it } from 'vitest';
import { readCheck } from '../../server/meta/checkConstraints.js';
import { fieldLabel, humanize } from '../../server/meta/naming.js';
import { kindOfType, refineKind, typeModifiers } from '../../server/meta/typeKinds.js';

describe('readCheck: what a CHECK constraint says about a column', () => {
  it.each([
    ["CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'it''s'::text])))", 'status', { choices: ['pending', 'approved', "it's"] }],
    ["CHECK ((gender = 'male'::text))", 'gender', { choices: ['male'] }],
    ["CHECK (((pressure_level >= 1) AND (pressure_level <= 5)))", 'pressure_level', { min: 1, max: 5 }],
    ["CHECK (((overall_rating >= (0)::numeric) AND (overall_rating <= (5)::numeric)))", 'overall_rating', { min: 0, max: 5 }],
    ["CHECK ((battery_level >= 0))", 'battery_level', { min: 0 }],
    ["CHECK ((VALUE = ANY (ARRAY['S'::text, 'M'::text])))", 'size', { choices: ['S', 'M'] }],
    ["CHECK ((to_date >= from_date))", 'to_date', {}],
    ["CHECK (((status = 'a'::text) OR (status = 'b'::text)))", 'status', {}],
    ["CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text))", 'email', {}],
  ])('%s', (definition, column, expected) => {
    expect(readCheck(definition, column)).toEqual(expected);
  });
});

describe('type table', () => {
  it.each([
    ['int4', 'b', 'integer'],
    ['int8', 'b', 'bigint'],
    ['numeric', 'b', 'decimal'],
    ['timestamptz', 'b', 'datetime'],
    ['jsonb', 'b', 'json'],
    ['inet', 'b', 'inet'],
    ['mood', 'e', 'enum'],
    ['tsvector', 'b', 'other'],
  ])('%s (%s) is %s', (typname, typtype, kind) => {
    expect(kindOfType(typname, typtype)).toBe(kind);
  });

  it('recognises money and long text by name, not ratings or bounded text', () => {
    expect(refineKind('decimal', 'net_settlement_amount', undefined)).toBe('money');
    expect(refineKind('decimal', 'commission_rate', undefined)).toBe('decimal');
    expect(refineKind('decimal', 'rating', undefined)).toBe('decimal');
    expect(refineKind('text', 'rejection_reason', undefined)).toBe('longtext');
    expect(refineKind('text', 'rejection_reason', 80)).toBe('text');
    expect(refineKind('text', 'name', undefined)).toBe('text');
  });

  it('reads lengths and precision from format_type()', () => {
    expect(typeModifiers('character varying(40)')).toEqual({ maxLength: 40 });
    expect(typeModifiers('numeric(10,2)')).toEqual({ precision: 10, scale: 2 });
    expect(typeModifiers('text')).toEqual({});
  });
});

describe('labels', () => {
  it('humanizes names and labels references after their target', () => {
    expect(humanize('payment_settlements')).toBe('Payment settlements');
    expect(humanize('gst_number')).toBe('GST number');
    expect(humanize('auth.users')).toBe('Users');
    expect(fieldLabel('vendor_id', true)).toBe('Vendor');
    expect(fieldLabel('vendor_id', false)).toBe('Vendor ID');
  });
});
