import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { listen } from '../../server/http/listen.js';
import { closeGracefully } from '../../server/http/shutdown.js';

/** A server whose /slow answers only when the test says so. */
async function slowServer() {
  let finish: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const server = await listen(0, '127.0.0.1');
  server.on('request', express().get('/slow', async (_req, res) => {
    await gate;
    res.send('finished');
  }).get('/fast', (_req, res) => void res.send('fast')));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, finish };
}

describe('shutting down', () => {
  it('stops accepting, and lets a request in flight finish within the grace period', async () => {
    const { server, url, finish } = await slowServer();
    // An idle kept-alive connection must not hold the close open.
    expect(await (await fetch(`${url}/fast`)).text()).toBe('fast');
    const inFlight = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const closing = closeGracefully(server, 5_000);
    await expect(fetch(`${url}/fast`, { headers: { connection: 'close' } })).rejects.toThrow();
    finish();
    expect(await (await inFlight).text()).toBe('finished');
    expect(await closing).toEqual({ cut: false });
  });

  it('cuts a request still running when the grace period ends, and returns', async () => {
    const { server, url } = await slowServer();
    const inFlight = fetch(`${url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    expect(await closeGracefully(server, 200)).toEqual({ cut: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('cut');
  });
});
