import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../permissions/packFormat.js';
import { compilePack, PackError } from '../../permissions/packModel.js';
import { governanceProblem } from '../../server/packs/governanceProblem.js';
import { packJsonSchema } from '../../server/packs/packSchema.js';

/** A small but complete pack: two roles, one module, a scope, a workflow. */
const minimal = (): PackInput => ({
  name: 'library',
  title: 'Library',
  administrator: 'librarian',
  roles: [{ name: 'librarian' }, { name: 'reader' }],
  modules: [{ name: 'lending', label: 'Lending', tables: ['loans', 'books'] }],
  matrix: [
    { role: 'librarian', module: '*', actions: 'RCUDAE' },
    { role: 'reader', module: 'lending', actions: 'R' },
    { role: 'reader', module: 'lending', table: 'loans', actions: 'RC', own: true },
  ],
  scopes: { reader: { loans: { column: 'reader_id', is: 'caller' } } },
  workflows: [
    {
      table: 'loans',
      status: 'status',
      initial: 'requested',
      transitions: [{ name: 'lend', label: 'Lend', from: ['requested'], to: 'lent', needs: 'approve', notBy: 'reader_id', sets: { lent_by: 'caller' } }],
    },
  ],
});

const problemsOf = (input: unknown): string[] => {
  try {
    compilePack(input, 'library.json');
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  }
  return [];
};

