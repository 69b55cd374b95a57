import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import { HOTP, Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { badRequest, conflict, HttpError } from '../http/errors.js';
import { decryptSecret, encryptSecret, type SecretKey } from './secretBox.js';

/** RFC 6238 as every authenticator app reads it by default: SHA-1, 6 digits, 30-second steps. */
const ISSUER = 'Gatehouse';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
// One step either side absorbs clock drift and a code typed as it changes, and no more.
const WINDOW_STEPS = 1;
const SECRET_BYTES = 20; // 160 bits, RFC 4226's recommended length

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper. 31 symbols x 10 = about 49.5 bits per code.
const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const BACKUP_GROUP = 5;

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

// Bound as additional data so a sealed secret copied onto another user's row does not open.
const sealContext = (userId: string) => `two_factor:${userId}`;

const stepAt = (ms: number) => Math.floor(ms / 1000 / PERIOD_SECONDS);

/** The time steps within the window whose code is `code`, oldest first. */
function matchingSteps(secret: Secret, code: string, nowMs = Date.now()): number[] {
  const typed = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(typed)) return [];
  const now = stepAt(nowMs);
  const steps: number[] = [];
  for (let step = now - WINDOW_STEPS; step <= now + WINDOW_STEPS; step++) {
    const expected = HOTP.generate({ secret, counter: step, digits: DIGITS });
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(typed))) steps.push(step);
  }
  return steps;
}

export const normaliseBackupCode = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');

// Codes carry ~50 random bits; keyed with the server's secret key, a leaked table cannot be
// searched offline for them, and the user id keeps equal codes of two users apart.
const hashBackupCode = (key: SecretKey, userId: string, code: string) =>
  createHmac('sha256', key).update(`backup-code:${userId}:${normaliseBackupCode(code)}`).digest('hex');

function newBackupCode(): string {
  const symbols = Array.from({ length: BACKUP_GROUP * 2 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]);
  return `${symbols.slice(0, BACKUP_GROUP).join('')}-${symbols.slice(BACKUP_GROUP).join('')}`;
}

/**
 * Starts (or restarts) enrolment: a fresh secret, sealed in gatehouse.two_factor with
 * enabled_at NULL until a first valid code confirms it. 409 once a factor is enabled, so an
 * enabled secret is never shown again.
 */
export async function startEnrolment(knex: Knex, user: { id: string; email: string }, key: SecretKey): Promise<Enrolment> {
  const secret = new Secret({ size: SECRET_BYTES });
  // One statement: a concurrent confirmation cannot be overwritten by a new pending secret.
  const { rows } = await knex.raw<{ rows: unknown[] }>(
    `INSERT INTO gatehouse.two_factor AS t (user_id, secret_ciphertext) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, last_used_step = NULL, created_at = now()
       WHERE t.enabled_at IS NULL
     RETURNING user_id`,
    [user.id, encryptSecret(secret.base32, key, sealContext(user.id))],
  );
  if (rows.length === 0) throw conflict('Two-factor sign-in is already on for this account.');
  const totp = new TOTP({ issuer: ISSUER, label: user.email, secret, digits: DIGITS, period: PERIOD_SECONDS });
  const otpauthUri = totp.toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 256 });
  return { secret: secret.base32, otpauthUri, qrDataUrl };
}

interface FactorRow {
  secret_ciphertext: string;
  enabled_at: Date | null;
  last_used_step: string | null;
}

const factorOf = (knex: Knex, userId: string): Promise<FactorRow | undefined> =>
  knex('gatehouse.two_factor').where({ user_id: userId }).first('secret_ciphertext', 'enabled_at', 'last_used_step');

/** The user's TOTP secret; a 503 naming the cause when it does not open (the key was changed or lost). */
function secretOf(row: FactorRow, userId: string, key: SecretKey): Secret {
  try {
    return Secret.fromBase32(decryptSecret(row.secret_ciphertext, key, sealContext(userId)));
  } catch {
    throw new HttpError(503, 'Two-factor sign-in is unavailable: the server cannot read the enrolled secret (its GATEHOUSE_SECRET_KEY changed). Ask an administrator.');
  }
}

