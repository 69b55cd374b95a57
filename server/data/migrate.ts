import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Migration sets: a folder of migrations/. `core` holds Gatehouse's own objects and runs
 * against every database; a demo's folder (its name) holds its schema and runs only where that
 * demo is installed (GATEHOUSE_DEMO; OMBARO's on the embedded default).
 */
export type MigrationSet = string;

/** Loads migrations with import() so TypeScript files run the same under tsx and vitest. */
class DirectorySource implements Knex.MigrationSource<string> {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<string[]> {
    const files = await readdir(this.dir);
    return files.filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  }
  getMigrationName(file: string): string {
    return file.replace(/\.(ts|js)$/, '');
  }
  async getMigration(file: string): Promise<Knex.Migration> {
    return (await import(pathToFileURL(path.join(this.dir, file)).href)) as Knex.Migration;
  }
}

function configFor(set: MigrationSet): Knex.MigratorConfig {
  return {
    migrationSource: new DirectorySource(path.join(migrationsRoot, set)),
    schemaName: 'gatehouse',
    tableName: `migrations_${set}`,
  };
}

/** Brings the database up to date; returns the names of the migrations it ran. */
export async function migrate(knex: Knex, sets: MigrationSet[]): Promise<string[]> {
  await knex.raw('CREATE SCHEMA IF NOT EXISTS gatehouse');
  const ran: string[] = [];
  for (const set of sets) {
    const [, names] = (await knex.migrate.latest(configFor(set))) as [number, string[]];
    ran.push(...names.map((n) => `${set}/${n}`));
  }
  return ran;
}
