import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../env.js';

/**
 * Small secrets (TOTP seeds) encrypted with AES-256-GCM under a key the database never sees,
 * so a copy of the database alone does not let anyone compute second-factor codes.
 */
export type SecretKey = Buffer & { readonly __secretKey: unique symbol };

const KEY_BYTES = 32;
// 96-bit IVs are GCM's native size; random ones are safe for far more messages than we will seal.
const IV_BYTES = 12;
const TAG_BYTES = 16;
// The version prefix lets a later format or key rotation tell old ciphertexts apart.
const VERSION = 'v1';

/** The key from raw bytes, refusing anything but 32 of them. */
export function secretKeyOf(bytes: Buffer): SecretKey {
  if (bytes.length !== KEY_BYTES) throw new Error(`A secret key must be ${KEY_BYTES} bytes, not ${bytes.length}.`);
  return bytes as SecretKey;
}

/** Strict base64 (standard or URL alphabet): Buffer.from alone would skip stray characters silently. */
function decodeBase64Key(text: string, source: string): SecretKey {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, 'base64');
  const roundTrip = (s: string) => s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || roundTrip(bytes.toString('base64')) !== roundTrip(trimmed) || bytes.length !== KEY_BYTES) {
    throw new Error(`${source} must be ${KEY_BYTES} random bytes in base64 (for example: openssl rand -base64 32).`);
  }
  return bytes as SecretKey;
}

/**
 * The key TOTP secrets are sealed with: GATEHOUSE_SECRET_KEY when set, otherwise a key kept in
 * DATA_DIR/secret.key (created on first start, readable by the owner only). The file holds the
 * key in base64, so it can be moved into GATEHOUSE_SECRET_KEY when instances multiply.
 * In production the variable is required. Throws at start-up on a malformed key: losing it would make every enrolled second factor unusable.
 */
export function loadSecretKey(env: Pick<Env, 'GATEHOUSE_SECRET_KEY' | 'DATA_DIR'> & { NODE_ENV?: Env['NODE_ENV'] }): SecretKey {
  if (env.GATEHOUSE_SECRET_KEY !== undefined) return decodeBase64Key(env.GATEHOUSE_SECRET_KEY, 'GATEHOUSE_SECRET_KEY');
  // In production a key beside the data would travel with every backup of it, and each
  // instance would make its own: the operator must supply one.
  if (env.NODE_ENV === 'production') throw new Error('Set GATEHOUSE_SECRET_KEY (32 random bytes in base64, e.g. openssl rand -base64 32) in production.');
  const file = path.resolve(env.DATA_DIR, 'secret.key');
  try {
    return decodeBase64Key(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx': if another instance created the file meanwhile, keep theirs rather than overwrite it.
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key as SecretKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return decodeBase64Key(readFileSync(file, 'utf8'), file);
  }
}

/**
 * Seals `plaintext` as `v1:<iv>:<tag>:<ciphertext>` (base64url). `context` is bound as
 * additional data (e.g. the owner's user id), so a ciphertext copied onto another row fails to open.
 */
export function encryptSecret(plaintext: string, key: SecretKey, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
}

/** Opens what encryptSecret sealed; throws if it was altered, sealed under another key or context. */
export function decryptSecret(sealed: string, key: SecretKey, context = ''): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Unknown secret format.');
  const [iv, tag, data] = parts.slice(1).map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('Malformed sealed secret.');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
