import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestDatabase } from '@lms/db/testing';
import { freePort, repoRoot, startApiProcess, startWebProcess } from './processes';
import { createSeededDatabase } from './seeded-database';

export interface Stack {
  database: TestDatabase;
  apiUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole product as a user meets it: a seeded database, the API process, the web process.
 * `apiEnv` adds settings to the API (e.g. SMTP_URL of a test's mail catcher with
 * WORKER_IN_PROCESS=true, so its emails arrive there).
 */
export async function startStack(
  options: { apiEnv?: Record<string, string> } = {},
): Promise<Stack> {
  if (!existsSync(path.join(repoRoot, 'web/build/server/index.js'))) {
    throw new Error(
      'web/build is missing: run `pnpm --filter @lms/web build` (pnpm test does it).',
    );
  }
  const database = await createSeededDatabase();
  // The ports are chosen first: the API sends Stripe checkout back to the web app's pages, and
  // the web app is started beside the API (not after it: the two boot in parallel). It is ready
  // when it serves a static file; its first page is asked for only once the API answers too.
  const webPort = await freePort();
  let apiPort = await freePort();
  while (apiPort === webPort) apiPort = await freePort();
  const started = await Promise.allSettled([
    startApiProcess(database.url, {
      SEED_DEMO_DATA: 'false',
      PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
      ...options.apiEnv,
      PORT: String(apiPort),
    }),
    startWebProcess(`http://127.0.0.1:${apiPort}`, webPort, {}, '/favicon.svg'),
  ]);
  const [apiStart, webStart] = started;
  if (apiStart.status === 'rejected' || webStart.status === 'rejected') {
    for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
    await database.drop();
    throw apiStart.status === 'rejected'
      ? apiStart.reason
      : (webStart as PromiseRejectedResult).reason;
  }
  const api = apiStart.value;
  const web = webStart.value;
  return {
    database,
    apiUrl: api.url,
    webUrl: web.url,
    async stop() {
      await web.stop();
      await api.stop();
      await database.drop();
    },
  };
}
