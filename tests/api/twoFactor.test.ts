import { randomBytes } from 'node:crypto';
import jsQR from 'jsqr';
import { Secret, TOTP } from 'otpauth';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { secretKeyOf } from '../../server/auth/secretBox.js';
import { resetTwoFactor, verifySecondFactor } from '../../server/auth/twoFactor.js';
import { demoAccounts } from '../support/accounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const STEP_MS = 30_000;
const rawKey = randomBytes(32);
const key = secretKeyOf(rawKey);
let server: TestServer;

beforeAll(async () => {
  // Approvers must enrol, so the gate and its lifting are exercised too.
  server = await startTestServer({ env: { GATEHOUSE_SECRET_KEY: rawKey.toString('base64'), GATEHOUSE_REQUIRE_2FA: 'approvers' } });
});
afterAll(() => server?.close());

/** The code an authenticator app would show `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * STEP_MS });

const codeOfStep = (secret: string, step: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * STEP_MS });

/** Waits out the end of a time step, so a code computed here is judged in the same step by the server. */
async function clearOfStepEdge(marginMs = 4_000): Promise<void> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

const { signedIn, userIdOf } = demoAccounts(() => server);

/** Enrols `role` all the way; answers the secret and the backup codes. */
async function enrol(role: string): Promise<{ client: ApiClient; secret: string; backupCodes: string[]; userId: string }> {
  const client = await signedIn(role);
  const setup = await client.post('/api/auth/2fa/setup');
  expect(setup.status).toBe(200);
  await clearOfStepEdge();
  const enable = await client.post('/api/auth/2fa/enable', { code: codeAt(setup.json.secret) });
  expect(enable.status).toBe(200);
  return { client, secret: setup.json.secret, backupCodes: enable.json.backupCodes, userId: await userIdOf(role) };
}

