import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The engine names no database of its own: OMBARO's tables, roles, currency and locale live
 * in its pack's folders (declaration, schema migrations, demo data), never in the engine.
 */
const PACK_FOLDERS = ['permissions/packs/ombaro/', 'migrations/ombaro/', 'server/seed/ombaro/'];
const ENGINE = ['server', 'admin/src', 'permissions', 'migrations/core'];

interface Declaration {
  roles: { name: string }[];
  modules: { tables: string[] }[];
  currency: string;
  locale: string;
}

/** Names that can only mean OMBARO: its tables and roles that are not plain words, its currency and locale. */
function ombaroNames(): string[] {
  const pack = JSON.parse(readFileSync('permissions/packs/ombaro/pack.json', 'utf8')) as Declaration;
  const tables = pack.modules.flatMap((m) => m.tables).filter((t) => !t.includes('.'));
  const roles = pack.roles.map((r) => r.name);
  // Single plain words ("vendors", "reviews", "directors") name things in any database; the rest name OMBARO's.
  const distinctive = [...tables, ...roles].filter((n) => n.includes('_') || ['therapists', 'therapist'].includes(n));
  return [...new Set([...distinctive, pack.currency, pack.locale])];
}

describe('the engine', () => {
  it("names none of OMBARO's tables, roles, currency or locale outside OMBARO's pack folders", () => {
    const files = execFileSync('git', ['ls-files', ...ENGINE], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !PACK_FOLDERS.some((folder) => f.startsWith(folder)));
    expect(files.length).toBeGreaterThan(50);
    const names = ombaroNames();
    expect(names).toEqual(expect.arrayContaining(['payment_settlements', 'super_admin', 'INR', 'en-IN']));
    const pattern = new RegExp(`(?<![\\w-])(${names.map((n) => n.replace(/[-.]/g, '\\$&')).join('|')})(?![\\w-])`);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
