import { createPrismaClient } from '@lms/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectBrowser } from './browser';
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
 * The product and Chromium for a test file: leased from the run's stack broker
 * (test/support/stack-broker.ts) before the file's tests and given back after them. The API,
 * web and Chromium processes are started once per Vitest worker and reused by the next journey
 * file; the database is not: each lease gets a fresh copy of the seeded demo data (with the job
 * queue's schema) under the stack's database name, so a file may change its rows freely, as with
 * a stack of its own. Call at the top level of a browser journey; read `journey.stack` and
 * `journey.browser` in its tests.
 */
export function useJourneyStack(): JourneyStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let leaseId: string | undefined;
  beforeAll(async () => {
    const lease = await timed('stack', async () => {
      const request: LeaseRequest = {
        adminUrl: inject('postgresAdminUrl'),
        template: await ensureJourneyTemplate(),
      };
      return brokerCall<LeasedStack>('/lease', request);
    });
    leaseId = lease.id;
    const db = createPrismaClient({ databaseUrl: lease.databaseUrl, poolMax: 5 });
    browser = await timed('browser', () => connectBrowser(lease.browserEndpoint));
    stack = {
      database: {
        url: lease.databaseUrl,
        db,
        // The broker replaces the database before the next lease.
        drop: () => db.$disconnect(),
      },
      apiUrl: lease.apiUrl,
      webUrl: lease.webUrl,
      stop: async () => {},
    };
  }, 120_000);
  afterAll(async () => {
    await timed('teardown', async () => {
      // Closing a connected browser closes the contexts this file opened and disconnects.
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
