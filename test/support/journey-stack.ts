import { createPrismaClient } from '@lms/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser';
import { ensureJourneyTemplate } from './seeded-database';
import type { Stack } from './stack';
import type { LeasedStack, LeaseRequest } from './stack-broker';
import { timed } from './timings';

export interface JourneyStack {
  /** The seeded database, the API process and the web process of this test file. */
  readonly stack: Stack;
  /** Chromium, shared by the file's tests (each test opens its own context). */
  readonly browser: Browser;
}

async function brokerCall<T>(route: string, body: unknown): Promise<T> {
  const response = await fetch(`${inject('journeyStackBroker')}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`journey stack broker ${route}: ${answer.error}`);
  return answer;
}

/**
 * The product and Chromium for a test file. The product is leased from the run's stack broker
 * (test/support/stack-broker.ts) before the file's tests and given back after them: the API and
 * web processes are started once per Vitest worker and reused by the next journey file; the
 * database is not: each lease gets a fresh copy of the seeded demo data (with the job
 * queue's schema) under the stack's database name, so a file may change its rows freely, as with
 * a stack of its own. Call at the top level of a browser journey; read `journey.stack` and
 * `journey.browser` in its tests.
 */
export function useJourneyStack(): JourneyStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let leaseId: string | undefined;
  beforeAll(async () => {
    const leasing = timed('stack', async () => {
      const request: LeaseRequest = {
        adminUrl: inject('postgresAdminUrl'),
        template: await ensureJourneyTemplate(),
      };
      return brokerCall<LeasedStack>('/lease', request);
    });
    // Chromium is the file's own, launched beside the lease: driving a browser shared through
    // the broker (`chromium.connect`) made every step about 9 % slower, more than a launch costs.
    const launching = timed('browser', () => launchBrowser());
    const [lease, launched] = await Promise.allSettled([leasing, launching]);
    if (lease.status === 'fulfilled') leaseId = lease.value.id;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (lease.status === 'rejected') throw lease.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const db = createPrismaClient({ databaseUrl: lease.value.databaseUrl, poolMax: 5 });
    stack = {
      database: {
        url: lease.value.databaseUrl,
        db,
        // The broker replaces the database before the next lease.
        drop: () => db.$disconnect(),
      },
      apiUrl: lease.value.apiUrl,
      webUrl: lease.value.webUrl,
      stop: async () => {},
    };
  }, 120_000);
  afterAll(async () => {
    await timed('teardown', async () => {
      await browser?.close();
      await stack?.database.db.$disconnect();
      if (leaseId) await brokerCall('/release', { id: leaseId });
    });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test.`);
    return value;
  };
  return {
    get stack() {
      return started(stack, 'The stack');
    },
    get browser() {
      return started(browser, 'The browser');
    },
  };
}