function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('enrolment', () => {
  it('shows a QR code of the otpauth URI, stores the secret encrypted, and needs a valid code to finish', async () => {
    const email = demoEmail('finance_department');
    const client = await signedIn('finance_department');
    // An approver without a second factor is sent to enrolment before anything else…
    expect((await client.get('/api/meta')).json).toMatchObject({ code: 'two_factor_enrolment_required' });
    expect((await client.get('/api/auth/2fa')).json).toEqual({ enabled: false, required: true, backupCodesLeft: 0 });

    const setup = await client.post('/api/auth/2fa/setup');
    expect(setup.status).toBe(200);
    expect(setup.headers.get('cache-control')).toBe('no-store');
    const { secret, otpauthUri, qrDataUrl } = setup.json;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(decodeQr(qrDataUrl)).toBe(otpauthUri);
    expect(decodeURIComponent(otpauthUri).startsWith(`otpauth://totp/Gatehouse:${email}?`)).toBe(true);
    const uri = new URL(otpauthUri);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(uri.searchParams.get('issuer')).toBe('Gatehouse');

    const userId = await userIdOf('finance_department');
    const stored = await server.db.knex('gatehouse.two_factor').where({ user_id: userId }).first();
    expect(stored.enabled_at).toBeNull();
    expect(stored.secret_ciphertext).toMatch(/^v1:/);
    expect(stored.secret_ciphertext).not.toContain(secret);
    expect(stored.secret_ciphertext.toLowerCase()).not.toContain(secret.toLowerCase());

    // No code, a wrong code, and codes two steps off are all refused, and the factor stays off.
    expect((await client.post('/api/auth/2fa/enable', {})).json).toMatchObject({ errors: { code: expect.any(String) } });
    await clearOfStepEdge();
    const inWindow = [-1, 0, 1].map((s) => codeAt(secret, s));
    const wrong = Array.from({ length: 5 }, (_, i) => String((Number(inWindow[1]) + 1 + i) % 1_000_000).padStart(6, '0')).find((c) => !inWindow.includes(c))!;
    for (const code of [wrong, codeAt(secret, -2), codeAt(secret, 2)]) {
      if (inWindow.includes(code)) continue; // a chance collision with a valid code proves nothing
      const refused = await client.post('/api/auth/2fa/enable', { code });
      expect(refused.status).toBe(400);
      expect(refused.json.errors.code).toEqual(expect.any(String));
    }
    expect((await client.get('/api/auth/2fa')).json.enabled).toBe(false);

    const before = client.cookieHeader;
    await clearOfStepEdge();
    const enabled = await client.post('/api/auth/2fa/enable', { code: codeAt(secret) });
    expect(enabled.status).toBe(200);
    expect(enabled.headers.get('cache-control')).toBe('no-store');
    const codes: string[] = enabled.json.backupCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // …and the enrolment lifts the gate, on a new session token: the old one is dead.
    expect(client.cookieHeader).not.toBe(before);
    expect((await client.get('/api/meta')).status).toBe(200);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: before } })).status).toBe(401);
    expect((await client.get('/api/auth/2fa')).json).toEqual({ enabled: true, required: true, backupCodesLeft: 10 });

    const rows = await server.db.knex('gatehouse.backup_codes').where({ user_id: userId });
    expect(rows).toHaveLength(10);
    const storedHashes = rows.map((r) => r.code_hash as string).join(' ');
    for (const row of rows) expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    for (const code of codes) {
      expect(storedHashes).not.toContain(code);
      expect(storedHashes).not.toContain(code.replace('-', ''));
    }
    const events = await server.db.knex('gatehouse.security_events').where({ user_id: userId, kind: 'two_factor_enrolled' });
    expect(events).toHaveLength(1);
  });

  it('ends every session opened with the password alone: one opened before enrolment cannot skip the gate', async () => {
    const passwordOnly = await signedIn('vendor');
    expect((await passwordOnly.get('/api/meta')).json.code).toBe('two_factor_enrolment_required');
    await enrol('vendor');
    expect((await passwordOnly.get('/api/meta')).status).toBe(401);
    expect((await passwordOnly.get('/api/payment_settlements')).status).toBe(401);
  });

  it('never shows the secret again once enabled: set-up and enable answer 409', async () => {
    const { client, secret } = await enrol('accounts_department');
    const again = await client.post('/api/auth/2fa/setup');
    expect(again.status).toBe(409);
    expect(again.text).not.toContain(secret);
    expect(again.json).not.toHaveProperty('secret');
    expect((await client.post('/api/auth/2fa/enable', { code: codeAt(secret) })).status).toBe(409);
    expect((await client.get('/api/auth/2fa')).text).not.toContain(secret);
  });

  it('replaces a pending secret when set-up starts again', async () => {
    const client = await signedIn('hr_department');
    const first = (await client.post('/api/auth/2fa/setup')).json.secret;
    const second = (await client.post('/api/auth/2fa/setup')).json.secret;
    expect(second).not.toBe(first);
    await clearOfStepEdge();
    if (codeAt(first) !== codeAt(second)) expect((await client.post('/api/auth/2fa/enable', { code: codeAt(first) })).status).toBe(400);
    expect((await client.post('/api/auth/2fa/enable', { code: codeAt(second) })).status).toBe(200);
  });

  it('is refused without a session', async () => {
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.get('/api/auth/2fa')).status).toBe(401);
    expect((await anonymous.post('/api/auth/2fa/setup')).status).toBe(401);
  });
});

