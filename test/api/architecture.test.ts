import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

// web → (HTTP) → api → core → db. These rules keep the layers honest.
const rules: { folder: string; forbidden: RegExp; why: string }[] = [
  {
    folder: 'web/app',
    forbidden: /from '@lms\/(core|db|password)/,
    why: 'web talks to the API over HTTP only',
  },
  {
    folder: 'packages/core/src',
    forbidden: /from '(graphql|type-graphql|express|@apollo\/server|@remix-run\/[\w-]+)'/,
    why: 'core knows no transport',
  },
  { folder: 'packages/core/src', forbidden: /from '@prisma\//, why: 'only @lms/db touches Prisma' },
  { folder: 'api/src', forbidden: /from '@prisma\//, why: 'only @lms/db touches Prisma' },
  { folder: 'api/src', forbidden: /new PrismaClient/, why: 'only @lms/db creates a client' },
];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, folder), {
    withFileTypes: true,
    recursive: true,
  });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('/generated/') && !file.includes('node_modules'));
}

describe('dependency direction', () => {
  it.each(rules)('$folder: $why', async ({ folder, forbidden }) => {
    const offenders: string[] = [];
    const files = await sourceFiles(folder);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      if (forbidden.test(await readFile(file, 'utf8')))
        offenders.push(path.relative(repoRoot, file));
    }
    expect(offenders).toEqual([]);
  });

  it('web ships no dependency on core or db; only its tests use @lms/db (a seeded database)', async () => {
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'web/package.json'), 'utf8'));
    const runtime = Object.keys(manifest.dependencies ?? {});
    const development = Object.keys(manifest.devDependencies ?? {});
    expect(runtime.filter((name) => /^@lms\/(core|db)$/.test(name))).toEqual([]);
    expect(development.filter((name) => /^@lms\/core$/.test(name))).toEqual([]);
  });
});

/**
 * Core's folders: a shared kernel every domain may use, and domains that may use each other only
 * along the edges declared here (each with its reason), which form no cycle. A new import between
 * domains fails this test until it is declared, so coupling is a decision, not an accident.
 */
const KERNEL = [
  'access',
  'audit',
  'common',
  'content',
  'db',
  'errors',
  'pagination',
  'rate-limit',
  'time',
];
const DOMAIN_DEPENDENCIES: Record<string, Record<string, string>> = {
  account: {
    auth: 'registration and password changes use the credential rules and start sessions',
    mail: 'account links are emailed',
  },
  admin: {},
  approvals: {
    authoring: 'an approval’s status (active, expiring, expired) is the authoring rule',
    catalog: 'what a course offers for credit is read with the catalog’s course parts',
    certificates: 'the roster shows each learner’s certificate',
  },
  assessment: {
    authoring: 'quizzes are edited inside a course draft',
    codesets: 'code answers are checked against the question’s code-set release',
    learning:
      'grading a post-test evaluates course completion; the gradebook page reads learners’ progress',
    mail: 'a completing submission adds its certificate email’s send job after COMMIT',
  },
  auth: {},
  authoring: {
    auth: 'adding a co-instructor looks people up by email',
  },
  catalog: {},
  certificates: {
    account: 'a certificate name is confirmed only from a verified address',
    authoring: 'issuance applies the approval rules of the version',
    mail: 'an issued certificate is emailed',
  },
  codesets: {},
  jobs: {
    authoring: 'approval expiry reminders use the approval status rule',
    certificates: 'certificate emails attach the PDF',
    mail: 'the worker delivers the outbox',
    payments: 'receipt emails attach the PDF',
    transcript: 'CEU cycle reminders read the transcript',
  },
  learning: {
    certificates: 'completion issues certificates; a refund revokes them',
    mail: 'enrolment is confirmed by email',
  },
  mail: {},
  media: {},
  payments: {
    account: 'buying needs a verified address',
    approvals: 'checkout refuses to sell credit that has expired',
    learning: 'a paid order enrols; a refund ends the enrolment',
    mail: 'a paid order sends its receipt',
  },
  privacy: {
    transcript: 'the data export includes the transcript',
  },
  profile: {
    auth: 'profile fields follow the credential rules',
    authoring: 'profile fields follow the authoring length limits',
  },
  transcript: {},
};

