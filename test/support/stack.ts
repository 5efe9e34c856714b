import { existsSync } from 'node:fs';
import path from 'node:path';
import { seedDemoData } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { freePort, repoRoot, startApiProcess, startWebProcess } from './processes';

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
  const database = await createTestDatabase();
  await seedDemoData(database.db);
  // The web port is chosen first: the API sends Stripe checkout back to the web app's pages.
  const webPort = await freePort();
  const api = await startApiProcess(database.url, {
    SEED_DEMO_DATA: 'false',
    PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
    ...options.apiEnv,
  });
  const web = await startWebProcess(api.url, webPort);
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
