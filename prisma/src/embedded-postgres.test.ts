import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded-postgres';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  const content = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  return Number.parseInt(content.split('\n')[0]!, 10);
}

// A killed process may linger as a zombie until its new parent reaps it; that is not running.
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number): Promise<void> {
  while (isAlive(pid)) await sleep(50);
}

describe('startEmbeddedPostgres', () => {
  let baseDir: string;
  let dataDir: string;
  let running: EmbeddedPostgresHandle | undefined;

  beforeEach(async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'lms-embedded-pg-'));
    await chmod(baseDir, 0o755);
    dataDir = join(baseDir, 'data');
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(baseDir, { recursive: true, force: true });
  });

  it('initialises once, creates the requested database and restarts on the same folder', async () => {
    const port = await freePort();
    const beforeExit = process.listeners('beforeExit').length;
    running = await startEmbeddedPostgres({ dataDir, port, database: 'lms_dev' });
    // Loading embedded-postgres must not leave its 'beforeExit' → process.exit(0) hook behind:
    // it turned a failing test run's exit code into 0.
    expect(process.listeners('beforeExit')).toHaveLength(beforeExit);
    expect(await selectOne(running.url('lms_dev'))).toBe(1);
    await running.stop();

    running = await startEmbeddedPostgres({ dataDir, port, database: 'lms_dev' });
    expect(await selectOne(running.url('lms_dev'))).toBe(1);
  });

  it('fails with an error naming the port when the port is busy', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
        new RegExp(`port ${port} is already in use`),
      );
    } finally {
      blocker.close();
    }
  });

  it('starts after its previous postmaster was killed and left postmaster.pid behind', async () => {
    const port = await freePort();
    running = await startEmbeddedPostgres({ dataDir, port });
    const pid = await postmasterPid(dataDir);
    process.kill(pid, 'SIGKILL');
    await waitUntilDead(pid);
    running = undefined;

    running = await startEmbeddedPostgres({ dataDir, port });
    expect(await selectOne(running.adminUrl)).toBe(1);
  });

  it('stops an orphaned server left by a killed Node process, then starts', async () => {
    const port = await freePort();
    const child = startFixture(dataDir, port, 'wait');
    const orphan = await child.ready;
    child.process.kill('SIGKILL');
    await child.exited;
    expect(isAlive(orphan)).toBe(true);

    running = await startEmbeddedPostgres({ dataDir, port });
    expect(isAlive(orphan)).toBe(false);
    expect(await selectOne(running.adminUrl)).toBe(1);
  });

  // Its exit hook threw "done is not a function" after the last server stopped, which turned
  // a passing test run's exit code into 1; before that, its beforeExit hook turned 1 into 0.
  it("keeps the process's own exit code after the server stopped", async () => {
    const child = startFixture(dataDir, await freePort(), 'stop-then-fail');
    await child.ready;
    const { code, stderr } = await child.exited;
    expect(stderr).not.toMatch(/done is not a function/);
    expect(code).toBe(3);
  });

  it('stops its server when the process exits without stopping it', async () => {
    const child = startFixture(dataDir, await freePort(), 'exit-running');
    const postmaster = await child.ready;
    const { code } = await child.exited;
    expect(code).toBe(4);
    await waitUntilDead(postmaster);
  });
});

function startFixture(dataDir: string, port: number, mode: string) {
  const fixture = fileURLToPath(
    new URL('./test-fixtures/start-embedded-postgres.ts', import.meta.url),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, String(port), mode], {
    // `--import tsx` resolves from the working directory: this package has tsx.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    void exited.then(({ code }) =>
      reject(new Error(`fixture exited early with ${code}: ${stderr}`)),
    );
  });
  return { process: child, ready, exited };
}