async function coreImports(): Promise<{ from: string; to: string; file: string }[]> {
  const root = 'packages/core/src';
  const edges: { from: string; to: string; file: string }[] = [];
  for (const file of await sourceFiles(root)) {
    if (file.endsWith('.test.ts')) continue;
    const relative = path.relative(path.join(repoRoot, root), file);
    const from = relative.includes('/') ? (relative.split('/')[0] as string) : '';
    if (!from) continue;
    for (const match of (await readFile(file, 'utf8')).matchAll(/from '\.\.\/([\w-]+)\//g)) {
      edges.push({ from, to: match[1] as string, file: relative });
    }
  }
  return edges;
}

describe('core: a shared kernel, and declared dependencies between domains', () => {
  it('every folder of core is either kernel or a domain listed here', async () => {
    const folders = (
      await readdir(path.join(repoRoot, 'packages/core/src'), { withFileTypes: true })
    )
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...KERNEL, ...Object.keys(DOMAIN_DEPENDENCIES)].sort());
  });

  it('the kernel imports no domain', async () => {
    const offenders = (await coreImports()).filter(
      (edge) => KERNEL.includes(edge.from) && !KERNEL.includes(edge.to),
    );
    expect(offenders).toEqual([]);
  });

  it('a domain imports another domain only along a declared edge', async () => {
    const undeclared = (await coreImports()).filter(
      (edge) =>
        !KERNEL.includes(edge.from) &&
        !KERNEL.includes(edge.to) &&
        edge.from !== edge.to &&
        !DOMAIN_DEPENDENCIES[edge.from]?.[edge.to],
    );
    expect(undeclared).toEqual([]);
  });

  it('every declared edge is used, and the domains form no cycle', async () => {
    const used = new Set((await coreImports()).map((edge) => `${edge.from}>${edge.to}`));
    const unused = Object.entries(DOMAIN_DEPENDENCIES).flatMap(([from, targets]) =>
      Object.keys(targets)
        .filter((to) => !used.has(`${from}>${to}`))
        .map((to) => `${from} → ${to}`),
    );
    expect(unused).toEqual([]);

    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (domain: string, trail: string[]) => {
      if (state.get(domain) === 'done') return;
      if (state.get(domain) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(domain)), domain].join(' → '));
        return;
      }
      state.set(domain, 'visiting');
      for (const next of Object.keys(DOMAIN_DEPENDENCIES[domain] ?? {}))
        visit(next, [...trail, domain]);
      state.set(domain, 'done');
    };
    for (const domain of Object.keys(DOMAIN_DEPENDENCIES)) visit(domain, []);
    expect(cycles).toEqual([]);
  });
});

/**
 * Raw SQL lives behind named, typed functions: one `sql.ts` per core domain, plus the kernel's
 * `db/` (locks). Everywhere else calls those functions, so a reader finds every statement of a
 * domain in one file and each is run by a test against the migrated database. Not checked:
 * `prisma/` (the db package itself), test files and `test/` (including the benchmarks).
 */
const RAW_SQL = /\$(queryRaw|executeRaw)(Unsafe)?\b|\bhot(Reads|Writes)\s*\(/;
const RAW_SQL_FOLDERS = ['packages', 'api/src', 'worker/src'];
const RAW_SQL_HOMES = [/^packages\/core\/src\/[\w-]+\/sql\.ts$/, /^packages\/core\/src\/db\//];
/** Files (repo-relative path and text) that run raw SQL outside its homes. */
function rawSqlOffenders(files: { path: string; text: string }[]): string[] {
  return files
    .filter(({ path: file }) => !/\.test\.ts$/.test(file) && !file.includes('/test-fixtures/'))
    .filter(({ path: file }) => !RAW_SQL_HOMES.some((home) => home.test(file)))
    .filter(({ text }) => RAW_SQL.test(text))
    .map(({ path: file }) => file);
}

async function rawSqlCandidates(): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const folder of RAW_SQL_FOLDERS) {
    for (const file of await sourceFiles(folder)) {
      files.push({ path: path.relative(repoRoot, file), text: await readFile(file, 'utf8') });
    }
  }
  return files;
}