describe('a pack', () => {
  it('compiles: "*" covers the modules a role has no row for, scopes become own rules, workflow stamps are nobody\'s to write', () => {
    const pack = compilePack(minimal(), 'library.json');
    expect(pack.defaultMatrix).toContainEqual({ role: 'librarian', module: 'lending', actions: ['read', 'create', 'update', 'delete', 'approve', 'export'] });
    expect(pack.defaultMatrix).toContainEqual({ role: 'reader', module: 'lending', subModule: 'loans', actions: ['read', 'create'], own: true });
    expect(pack.ownRows).toEqual({ reader: { loans: { column: 'reader_id', equalsUser: true } } });
    expect(pack.fieldRestrictions).toContainEqual({ table: 'loans', columns: ['lent_by'], writers: [] });
    expect(pack.workflows[0]!.transitions[0]!.notBy).toEqual({ column: 'reader_id' });
    expect(pack.locale).toBe('en-GB');
  });

  it.each([
    ['an unknown role', (p: PackInput) => p.matrix.push({ role: 'reeder', module: 'lending', actions: 'R' }), /^matrix\[3\]\.role: unknown role "reeder"\. Declare it under "roles", or use one of: librarian, reader\.$/],
    ['a misspelt key', (p: PackInput) => Object.assign(p.matrix[1]!, { actons: 'R' }), /^matrix\[1\]: unknown key "actons"\. Remove it, or check its spelling\.$/],
    ['an unknown module', (p: PackInput) => p.matrix.push({ role: 'reader', module: 'catalogue', actions: 'R' }), /^matrix\[3\]\.module: unknown module "catalogue"/],
    ['a table outside its module', (p: PackInput) => p.matrix.push({ role: 'reader', module: 'lending', table: 'fines', actions: 'R' }), /^matrix\[3\]\.table: "fines" is not a table of module "lending"/],
    ['an own row without a scope', (p: PackInput) => p.matrix.push({ role: 'reader', module: 'lending', table: 'books', actions: 'R', own: true }), /^matrix\[3\]\.own: role "reader" has no scope on "books"\. Declare scopes\.reader\.books\.$/],
    ['an unknown owner set', (p: PackInput) => (p.scopes!.reader!.books = { column: 'id', in: 'myBooks' }), /^scopes\.reader\.books\.in: unknown owner set "myBooks"\. Declare it under "ownerSets"\.$/],
    ['a bad action letter', (p: PackInput) => (p.matrix[1]!.actions = 'RX'), /^matrix\[1\]\.actions: Use the letters R \(read\)/],
    ['a state no step reaches', (p: PackInput) => p.workflows![0]!.transitions.push({ name: 'return', label: 'Return', from: ['lnet'], to: 'returned', needs: 'update' }), /^workflows\[0\]\.transitions\[1\]\.from: no step reaches state "lnet"/],
    ['a twice-declared role', (p: PackInput) => p.roles.push({ name: 'reader' }), /^roles: "reader" is declared twice\. Keep one\.$/],
    ['a column limit for an unknown role', (p: PackInput) => (p.writeOnly = [{ table: 'loans', roles: ['reeder'], columns: ['note'] }]), /^writeOnly\[0\]\.roles\[0\]: unknown role "reeder"/],
    [
      'active statuses without a status column',
      (p: PackInput) => (p.people = { table: 'public.members', id: 'id', name: ['first_name', 'last_name'], role: 'role', activeStatuses: ['open'] }),
      /^people\.activeStatuses: "activeStatuses" are values of the status column: declare "status" too\.$/,
    ],
    [
      'a name made of no columns',
      (p: PackInput) => (p.people = { table: 'public.members', id: 'id', name: [], role: 'role' }),
      /^people\.name: /,
    ],
    [
      'people with both a role column and a role table',
      (p: PackInput) => (p.people = { table: 'public.members', id: 'id', name: 'name', role: 'role', roles: { table: 'public.member_roles', person: 'member_id', role: 'role' } }),
      /^people: Say where a person's roles come from: "role" \(a column of this table\) or "roles" \(a role table\), not both\.$/,
    ],
    [
      'a role that may write people\'s role without a list of roles it may give',
      (p: PackInput) => {
        p.modules[0]!.tables.push('members');
        p.people = { table: 'public.members', id: 'id', name: 'name', role: 'role' };
        p.matrix.push({ role: 'reader', module: 'lending', table: 'members', actions: 'RU' });
      },
      /^people\.mayGive: role "reader" may write members\.role \(no field rule keeps the column from it\)\. Declare the roles it may give \(people\.mayGive\.reader\)/,
    ],
    [
      'an unknown role to give',
      (p: PackInput) => {
        p.modules[0]!.tables.push('members');
        p.people = { table: 'public.members', id: 'id', name: 'name', role: 'role', mayGive: { reader: ['boss'] } };
      },
      /^people\.mayGive\.reader\[0\]: unknown role "boss"/,
    ],
    [
      'a list of roles to give for a role kept from the role column',
      (p: PackInput) => {
        p.modules[0]!.tables.push('members');
        p.people = { table: 'public.members', id: 'id', name: 'name', role: 'role', mayGive: { reader: ['reader'] } };
        p.fieldRules = [{ table: 'members', columns: ['role'], write: ['librarian'] }];
      },
      /^people\.mayGive\.reader: role "reader" may not write members\.role, so it gives no role\./,
    ],
    [
      'roles to give where a role table keeps them',
      (p: PackInput) => (p.people = { table: 'public.members', id: 'id', name: 'name', roles: { table: 'public.member_roles', person: 'member_id', role: 'role' }, mayGive: { reader: ['reader'] } }),
      /^people\.mayGive: "mayGive" limits the values of the role column: declare "role"\./,
    ],
    [
      'a role that may write the role table',
      (p: PackInput) => {
        p.modules[0]!.tables.push('members', 'member_roles');
        p.people = { table: 'public.members', id: 'id', name: 'name', roles: { table: 'public.member_roles', person: 'member_id', role: 'role' } };
        p.matrix.push({ role: 'reader', module: 'lending', table: 'member_roles', actions: 'RC' });
      },
      /^matrix: role "reader" may write member_roles, where people's roles are given\. Only the administrator gives roles kept in a role table/,
    ],
  ])('names the file, the path and the fix for %s', (_what, spoil, message) => {
    const input = minimal();
    spoil(input);
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('compiles the roles each role may give into a limit on the people table\'s role column', () => {
    const input = minimal();
    input.modules[0]!.tables.push('members');
    input.roles.push({ name: 'clerk' });
    input.people = { table: 'public.members', id: 'id', name: 'name', role: 'role', mayGive: { clerk: ['reader'] } };
    input.fieldRules = [{ table: 'members', columns: ['role'], write: ['librarian', 'clerk'] }];
    input.matrix.push({ role: 'clerk', module: 'lending', table: 'members', actions: 'RCU' });
    expect(compilePack(input, 'library.json').roleGiving).toEqual({ table: 'members', column: 'role', givable: { clerk: ['reader'] } });
  });

  it('reports every mistake at once, each line starting with the file', () => {
    const input = minimal();
    input.administrator = 'boss';
    input.matrix.push({ role: 'ghost', module: 'lending', actions: 'R' });
    try {
      compilePack(input, 'packs/library.json');
      expect.unreachable('the pack has mistakes');
    } catch (err) {
      expect(err).toBeInstanceOf(PackError);
      const lines = (err as Error).message.split('\n').slice(1);
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(line.trim()).toMatch(/^packs\/library\.json: /);
    }
  });
});

describe('the packs and the format in the repository', () => {
  it('ship a JSON Schema that is current (npm run pack:schema writes it)', () => {
    expect(readFileSync('permissions/pack.schema.json', 'utf8')).toBe(packJsonSchema());
  });

  it("compile OMBARO's declaration", () => {
    const pack = compilePack(JSON.parse(readFileSync('permissions/packs/ombaro/pack.json', 'utf8')), 'ombaro');
    expect(pack.roles).toHaveLength(22);
    expect(pack.workflows.map((w) => w.table)).toContain('payment_settlements');
  });
});

describe('the pack a server is given and the one governing its database', () => {
  const pack = compilePack(minimal(), 'library.json');
  const governed = (name: string) => ({ pack: name, administrator: 'librarian' });

  it('match, or start-up stops saying what to do', () => {
    expect(governanceProblem(governed('library'), pack, 'library.json')).toBeUndefined();
    expect(governanceProblem(undefined, pack, undefined)).toBeUndefined();
    expect(governanceProblem(undefined, pack, 'library.json')).toMatch(/not governed yet.*npx gatehouse govern --plan.*GATEHOUSE_PACK=none/);
    expect(governanceProblem(governed('library'), pack, undefined)).toMatch(/governed by the pack "library", but no pack is configured/);
    expect(governanceProblem(governed('ombaro'), pack, 'library.json')).toMatch(/governed by the pack "ombaro", but GATEHOUSE_PACK names "library"/);
  });
});
