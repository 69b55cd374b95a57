/**
 * Demo dates are relative to a fixed anchor, not to now(), so the demo data is the same on
 * every run. Dates are 'YYYY-MM-DD' strings; timestamps are ISO strings in IST (+05:30).
 */
export const ANCHOR = '2026-11-01';

const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `addDays(ANCHOR, -days)`. */
export function daysAgo(days: number): string {
  return addDays(ANCHOR, -days);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

/** First day of the month `monthsBack` months before the anchor's month (0 = anchor's month). */
export function monthStart(monthsBack: number): string {
  const d = new Date(toMs(ANCHOR));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1)).toISOString().slice(0, 10);
}

/** Last day of the month that starts at `start`. */
export function monthEnd(start: string): string {
  const d = new Date(toMs(start));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'HH:MM' (or 'HH:MM:SS') from minutes after midnight. */
export function clock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** An IST timestamp on `date` at `minutes` after midnight (may run past midnight). */
export function at(date: string, minutes: number): string {
  const extraDays = Math.floor(minutes / 1440);
  const m = minutes - extraDays * 1440;
  const whole = Math.floor(m);
  const seconds = Math.floor((m - whole) * 60);
  return `${addDays(date, extraDays)}T${clock(whole)}:${pad(seconds)}+05:30`;
}

/** Moves an IST timestamp made by `at` by some minutes. */
export function later(timestamp: string, minutes: number): string {
  const ms = Date.parse(timestamp) + minutes * 60_000 + 330 * 60_000;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}+05:30`;
}

/** Calendar date of an IST timestamp made by `at`/`later`. */
export function dateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