describe('raw SQL only in sql.ts files', () => {
  it('no file outside packages/core/src/*/sql.ts and packages/core/src/db/ runs raw SQL', async () => {
    const files = await rawSqlCandidates();
    expect(files.length).toBeGreaterThan(100);
    expect(rawSqlOffenders(files)).toEqual([]);
  });

  it('the checker catches each kind of raw call outside sql.ts, and lets the homes through', () => {
    const calls = [
      'await db.$queryRaw`SELECT 1`',
      'await tx.$executeRaw`DELETE FROM "X"`',
      "await db.$queryRawUnsafe('SELECT 1')",
      "await db.$executeRawUnsafe('VACUUM')",
      'const rows = await hotReads(db).rows(statement)',
      'await hotWrites(db).transaction(work)',
    ];
    const elsewhere = calls.map((text, i) => ({ path: `api/src/modules/x/file-${i}.ts`, text }));
    expect(rawSqlOffenders(elsewhere)).toEqual(elsewhere.map((file) => file.path));
    const homes = [
      { path: 'packages/core/src/payments/sql.ts', text: calls[0] as string },
      { path: 'packages/core/src/db/locks.ts', text: calls[1] as string },
      { path: 'packages/core/src/payments/sql.test.ts', text: calls[2] as string },
      { path: 'packages/core/src/payments/refund-order.ts', text: 'await lockOrder(tx, id)' },
    ];
    expect(rawSqlOffenders(homes)).toEqual([]);
    // A file named like a home in the wrong place is no home.
    const nested = { path: 'packages/core/src/payments/deep/sql.ts', text: calls[0] as string };
    expect(rawSqlOffenders([nested])).toEqual([nested.path]);
  });
});

/**
 * One use case per file in core's domains: a file exports at most one async function that the
 * API or the worker calls (imports from `@lms/core`). Helpers other domains use (queueing a
 * mail, a lock, a guard) and the DataLoader batch functions (`load*`, one file per GraphQL type's
 * parts) may share a file; a second entry point may not.
 */
function bundledUseCases(
  files: { path: string; text: string }[],
  calledFromOutside: Set<string>,
): string[] {
  return files
    .filter(({ path: file }) => !/\.test\.ts$|\/sql\.ts$/.test(file))
    .filter(({ path: file }) => !KERNEL.includes(file.split('/')[3] ?? ''))
    .flatMap(({ path: file, text }) => {
      const useCases = [...text.matchAll(/^export async function (\w+)/gm)]
        .map((match) => match[1] as string)
        .filter((name) => calledFromOutside.has(name) && !/^load[A-Z]/.test(name));
      return useCases.length > 1 ? [`${file}: ${useCases.join(', ')}`] : [];
    });
}

async function namesImportedFromCore(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const folder of ['api/src', 'worker/src']) {
    for (const file of await sourceFiles(folder)) {
      if (file.endsWith('.test.ts')) continue;
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from '@lms\/core'/g)) {
        for (const name of (match[1] as string).split(',')) {
          const imported = name
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]
            ?.trim();
          if (imported) names.add(imported);
        }
      }
    }
  }
  return names;
}

describe('core: one use case per file', () => {
  it('no file of a core domain exports two functions the API or the worker calls', async () => {
    const called = await namesImportedFromCore();
    expect(called.size).toBeGreaterThan(100);
    const files: { path: string; text: string }[] = [];
    for (const file of await sourceFiles('packages/core/src')) {
      files.push({ path: path.relative(repoRoot, file), text: await readFile(file, 'utf8') });
    }
    expect(bundledUseCases(files, called)).toEqual([]);
  });

  it('the checker catches a second use case, and lets helpers, loaders, sql.ts and the kernel through', () => {
    const called = new Set(['addLesson', 'moveLesson', 'loadA', 'loadB', 'providerDay', 'lockX']);
    const two = 'export async function addLesson() {}\nexport async function moveLesson() {}\n';
    const bundle = { path: 'packages/core/src/authoring/lessons.ts', text: two };
    expect(bundledUseCases([bundle], called)).toEqual([
      'packages/core/src/authoring/lessons.ts: addLesson, moveLesson',
    ]);
    const allowed = [
      {
        path: 'packages/core/src/authoring/add-lesson.ts',
        text: `${two.split('\n')[0]}\nexport async function draftLesson() {}\n`,
      },
      {
        path: 'packages/core/src/catalog/parts.ts',
        text: 'export async function loadA() {}\nexport async function loadB() {}\n',
      },
      { path: 'packages/core/src/authoring/sql.ts', text: two },
      { path: 'packages/core/src/authoring/lessons.test.ts', text: two },
      {
        path: 'packages/core/src/time/day.ts',
        text: 'export async function providerDay() {}\nexport async function lockX() {}\n',
      },
    ];
    expect(bundledUseCases(allowed, called)).toEqual([]);
  });
});
