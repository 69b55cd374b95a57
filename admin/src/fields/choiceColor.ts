import type { FieldMeta } from '../../../server/meta/types';
import { stateWords } from '../../../permissions/words';
import { mix, readableOn } from './contrast';

/** A stable colour per choice value, so "pending" looks the same on every screen. */
const NAMED: Record<string, string> = {
  active: '#2e7d32', approved: '#2e7d32', completed: '#2e7d32', success: '#2e7d32', paid: '#2e7d32', verified: '#2e7d32',
  resolved: '#2e7d32', present: '#2e7d32', confirmed: '#1565c0', processed: '#1565c0', scheduled: '#1565c0',
  in_progress: '#6a1b9a', processing: '#6a1b9a', assigned: '#6a1b9a',
  pending: '#ef6c00', draft: '#757575', waiting: '#ef6c00', open: '#ef6c00', hold: '#ef6c00', paused: '#ef6c00',
  rejected: '#c62828', failed: '#c62828', cancelled: '#9e9e9e', suspended: '#c62828', terminated: '#c62828',
  absent: '#c62828', urgent: '#c62828', high: '#d84315', closed: '#616161', inactive: '#9e9e9e', expired: '#9e9e9e',
};
const PALETTE = ['#00838f', '#5d4037', '#3949ab', '#00897b', '#8e24aa', '#546e7a', '#c0ca33', '#f4511e'];

export function choiceColor(value: string): string {
  const named = NAMED[value.toLowerCase()];
  if (named) return named;
  let hash = 0;
  for (const ch of value) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** A choice chip's colours: a light tint of its hue, a border, and text of the hue dark enough to read on the tint (WCAG AA). */
export function choiceChipColours(value: string): { text: string; background: string; border: string } {
  const colour = choiceColor(value);
  // Opaque, so the chip reads the same on a white, hovered or selected row.
  const background = mix(colour, '#ffffff', 0.12);
  return { text: readableOn(colour, background), background, border: mix(colour, '#ffffff', 0.33) };
}

export const humanizeChoice = (value: string) => stateWords(value).replace(/^\w/, (c) => c.toUpperCase());

/** How one of a field's choices reads: as the field says it (a table by its label), else in words made from it. */
export const choiceLabel = (field: Pick<FieldMeta, 'choiceLabels'> | undefined, value: string) => field?.choiceLabels?.[value] ?? humanizeChoice(value);
