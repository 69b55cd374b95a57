import { DEMO_PASSWORD, demoEmail } from '../auth/demoAccounts.js';
import type { Database } from '../data/openDatabase.js';
import type { Env } from '../env.js';

export function printWelcome(env: Env, db: Database, resourceCount: number): void {
  const url = `http://localhost:${env.PORT}`;
  const lines = [
    '',
    `  Gatehouse is running at ${url}`,
    `  ${resourceCount} resources from ${db.embedded ? 'the embedded PostgreSQL (.data/)' : 'DATABASE_URL'}`,
  ];
  if (db.demo && env.NODE_ENV !== 'production') {
    lines.push('', `  Demo sign-ins (password "${DEMO_PASSWORD}"), one per role, e.g.:`);
    for (const role of ['super_admin', 'finance_department', 'accounts_department', 'hr_department', 'marketing_department', 'customer_care', 'vendor', 'customer']) {
      lines.push(`    ${demoEmail(role)}`);
    }
    lines.push('    ...and <role>@demo.gatehouse.dev for each of the 22 roles (see README).');
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}
