import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, PackError, type Pack } from './packModel.js';

/**
 * The pack this process serves, chosen by configuration before anything reads it:
 *
 * - `GATEHOUSE_PACK=<path>`: that declaration (a JSON file, relative to the working directory);
 * - `GATEHOUSE_PACK=none`: no pack, administrator-only mode;
 * - unset: the pack of the demo installed (OMBARO's on the embedded database or with
 *   GATEHOUSE_DEMO=true; another's with GATEHOUSE_DEMO=<its name>), else no pack.
 *
 * A mistake in the file stops the process with the file, the path inside it and the fix.
 */

const PACKS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'packs');

/** The demo installed when none is named: OMBARO's. */
export const DEFAULT_DEMO = 'ombaro';

/** A pack's declaration in the repository, by the pack's folder name. */
export const packFileOf = (name: string) => path.join(PACKS_FOLDER, name, 'pack.json');

/** OMBARO's declaration, the default demo's pack. */
export const OMBARO_PACK_FILE = packFileOf(DEFAULT_DEMO);

/**
 * The demo a process installs (its schema, data and pack share the name), or none:
 * GATEHOUSE_DEMO names it (`true`: the default one, `false`: none); unset, the embedded
 * database gets the default one and a DATABASE_URL none.
 */
export function chosenDemo(env: { GATEHOUSE_DEMO?: string | undefined; DATABASE_URL?: string | undefined }): string | undefined {
  const value = env.GATEHOUSE_DEMO?.trim();
  if (value === 'false') return undefined;
  if (value === 'true') return DEFAULT_DEMO;
  if (value) return value;
  return env.DATABASE_URL ? undefined : DEFAULT_DEMO;
}

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
  const demo = chosenDemo(env);
  return demo === undefined ? undefined : packFileOf(demo);
}

function loadPack(file: string | undefined): Pack {
  if (!file) return compilePack(NO_PACK, 'administrator-only mode');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const demos = readdirSync(PACKS_FOLDER).join(', ');
    throw new PackError(file, [
      `(file): cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}). Check GATEHOUSE_PACK, or GATEHOUSE_DEMO (the demos: ${demos}).`,
    ]);
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
