import { DEMO_DOMAIN, DEMO_PASSWORD, demoEmail } from '../auth/demoAccounts.js';
import { PACK } from '../../permissions/activePack.js';
import type { Database } from '../data/openDatabase.js';
import type { Env } from '../env.js';

export function printWelcome(env: Env, db: Database, resourceCount: number): void {
  const url = `http://localhost:${env.PORT}`;
  const lines = [
    '',
    `  Gatehouse is running at ${url}${PACK.name === 'none' ? '' : ` (${PACK.title})`}`,
    `  ${resourceCount} resources from ${db.embedded ? `the embedded PostgreSQL (${env.DATA_DIR})` : 'DATABASE_URL'}`,
  ];
  if (db.demo && env.NODE_ENV !== 'production') {
    lines.push('', `  Demo sign-ins (password "${DEMO_PASSWORD}"), one per role:`, `    ${demoEmail(PACK.administrator)}`);
    lines.push(`    ...and <role>@${DEMO_DOMAIN} for each of the ${PACK.roles.length} roles:`);
    const others = PACK.roles.filter((r) => r !== PACK.administrator);
    for (let i = 0; i < others.length; i += 6) lines.push(`      ${others.slice(i, i + 6).join(', ')}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}
