import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, loadSecretKey, secretKeyOf } from '../../server/auth/secretBox.js';

const key = secretKeyOf(randomBytes(32));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-key-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('sealed secrets', () => {
  it('open to what was sealed, and never show it or repeat themselves', () => {
    const sealed = encryptSecret('JBSWY3DPEHPK3PXP', key, 'user-1');
    expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(encryptSecret('JBSWY3DPEHPK3PXP', key, 'user-1')).not.toBe(sealed); // a fresh IV each time
    expect(decryptSecret(sealed, key, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuse to open when altered, under another key, or for another context', () => {
    const sealed = encryptSecret('JBSWY3DPEHPK3PXP', key, 'user-1');
    const [version, iv, tag, data] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0]! ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString('base64url')].join(':'), key, 'user-1')).toThrow();
    expect(() => decryptSecret(sealed, secretKeyOf(randomBytes(32)), 'user-1')).toThrow();
    expect(() => decryptSecret(sealed, key, 'user-2')).toThrow();
    expect(() => decryptSecret(`v2:${iv}:${tag}:${data}`, key, 'user-1')).toThrow(/Unknown secret format/);
  });
});

describe('loadSecretKey', () => {
  it('takes GATEHOUSE_SECRET_KEY when it is 32 bytes of base64, and refuses anything else clearly', () => {
    const raw = randomBytes(32);
    expect(loadSecretKey({ GATEHOUSE_SECRET_KEY: raw.toString('base64'), DATA_DIR: tempDir() }).equals(raw)).toBe(true);
    expect(loadSecretKey({ GATEHOUSE_SECRET_KEY: raw.toString('base64url'), DATA_DIR: tempDir() }).equals(raw)).toBe(true);
    for (const bad of [randomBytes(16).toString('base64'), 'not base64 at all!', `${raw.toString('base64')}@@`]) {
      expect(() => loadSecretKey({ GATEHOUSE_SECRET_KEY: bad, DATA_DIR: tempDir() })).toThrow(/GATEHOUSE_SECRET_KEY must be 32 random bytes/);
    }
  });

  it('requires GATEHOUSE_SECRET_KEY in production rather than writing a key beside the data', () => {
    const dir = tempDir();
    expect(() => loadSecretKey({ DATA_DIR: dir, NODE_ENV: 'production' })).toThrow(/Set GATEHOUSE_SECRET_KEY/);
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('creates DATA_DIR/secret.key once, owner-readable only, and reads the same key back', () => {
    const dir = path.join(tempDir(), 'nested');
    const first = loadSecretKey({ DATA_DIR: dir });
    const file = path.join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadSecretKey({ DATA_DIR: dir }).equals(first)).toBe(true);
  });
});
