import { parseArgs } from 'node:util';

/**
 * `npx gatehouse govern --plan | --apply | --revert [--pack <file>]`: reviews, installs or
 * undoes a pack's rules in the database DATABASE_URL names. The pack comes from --pack, else
 * GATEHOUSE_PACK; it is chosen before any permission module loads, since they read it once.
 */
const USAGE = `usage: gatehouse govern --plan | --apply | --revert [--pack <file>]

  --plan     print the SQL the pack needs (roles, grants, policies, triggers), change nothing
  --apply    run it in one transaction and record it (a second run with nothing new changes nothing)
  --revert   undo the latest run, restoring what the tables had before

The database is DATABASE_URL's (its owner, or a role that may create roles and policies).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { plan: { type: 'boolean' }, apply: { type: 'boolean' }, revert: { type: 'boolean' }, pack: { type: 'string' }, help: { type: 'boolean' } },
  });
  const modes = (['plan', 'apply', 'revert'] as const).filter((m) => values[m]);
  if (values.help || positionals[0] !== 'govern' || modes.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.pack) process.env.GATEHOUSE_PACK = values.pack;
  if (!process.env.DATABASE_URL) {
    console.error('Set DATABASE_URL to the database to govern.');
    return 2;
  }
  const mode = modes[0]!;
  let loaded: typeof import('../../permissions/activePack.js');
  try {
    loaded = await import('../../permissions/activePack.js');
  } catch (err) {
    console.error(err instanceof Error && err.name === 'PackError' ? err.message : err);
    return 1;
  }
  const { PACK, PACK_FILE } = loaded;
  if (mode !== 'revert' && !PACK_FILE) {
    console.error('Name the pack: --pack <file> or GATEHOUSE_PACK=<file>.');
    return 2;
  }
  const { createKnex } = await import('../data/knex.js');
  const { migrate } = await import('../data/migrate.js');
  const { loadSchemaModel } = await import('../meta/loadSchemaModel.js');
  const { checkPackAgainstCatalog } = await import('../packs/checkPackAgainstCatalog.js');
  const { applyGovernance, planFor, revertGovernance } = await import('../govern/governDatabase.js');
  const knex = createKnex(process.env.DATABASE_URL, { min: 0, max: 2 });
  try {
    // Gatehouse's own schema first (sessions, hooks, the record of runs): never the served tables.
    await migrate(knex, ['core']);
    if (mode === 'revert') {
      const undone = await revertGovernance(knex);
      console.log(undone ? `reverted run #${undone.run} (pack "${undone.pack}")` : 'nothing to revert: no pack governs this database');
      return 0;
    }
    await checkPackAgainstCatalog(knex, PACK, await loadSchemaModel(knex), PACK_FILE!);
    if (mode === 'plan') {
      const plan = await planFor(knex, PACK);
      console.log(plan.unchanged ? `-- already applied (${plan.hash.slice(0, 12)}): --apply would change nothing\n` : '');
      console.log(plan.apply);
      return 0;
    }
    const outcome = await applyGovernance(knex, PACK);
    console.log(
      outcome.changed
        ? `applied the pack "${PACK.name}" as run #${outcome.run}${outcome.replaced ? ` (replacing run #${outcome.replaced})` : ''}`
        : `the pack "${PACK.name}" is already applied: nothing changed`,
    );
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await knex.destroy();
  }
}

process.exitCode = await main();
