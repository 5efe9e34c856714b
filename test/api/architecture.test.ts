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

  it('web declares no dependency on core or db', async () => {
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'web/package.json'), 'utf8'));
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(dependencies.filter((name) => /^@lms\/(core|db)$/.test(name))).toEqual([]);
  });
});
