// Vitest global setup (root vitest.config.ts), in the main process: lends the browser journeys
// (`useJourneyStack`) a running product, so each Vitest worker starts the API and the web
// process once per run instead of once per journey file.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startApiProcess,
  startWebProcess,
} from './processes';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the journey stack broker (test/support/stack-broker.ts). */
    journeyStackBroker: string;
  }
}

/** What a journey file leases: a product with a fresh copy of the journey template's rows. */
export interface LeasedStack {
  id: string;
  databaseUrl: string;
  apiUrl: string;
  webUrl: string;
}

export interface LeaseRequest {
  /** The test cluster's maintenance database (CREATE/DROP DATABASE). */
  adminUrl: string;
  /** The database every lease starts from (a copy of it, made for each lease). */
  template: string;
}

interface PooledStack extends LeasedStack {
  adminUrl: string;
  database: string;
  processes: RunningProcess[];
}

/**
 * Each stack is lent to one file at a time. A lease gets an idle stack (or starts one: at most
 * one per Vitest worker) whose database has just been replaced by a fresh copy of the template,
 * under the same name: the API's connections to the old one are cut (the API reconnects; its
 * public cache turns off and comes back empty with its LISTEN connection).
 */
class StackPool {
  private readonly idle: PooledStack[] = [];
  private readonly all = new Set<PooledStack>();

  async lease(request: LeaseRequest): Promise<LeasedStack> {
    const reused = this.idle.pop();
    if (reused) {
      try {
        await replaceDatabase(reused.adminUrl, reused.database, request.template);
        await waitForReady(reused.apiUrl);
        return publicPart(reused);
      } catch (error) {
        await this.stop(reused);
        throw error;
      }
    }
    const started = await startPooledStack(request);
    this.all.add(started);
    return publicPart(started);
  }

  release(id: string): void {
    for (const stack of this.all)
      if (stack.id === id && !this.idle.includes(stack)) this.idle.push(stack);
  }

  async stop(stack: PooledStack): Promise<void> {
    this.all.delete(stack);
    const index = this.idle.indexOf(stack);
    if (index >= 0) this.idle.splice(index, 1);
    for (const process of stack.processes) await process.stop();
    await withAdmin(stack.adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${stack.database} WITH (FORCE)`),
    ).catch(() => {});
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.all].map((stack) => this.stop(stack)));
  }
}

function publicPart(stack: PooledStack): LeasedStack {
  const { id, databaseUrl, apiUrl, webUrl } = stack;
  return { id, databaseUrl, apiUrl, webUrl };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function replaceDatabase(adminUrl: string, database: string, template: string) {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database} TEMPLATE ${client.escapeIdentifier(template)}`);
  });
}

/** The API answers /readyz once its pool holds live connections to the new database. */
async function waitForReady(apiUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${apiUrl}/readyz`)).ok) return;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`${apiUrl}/readyz did not answer after a reset`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function startPooledStack(request: LeaseRequest): Promise<PooledStack> {
  if (!existsSync(path.join(repoRoot, 'web/build/server/index.js'))) {
    throw new Error(
      'web/build is missing: run `pnpm --filter @lms/web build` (pnpm test does it).',
    );
  }
  const database = `lms_journey_${randomBytes(4).toString('hex')}`;
  await replaceDatabase(request.adminUrl, database, request.template);
  const url = databaseUrl(request.adminUrl, database);
  // As startStack: ports first, the API and the web process booting side by side.
  const webPort = await freePort();
  let apiPort = await freePort();
  while (apiPort === webPort) apiPort = await freePort();
  const started = await Promise.allSettled([
    startApiProcess(url, {
      SEED_DEMO_DATA: 'false',
      PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
      PORT: String(apiPort),
    }),
    startWebProcess(`http://127.0.0.1:${apiPort}`, webPort, {}, '/favicon.svg'),
  ]);
  const [api, web] = started;
  if (api.status === 'rejected' || web.status === 'rejected') {
    if (api.status === 'fulfilled') await api.value.stop();
    if (web.status === 'fulfilled') await web.value.stop();
    await withAdmin(request.adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    );
    const failed = started.find((result) => result.status === 'rejected');
    throw (failed as PromiseRejectedResult).reason;
  }
  return {
    id: database,
    adminUrl: request.adminUrl,
    database,
    databaseUrl: url,
    apiUrl: api.value.url,
    webUrl: web.value.url,
    processes: [web.value, api.value],
  };
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body || '{}');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pool = new StackPool();
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    readJson(request)
      .then(async (body) => {
        if (request.url === '/lease') return answer(200, await pool.lease(body as LeaseRequest));
        if (request.url === '/release') {
          pool.release((body as { id: string }).id);
          return answer(200, {});
        }
        answer(404, { error: `unknown: ${request.url}` });
      })
      .catch((error: unknown) =>
        answer(500, {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  project.provide('journeyStackBroker', `http://127.0.0.1:${port}`);
  return async () => {
    server.close();
    await pool.stopAll();
  };
}
