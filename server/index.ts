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
await import('./start.js');

export {};