describe('second factor checks', () => {
  it('refuse codes outside one step either side, and accept each time step once', async () => {
    const { secret, userId } = await enrol('directors');
    const check = (code: string) => verifySecondFactor(server.db.knex, userId, code, key);
    await clearOfStepEdge();
    const spent = Number((await server.db.knex('gatehouse.two_factor').where({ user_id: userId }).first('last_used_step')).last_used_step);
    const now = Math.floor(Date.now() / STEP_MS);
    const inWindow = [now - 1, now, now + 1].map((step) => codeOfStep(secret, step));
    for (const step of [now - 3, now - 2, now + 2, now + 3]) {
      const code = codeOfStep(secret, step);
      if (!inWindow.includes(code)) expect(await check(code)).toBe(false); // a chance collision proves nothing
    }
    // Enrolment spent its step: the code it used is a replay.
    expect(await check(codeOfStep(secret, spent))).toBe(false);
    expect(await check(codeOfStep(secret, now + 1))).toBe('totp');
    expect(await check(codeOfStep(secret, now + 1))).toBe(false);
    // Once a later step is spent, an earlier step's code is refused even inside the window.
    expect(await check(codeOfStep(secret, now))).toBe(false);
    expect(await check(codeOfStep(secret, now - 1))).toBe(false);
  });

  it('accept a code once when two sign-ins race with it', async () => {
    const { secret, userId } = await enrol('admin');
    await clearOfStepEdge();
    const code = codeAt(secret, 1);
    const answers = await Promise.all(Array.from({ length: 4 }, () => verifySecondFactor(server.db.knex, userId, code, key)));
    expect(answers.filter((a) => a === 'totp')).toHaveLength(1);

    const { backupCodes, userId: other } = await enrol('legal_department');
    const spent = await Promise.all(Array.from({ length: 4 }, () => verifySecondFactor(server.db.knex, other, backupCodes[0]!, key)));
    expect(spent.filter((a) => a === 'backup')).toHaveLength(1);
  });

  it('take a backup code in any case, with or without its dash, and only once', async () => {
    const { backupCodes, userId } = await enrol('it_department');
    const [first, second] = backupCodes as [string, string];
    expect(await verifySecondFactor(server.db.knex, userId, ` ${first.toUpperCase().replace('-', ' - ')} `, key)).toBe('backup');
    expect(await verifySecondFactor(server.db.knex, userId, first, key)).toBe(false);
    expect(await verifySecondFactor(server.db.knex, userId, second.replace('-', ''), key)).toBe('backup');
    expect(await verifySecondFactor(server.db.knex, userId, 'abcde-fghjk', key)).toBe(false);
  });

  it('say plainly that the secret key changed, rather than failing obscurely', async () => {
    const { secret, userId } = await enrol('fo_department');
    const otherKey = secretKeyOf(randomBytes(32));
    await expect(verifySecondFactor(server.db.knex, userId, codeAt(secret, 1), otherKey)).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/GATEHOUSE_SECRET_KEY changed/),
    });
  });

  it('are gone after a reset, and enrolment starts afresh', async () => {
    const { client, backupCodes, secret, userId } = await enrol('staff_department');
    await resetTwoFactor(server.db.knex, userId);
    expect(await verifySecondFactor(server.db.knex, userId, backupCodes[0]!, key)).toBe(false);
    expect(await verifySecondFactor(server.db.knex, userId, codeAt(secret, 1), key)).toBe(false);
    expect(await server.db.knex('gatehouse.backup_codes').where({ user_id: userId })).toHaveLength(0);
    expect((await client.get('/api/auth/2fa')).json).toMatchObject({ enabled: false, backupCodesLeft: 0 });
    expect((await client.post('/api/auth/2fa/setup')).status).toBe(200);
  });
});

describe('sign-in with a second factor', () => {
  it('asks for the code, accepts a valid one once, and a backup code once', async () => {
    const { secret, backupCodes } = await enrol('ca_cs');
    const client = new ApiClient(server.url);
    const login = (totp?: string) => client.post('/api/auth/login', { email: demoEmail('ca_cs'), password: DEMO_PASSWORD, ...(totp ? { totp } : {}) });

    const passwordOnly = await login();
    expect(passwordOnly.status).toBe(401);
    expect(passwordOnly.json.code).toBe('two_factor_required');
    expect(passwordOnly.headers.getSetCookie()).toEqual([]);

    await clearOfStepEdge();
    const tooLate = codeAt(secret, -2);
    if (![-1, 0, 1].some((s) => codeAt(secret, s) === tooLate)) {
      const refused = await login(tooLate);
      expect(refused.status).toBe(401);
      expect(refused.json.code).toBe('two_factor_invalid');
      expect(refused.headers.getSetCookie().some((c) => c.startsWith('gatehouse_session='))).toBe(false);
    }

    const next = codeAt(secret, 1); // enrolment spent the current step
    expect((await login(next)).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await login(next)).json.code).toBe('two_factor_invalid');

    expect((await login(backupCodes[0]!)).status).toBe(200);
    expect((await login(backupCodes[0]!)).json.code).toBe('two_factor_invalid');
    expect((await client.get('/api/auth/2fa')).json.backupCodesLeft).toBe(9);
  });
});
