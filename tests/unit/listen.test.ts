import { createServer, type AddressInfo, type Server } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../server/env.js';
import { listen, ListenRefusal } from '../../server/http/listen.js';

const occupied = (): Promise<Server> =>
  new Promise((resolve) => {
    const other = createServer();
    other.listen(0, '127.0.0.1', () => resolve(other));
  });

describe('listening', () => {
  it('stops at a port another program holds, naming the port and what to do', async () => {
    const other = await occupied();
    const port = (other.address() as AddressInfo).port;
    try {
      const attempt = listen(port, '127.0.0.1');
      await expect(attempt).rejects.toBeInstanceOf(ListenRefusal);
      await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use by another program. Stop it, or start Gatehouse on another port (PORT=3001 npm start).`);
    } finally {
      other.close();
    }
  });

  it('resolves once the port is bound, and listens on this machine only unless HOST says otherwise', async () => {
    const env = loadEnv({});
    expect(env.HOST).toBe('127.0.0.1');
    const server = await listen(0, env.HOST);
    server.on('request', express().get('/', (_req, res) => void res.send('here')));
    try {
      const { address, port } = server.address() as AddressInfo;
      expect(address).toBe('127.0.0.1');
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('here');
    } finally {
      server.close();
    }
  });
});
