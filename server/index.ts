import cluster from 'node:cluster';

/**
 * `npm start`. The pack is loaded first, on its own: the permission modules read it when they
 * load, so a mistake in it must be caught here to be told as one (file, path, fix), not as a
 * stack trace.
 */
try {
  await import('../permissions/activePack.js');
} catch (err) {
  console.error(err instanceof Error && err.name === 'PackError' ? err.message : err);
  process.exit(1);
}
// A process the primary forked to serve requests (GATEHOUSE_WORKERS) only serves.
await import(cluster.isWorker ? './worker.js' : './start.js');