/**
 * Finishes enrolment with a first valid code: the factor is on, that code's step is spent,
 * and ten fresh backup codes replace any earlier ones. The codes are returned this once.
 */
export async function confirmEnrolment(knex: Knex, userId: string, code: string, key: SecretKey): Promise<string[]> {
  const row = await factorOf(knex, userId);
  if (row?.enabled_at) throw conflict('Two-factor sign-in is already on for this account.');
  if (!row) throw badRequest('Start the two-factor set-up first.', { code: 'Start the set-up first, then enter a code.' });
  const step = matchingSteps(secretOf(row, userId, key), code).at(-1);
  if (step === undefined) {
    throw badRequest('That code is not right.', { code: 'That code is not right; check the time on your device and try again.' });
  }
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  await knex.transaction(async (trx) => {
    // Conditional on the secret read above: a set-up restarted meanwhile is not enabled by a code for the old one.
    const enabled = await trx('gatehouse.two_factor')
      .where({ user_id: userId, secret_ciphertext: row.secret_ciphertext })
      .whereNull('enabled_at')
      .update({ enabled_at: trx.fn.now(), last_used_step: step });
    if (enabled === 0) throw conflict('The two-factor set-up changed meanwhile; start it again.');
    await trx('gatehouse.backup_codes').where({ user_id: userId }).delete();
    await trx('gatehouse.backup_codes').insert(codes.map((c) => ({ user_id: userId, code_hash: hashBackupCode(key, userId, c) })));
  });
  return codes;
}

/**
 * Checks a second factor at sign-in: a TOTP code from a step later than the last one accepted
 * (so an observed code cannot be replayed), or an unused backup code, spent by this call.
 */
export async function verifySecondFactor(knex: Knex, userId: string, code: string, key: SecretKey): Promise<'totp' | 'backup' | false> {
  const row = await factorOf(knex, userId);
  if (!row?.enabled_at) return false;
  const steps = matchingSteps(secretOf(row, userId, key), code);
  if (steps.length > 0) {
    // The comparison is in the UPDATE, so two requests racing with one code cannot both pass.
    const step = steps.at(-1)!;
    const spent = await knex('gatehouse.two_factor')
      .where({ user_id: userId })
      .whereNotNull('enabled_at')
      .where((q) => q.whereNull('last_used_step').orWhere('last_used_step', '<', step))
      .update({ last_used_step: step });
    return spent > 0 ? 'totp' : false;
  }
  const typed = normaliseBackupCode(code);
  if (typed.length !== BACKUP_GROUP * 2) return false;
  const used = await knex('gatehouse.backup_codes')
    .where({ user_id: userId, code_hash: hashBackupCode(key, userId, typed) })
    .whereNull('used_at')
    .update({ used_at: knex.fn.now() })
    .returning('id');
  return used.length > 0 ? 'backup' : false;
}

export async function twoFactorStatus(knex: Knex, userId: string): Promise<{ enabled: boolean; backupCodesLeft: number }> {
  const { rows } = await knex.raw<{ rows: { enabled: boolean; left: number }[] }>(
    `SELECT EXISTS (SELECT 1 FROM gatehouse.two_factor WHERE user_id = ? AND enabled_at IS NOT NULL) AS enabled,
            (SELECT count(*)::int FROM gatehouse.backup_codes WHERE user_id = ? AND used_at IS NULL) AS left`,
    [userId, userId],
  );
  return { enabled: rows[0]!.enabled, backupCodesLeft: rows[0]!.left };
}

/** Removes a user's second factor and backup codes (an administrator's reset); they enrol again. */
export async function resetTwoFactor(knex: Knex, userId: string): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('gatehouse.backup_codes').where({ user_id: userId }).delete();
    await trx('gatehouse.two_factor').where({ user_id: userId }).delete();
  });
}
