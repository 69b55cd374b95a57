import type { Server } from 'node:http';

/**
 * Stops a server accepting connections and lets the requests in flight finish, up to `graceMs`:
 * connections still busy then are cut (their requests' transactions roll back). Idle kept-alive
 * connections go at once, or they would hold the close open. Says whether anything was cut.
 */
export async function closeGracefully(server: Server, graceMs: number): Promise<{ cut: boolean }> {
  let cut = false;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => {
    cut = true;
    server.closeAllConnections();
  }, graceMs);
  await closed;
  clearTimeout(grace);
  return { cut };
}
