import { it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer } from '../support/testServer.js';
import { writeFileSync } from 'node:fs';
it('probe', async () => {
  const server = await startTestServer();
  const api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  const meta = (await api.get('/api/meta')).json;
  writeFileSync('/tmp/probe/meta.json', JSON.stringify(meta, null, 1));
  const out: string[] = [];
  for (const r of meta.resources) {
    const { rows } = await server.db.knex.raw(`SELECT count(*)::int n FROM "${r.schema}"."${r.table}"`);
    out.push(`${r.name} kind=${r.kind} pk=${r.primaryKey} ro=${r.readOnly} n=${rows[0].n} actions=${r.actions} sort=${JSON.stringify(r.defaultSort)}`);
    for (const f of r.fields) out.push(`   ${f.name} ${f.kind} ${f.pgType}${f.primaryKey ? ' PK' : ''}${f.readOnly ? ' RO' : ''}${f.required ? ' REQ' : ''}${f.hasDefault ? ' DEF' : ''}${f.nullable ? ' null' : ''}${f.unique ? ' UNIQUE' : ''}${f.reference ? ' ->' + f.reference.resource + '.' + f.reference.field : ''}${f.min !== undefined ? ' min=' + f.min : ''}${f.max !== undefined ? ' max=' + f.max : ''}`);
  }
  writeFileSync('/tmp/probe/summary.txt', out.join('\n'));
  await server.close();
}, 120000);
