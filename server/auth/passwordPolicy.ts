import { dictionary } from '@zxcvbn-ts/language-common';

/** The most common passwords (about 49k, from zxcvbn-ts's list), compared lower-cased. */
const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** The longest password accepted: argon2 takes any length, but a megabyte is an attack, not a password. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Why a new password is refused, or undefined when it is acceptable: too short, too long, a
 * common password (also once trailing digits and symbols are stripped: "password123456"), or
 * built from the user's own email or name.
 */
export function passwordProblem(password: string, who: { email?: string | undefined; name?: string | undefined }, minLength: number): string | undefined {
  if (password.length < minLength) return `Use at least ${minLength} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/, '');
  if (COMMON.has(lower) || COMMON.has(stem) || new Set(lower).size < 4) return 'This password is too common or too easy to guess; choose another.';
  const personal = [who.email?.split('@')[0], ...(who.name?.split(/\s+/) ?? [])].filter((w): w is string => !!w && w.length >= 4);
  if (personal.some((w) => lower.includes(w.toLowerCase()))) return 'Do not build your password from your name or email.';
  return undefined;
}
