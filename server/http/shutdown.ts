import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Which connections of a server have a request in flight. Node's own closeIdleConnections()
 * counts a connection idle once its request has been read, even while the answer is still
 * being made (a PUT waiting on the database), so a shutdown would cut it: this is kept instead.
 */
interface Connections {
  all: Set<Socket>;
  /** Requests in flight per connection. */
  busy: Map<Socket, number>;
  closing: boolean;
}

const tracked = new WeakMap<Server, Connections>();

/** Starts keeping track of a server's connections (listen() does it for every server it makes). */
export function trackConnections(server: Server): void {
  const state: Connections = { all: new Set(), busy: new Map(), closing: false };
  tracked.set(server, state);
  server.on('connection', (socket: Socket) => {
    state.all.add(socket);
    socket.once('close', () => {
      state.all.delete(socket);
      state.busy.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    state.busy.set(socket, (state.busy.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (state.busy.get(socket) ?? 1) - 1;
      if (left > 0) state.busy.set(socket, left);
      else {
        state.busy.delete(socket);
        // Once shutting down, a connection whose last answer is out goes: keep-alive would hold the close open.
        if (state.closing) socket.destroySoon();
      }
    });
  });
}

/** How long requests in flight at a shutdown may take to finish before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops a server accepting connections and lets the requests in flight finish, up to `graceMs`:
 * connections still busy then are cut (their requests' transactions roll back). Connections with
 * nothing in flight go at once. Says whether anything was cut.
 */
export async function closeGracefully(server: Server, graceMs: number): Promise<{ cut: boolean }> {
  const state = tracked.get(server);
  let cut = false;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if (state) {
    state.closing = true;
    for (const socket of state.all) if (!state.busy.has(socket)) socket.destroy();
  } else server.closeIdleConnections();
  const grace = setTimeout(() => {
    cut = true;
    server.closeAllConnections();
    for (const socket of state?.all ?? []) socket.destroy();
  }, graceMs);
  await closed;
  clearTimeout(grace);
  return { cut };
}
