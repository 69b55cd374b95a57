import cliProgress from 'cli-progress';
import { openDatabase } from '../data/openDatabase.js';
import { loadEnv } from '../env.js';
import { DEMO_DOMAIN, DEMO_PASSWORD, DEMO_ROLES, hasDemoData, seedDemo } from '../seed/ombaro/seedDemo.js';

/**
 * `npm run seed [-- --scale N]`: migrates, then seeds the OMBARO demo data.
 *
 * Without --scale, an already seeded database is left alone (so running it twice is harmless).
 * With --scale N, it always seeds: on an empty database the fixed part plus N× the volume data,
 * on a seeded one another batch of N× volume data (customers, bookings, tickets, events) whose
 * unique codes and e-mails carry the batch index, so nothing collides.
 */
function parseScale(argv: string[]): number | undefined {
  const i = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  if (i < 0) return undefined;
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const scale = Number(raw);
  if (!raw || !Number.isFinite(scale) || scale <= 0) {
    console.error(`--scale needs a positive number (got ${raw ?? 'nothing'})`);
    process.exit(2);
  }
  return scale;
}

const scale = parseScale(process.argv.slice(2));
const db = await openDatabase(loadEnv());
let failed = false;
try {
  const ran = await db.migrate();
  if (ran.length) console.log(`Ran ${ran.length} migrations.`);
  if (!db.demo) {
    throw new Error('The OMBARO demo schema is not installed on this database (set GATEHOUSE_DEMO=true to install it).');
  }
  if (scale === undefined && (await hasDemoData(db.knex))) {
    console.log('The database already has demo data; pass --scale N to add another batch.');
  } else {
    const bar = new cliProgress.SingleBar(
      { format: 'Seeding {bar} {percentage}% | {value}/{total} rows | {label}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1, 0, { label: 'starting' });
    const started = Date.now();
    try {
      await seedDemo(db.knex, {
        scale: scale ?? 1,
        onProgress: (done, total, label) => {
          bar.setTotal(total);
          bar.update(done, { label });
        },
      });
    } finally {
      bar.stop();
    }
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Demo sign-ins (${DEMO_ROLES.length}): <role>@${DEMO_DOMAIN} / ${DEMO_PASSWORD}`);
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await db.close();
}
if (failed) process.exit(1);
