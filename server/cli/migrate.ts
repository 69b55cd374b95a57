import { openDatabase } from '../data/openDatabase.js';
import { loadEnv } from '../env.js';

/** `npm run migrate`: brings the configured database up to date and exits. */
const env = loadEnv();
const db = await openDatabase(env);
try {
  const ran = await db.migrate();
  console.log(ran.length ? `Ran ${ran.length} migrations:\n  ${ran.join('\n  ')}` : 'Already up to date.');
} finally {
  await db.close();
}
