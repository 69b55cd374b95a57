/**
 * `npm run bench`. The scenarios are OMBARO's (bookings, a vendor's own rows), so its pack
 * governs the run even against a DATABASE_URL; the pack is chosen when the engine's modules
 * load, hence this launcher sets it before importing them.
 */
process.env.GATEHOUSE_DEMO ??= 'true';
await import('./scenarios.js');
export {};
