import { PACK } from '../../permissions/activePack.js';

import type { FieldMeta } from './types.js';

/** Words labels write in capitals: common ones, and those the pack names (a country's tax codes). */
const ACRONYMS = new Set(['id', 'url', 'ip', 'sms', 'otp', 'api', 'cta', 'vat', 'iban', 'sku', ...PACK.acronyms]);

/** "order_lines" -> "Order lines"; "vat_number" -> "VAT number". */
export function humanize(name: string): string {
  const words = name.replace(/^.*\./, '').split(/[_\s]+/).filter(Boolean);
  return words
    .map((w, i) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** A reference column is labelled after what it points at: "vendor_id" -> "Vendor". */
export function fieldLabel(column: string, isReference: boolean): string {
  if (isReference && /_id$/.test(column) && column !== 'id') return humanize(column.slice(0, -3));
  return humanize(column);
}

const DISPLAY_PREFERENCE = [
  /^name$/, /^full_name$/, /^display_name$/, /^business_name$/, /^title$/, /^label$/, /^subject$/,
  /_number$/, /^number$/, /_reference$/, /^reference$/, /^code$/, /_code$/, /^email$/, /^username$/, /^slug$/, /^event_name$/, /_name$/,
];
/** Names only when every record fills them: a payment's reference is empty until it is paid. */
const WHEN_REQUIRED = new Set([String(/_reference$/), String(/^reference$/)]);

/**
 * The column that best names a record to a person. A column every record fills wins over one
 * of a better-sounding name that may be empty (a booking is its reference, not its promo code).
 */
export function chooseDisplayField(fields: FieldMeta[], primaryKey: string[]): string {
  const textual = fields.filter((f) => f.kind === 'text' || f.kind === 'enum' || f.kind === 'other');
  for (const required of [true, false]) {
    for (const pattern of DISPLAY_PREFERENCE) {
      if (!required && WHEN_REQUIRED.has(String(pattern))) continue;
      const hit = textual.find((f) => (!required || !f.nullable) && pattern.test(f.name));
      if (hit) return hit.name;
    }
  }
  const firstRequiredText = textual.find((f) => !f.nullable && !f.primaryKey && !f.choices && f.kind === 'text');
  return firstRequiredText?.name ?? primaryKey[0] ?? fields[0]?.name ?? 'id';
}
