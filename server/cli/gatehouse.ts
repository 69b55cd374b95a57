import { parseArgs } from 'node:util';

/**
 * `npx gatehouse govern --plan | --apply | --revert [--pack <file>]`: reviews, installs or
 * undoes a pack's rules in the database DATABASE_URL names. The pack comes from --pack, else
 * GATEHOUSE_PACK; it is chosen before any permission module loads, since they read it once.
 */
const USAGE = `usage: gatehouse govern --plan | --apply | --revert [--pack <file>]
       gatehouse indexes [--pack <file>]

  govern --plan     print the SQL the pack needs (roles, grants, policies, triggers), change nothing
  govern --apply    run it in one transaction and record it (a second run with nothing new changes nothing)
  govern --revert   undo the latest run, restoring what the tables had before
  indexes           list the indexes the pack's pages need that the database lacks (row scopes,
                    list views, workflow states, each with its order), with the SQL making each;
                    exits 1 when some are missing, changes nothing

The database is DATABASE_URL's (its owner, or a role that may create roles and policies).`;

/** `gatehouse indexes`: what the pack's pages need and the database lacks. */
async function adviseIndexes(knex: import('knex').Knex, pack: import('../../permissions/packModel.js').Pack): Promise<number> {
  const { loadSchemaModel } = await import('../meta/loadSchemaModel.js');
  const { missingIndexes } = await import('../govern/indexAdvice.js');
  const missing = await missingIndexes(knex, await loadSchemaModel(knex), pack);
  if (missing.length === 0) {
    console.log(`-- every page of the pack "${pack.name}" has an index serving it`);
    return 0;
  }
  console.log(`-- ${missing.length} index(es) the pack "${pack.name}" needs; each builds without blocking writes (run outside a transaction)`);
  for (const m of missing) console.log(`\n-- for ${m.because.join('; ')}\n${m.sql}`);
  return 1;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { plan: { type: 'boolean' }, apply: { type: 'boolean' }, revert: { type: 'boolean' }, pack: { type: 'string' }, help: { type: 'boolean' } },
  });
  const modes = (['plan', 'apply', 'revert'] as const).filter((m) => values[m]);
  const advising = positionals[0] === 'indexes' && modes.length === 0;
  if (values.help || (!advising && (positionals[0] !== 'govern' || modes.length !== 1))) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.pack) process.env.GATEHOUSE_PACK = values.pack;
  if (!process.env.DATABASE_URL) {
    console.error('Set DATABASE_URL to the database to govern.');
    return 2;
  }
  const mode = advising ? 'indexes' : modes[0]!;
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
    if (mode === 'indexes') return await adviseIndexes(knex, PACK);
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
