import cluster, { type Worker } from 'node:cluster';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';
import type { Logger } from 'pino';

export interface Workers {
  /** Asks each to stop as a single server does (requests in flight finish) and waits until all have. */
  stop: () => Promise<void>;
}

/**
 * Forks `count` processes serving requests (server/worker.ts, through index.ts), each given
 * `env` besides this process's, and resolves once every one listens (the primary holds the port
 * and hands connections round). One that dies after it listened is replaced; one that cannot
 * start fails the start. Rate limits count in this process, for all of them.
 */
export async function startWorkers(count: number, env: Record<string, string>, logger: Logger): Promise<Workers> {
  new ClusterMemoryStorePrimary().init();
  let stopping = false;
  const fork = () =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork(env);
      let listening = false;
      worker.once('listening', () => {
        listening = true;
        resolve();
      });
      worker.once('exit', (code, signal) => {
        if (!listening) return reject(new Error(`a serving process stopped before it listened (${signal ?? `exit code ${code}`})`));
        if (stopping) return;
        logger.error(`a serving process stopped (${signal ?? `exit code ${code}`}): starting another`);
        fork().catch((err: unknown) => logger.error({ err }, 'could not replace a serving process'));
      });
    });
  await Promise.all(Array.from({ length: count }, fork));
  return {
    stop: async () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      await Promise.all(running.map((w) => new Promise<void>((resolve) => (w.once('exit', () => resolve()), w.process.kill('SIGTERM')))));
    },
  };
}
