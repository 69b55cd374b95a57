import { DEMO_DOMAIN, DEMO_PASSWORD } from '../auth/demoAccounts.js';
import { PACK } from '../../permissions/activePack.js';
import type { Database } from '../data/openDatabase.js';
import type { Env } from '../env.js';

/** What `npm start` prints once it serves: where, what, and the demo's sign-ins (`demoEmails`, the administrator's first). */
export function printWelcome(env: Env, db: Database, resourceCount: number, demoEmails: readonly string[]): void {
  const everywhere = env.HOST === '0.0.0.0' || env.HOST === '::';
  const url = `http://${everywhere || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}`;
  const lines = [
    '',
    `  Gatehouse is running at ${url}${PACK.name === 'none' ? '' : ` (${PACK.title})`}`,
    everywhere ? `  Listening on every network interface (HOST=${env.HOST}).` : `  Reachable from this machine only (HOST=${env.HOST}; set HOST=0.0.0.0 to serve the network).`,
    `  ${resourceCount} resources from ${db.dataFolder ? `the embedded PostgreSQL, data in ${db.dataFolder}` : 'DATABASE_URL'}`,
  ];
  if (db.demo && env.NODE_ENV !== 'production' && demoEmails.length) {
    lines.push('', `  Demo sign-ins (password "${DEMO_PASSWORD}"), one per role:`, `    ${demoEmails[0]}`);
    const others = demoEmails.slice(1).map((e) => e.replace(`@${DEMO_DOMAIN}`, ''));
    if (others.length) lines.push(`    ...and <name>@${DEMO_DOMAIN} for:`);
    for (let i = 0; i < others.length; i += 6) lines.push(`      ${others.slice(i, i + 6).join(', ')}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}
