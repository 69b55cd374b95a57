import { displayLocale } from '../meta/metaStore';

// Short, unambiguous dates ("28 Mar 2025, 2:30 pm") that keep a list row on one line.
export const DAY = { dateStyle: 'medium' } as const;
export const MOMENT = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** A bare "2025-03-31" is a calendar day: read it as local midnight, not UTC (which shows the day before west of Greenwich). */
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function calendarDay(value: unknown): Date {
  const m = typeof value === 'string' ? BARE_DATE.exec(value) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value as string);
}

export const formatDay = (value: unknown): string => calendarDay(value).toLocaleDateString(displayLocale(), DAY);
export const formatMoment = (value: unknown): string => new Date(value as string).toLocaleString(displayLocale(), MOMENT);
/** 1 → "January", in the pack's language. */
export const monthName = (month: number): string => new Date(2000, month - 1, 1).toLocaleString(displayLocale(), { month: 'long' });
