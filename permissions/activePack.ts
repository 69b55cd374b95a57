import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, PackError, type Pack } from './packModel.js';

/**
 * The pack this process serves, chosen by configuration before anything reads it:
 *
 * - `GATEHOUSE_PACK=<path>`: that declaration (a JSON file, relative to the working directory);
 * - `GATEHOUSE_PACK=none`: no pack, administrator-only mode;
 * - unset: OMBARO's declaration where the OMBARO demo is installed (the embedded database,
 *   or GATEHOUSE_DEMO=true), else no pack.
 *
 * A mistake in the file stops the process with the file, the path inside it and the fix.
 */

/** OMBARO's declaration, the demo's pack. */
export const OMBARO_PACK_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'packs/ombaro/pack.json');

/** Administrator-only mode: one role, which may do everything; every other user may do nothing. */
const NO_PACK = {
  name: 'none',
  title: 'Gatehouse',
  administrator: 'administrator',
  roles: [{ name: 'administrator', label: 'Administrator' }],
  modules: [],
  matrix: [],
};

function choosePackFile(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env.GATEHOUSE_PACK?.trim();
  if (chosen === 'none') return undefined;
  if (chosen) return path.resolve(chosen);
  const demo = env.GATEHOUSE_DEMO ? env.GATEHOUSE_DEMO === 'true' : !env.DATABASE_URL;
  return demo ? OMBARO_PACK_FILE : undefined;
}

function loadPack(file: string | undefined): Pack {
  if (!file) return compilePack(NO_PACK, 'administrator-only mode');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PackError(file, [`(file): cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}). Check GATEHOUSE_PACK.`]);
  }
  let declaration: unknown;
  try {
    declaration = JSON.parse(text);
  } catch (err) {
    throw new PackError(file, [`(file): not valid JSON: ${(err as Error).message}.`]);
  }
  const relative = path.relative(process.cwd(), file);
  return compilePack(declaration, relative && !relative.startsWith('..') ? relative : file);
}

/** The declaration's file, or undefined in administrator-only mode. */
export const PACK_FILE: string | undefined = choosePackFile(process.env);
export const PACK: Pack = loadPack(PACK_FILE);
/** Is a declaration governing this process (false: administrator-only mode)? */
export const GOVERNED = PACK_FILE !== undefined;
