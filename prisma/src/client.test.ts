import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from './testing';

describe('createPrismaClient', () => {
  const database = useTestDatabase();

  it('keeps running when the server closes an idle pooled connection (restart, failover)', async () => {
    const fixture = fileURLToPath(
      new URL('./test-fixtures/hot-read-after-server-closed.ts', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, database.url], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/pid \d+/);
    const pid = Number(/pid (\d+)/.exec(stdout)?.[1]);

    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT pg_terminate_backend($1) AS done', [pid]);
      expect(rows[0].done).toBe(true);
    } finally {
      await admin.end();
    }
    await sleep(300); // the FATAL message reaches the idle connection
    child.stdin.end('go\n');

    expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('read 1');
  });
});
