import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, migrate } from '@lms/db';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '@lms/db/embedded';
import { afterAll, expect, it } from 'vitest';
import { createLogger } from './logger';
import { type ApiServer, createApiServer } from './server';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function readiness(url: string) {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string } };
}

it('reports not ready while its database is down and ready again when it returns', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-readyz-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  let postgres: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dataDir,
    port,
    database: 'lms',
  });
  cleanups.push(() => postgres.stop());
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const db = createPrismaClient({ databaseUrl, poolMax: 2, connectionTimeoutMs: 1000 });
  cleanups.push(() => db.$disconnect());
  const server: ApiServer = await createApiServer({ db, log: createLogger('silent') });
  cleanups.push(() => server.stop());
  const { url } = await server.listen(0);

  expect(await readiness(url)).toEqual({ status: 200, body: { status: 'ready' } });

  await postgres.stop();
  const down = await readiness(url);
  expect(down.status).toBe(503);
  expect(down.body.status).toBe('unavailable');
  // The process itself stays alive: liveness is not readiness.
  expect((await fetch(`${url}/healthz`)).status).toBe(200);

  postgres = await startEmbeddedPostgres({ dataDir, port, database: 'lms' });
  let recovered = await readiness(url);
  for (let attempt = 0; attempt < 20 && recovered.status !== 200; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    recovered = await readiness(url);
  }
  expect(recovered).toEqual({ status: 200, body: { status: 'ready' } });
}, 60_000);
