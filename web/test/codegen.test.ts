import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('generated GraphQL documents', () => {
  it('match app/graphql/*.graphql and api/schema.graphql (run `pnpm --filter @lms/web codegen`)', async () => {
    const previous = process.cwd();
    process.chdir(webRoot);
    let outputs: { filename: string; content: string }[];
    try {
      outputs = await generate({ ...config, cwd: webRoot, silent: true }, false);
    } finally {
      process.chdir(previous);
    }
    expect(outputs.length).toBeGreaterThan(0);
    const stale: string[] = [];
    for (const output of outputs) {
      const committed = await readFile(path.resolve(webRoot, output.filename), 'utf8');
      if (committed !== output.content) stale.push(output.filename);
    }
    expect(stale).toEqual([]);
  });
});
