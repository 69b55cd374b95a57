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

type Part = 'day' | 'month' | 'year';

/** How the pack's locale writes a date in digits: the order of its parts and their separator ("dd/mm/yyyy" in en-GB). */
export function datePattern(locale = displayLocale()): { order: Part[]; separator: string; placeholder: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(2026, 11, 31));
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: Part } => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  const placeholder = order.map((p) => (p === 'year' ? 'yyyy' : p === 'month' ? 'mm' : 'dd')).join(separator);
  return { order, separator, placeholder };
}

/** "2026-12-31" as the locale types it in digits ("31/12/2026"). */
export function typedDate(iso: string, locale = displayLocale()): string {
  const m = BARE_DATE.exec(iso);
  if (!m) return iso;
  const { order, separator } = datePattern(locale);
  const value: Record<Part, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return order.map((p) => value[p]).join(separator);
}

/** What a person typed in the locale's order ("31/12/2026", "31-12-2026", "31.12.26") as "2026-12-31"; undefined when it is no date. */
export function readTypedDate(text: string, locale = displayLocale()): string | undefined {
  const numbers = text.trim().split(/\D+/).filter(Boolean);
  const { order } = datePattern(locale);
  if (numbers.length !== 3) return undefined;
  const value = Object.fromEntries(order.map((p, i) => [p, Number(numbers[i])])) as Record<Part, number>;
  const year = value.year < 100 ? 2000 + value.year : value.year;
  const date = new Date(Date.UTC(year, value.month - 1, value.day));
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}
