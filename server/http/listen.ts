import { createServer, type Server } from 'node:http';
import { trackConnections } from './shutdown.js';

/** Listening failed for a reason the person starting the server can fix; the message says how. */
export class ListenRefusal extends Error {}

/**
 * Binds the port, resolving only once it is really bound: a port another program holds (or one
 * this user may not open) rejects with a message naming it, so start-up stops there instead of
 * announcing a server that serves nothing. The server has no handler yet: the caller attaches
 * the app (\`server.on('request', app)\`) once the port is known to be its own.
 */
export function listen(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    trackConnections(server);
    server.listen(port, host);
    const fail = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new ListenRefusal(`Port ${port} on ${host} is already in use by another program. Stop it, or start Gatehouse on another port (PORT=3001 npm start).`));
      else if (err.code === 'EACCES') reject(new ListenRefusal(`This user may not listen on port ${port} on ${host}. Choose a port above 1023 (PORT=3000).`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new ListenRefusal(`${host} is not an address of this machine. Set HOST to one of its addresses, 127.0.0.1 or 0.0.0.0.`));
      else reject(err);
    };
    server.once('error', fail);
    server.once('listening', () => {
      server.off('error', fail);
      resolve(server);
    });
  });
}
