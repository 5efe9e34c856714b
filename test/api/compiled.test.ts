import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createOrder, DEMO_PASSWORD, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  exitOf,
  freePort,
  productionApiEnv,
  repoRoot,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { createSeededDatabase } from '../support/seeded-database';

// From the build (`pnpm test` builds first): the bundled API in production mode against an
// external PostgreSQL (this run's own server, started on its own), no tsx, nothing embedded,
// run from a folder that holds the API's production dependencies only (`pnpm deploy --prod`,
// from the local store, as the Dockerfile does), so a development-only import fails the test.
let database: TestDatabase;
let deployed: string;

beforeAll(async () => {
  database = await createSeededDatabase();
  deployed = await mkdtemp(path.join(tmpdir(), 'lms-api-prod-'));
  // --prefer-offline: the store and metadata cache serve what they hold; a package whose
  // metadata a fresh machine has never fetched comes from the registry instead of failing.
  await promisify(execFile)(
    'pnpm',
    ['--filter', '@lms/api', '--prod', 'deploy', '--prefer-offline', deployed],
    { cwd: repoRoot },
  );
}, 180_000);
afterAll(async () => {
  await database?.drop();
  if (deployed) await rm(deployed, { recursive: true, force: true });
});

it('the compiled API starts in production with production dependencies only, against an external PostgreSQL, and serves GraphQL', async () => {
  if (!existsSync(path.join(repoRoot, 'api/dist/bin/main.js')))
    throw new Error('api/dist is missing: run `pnpm build` (pnpm test does).');
  const bundle = path.join(deployed, 'dist/bin/main.js');
  // With the node flags of the production start (`pnpm serve:api`: heap limits, Wasm tier).
  const { scripts } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const serveApi = scripts['serve:api']?.trim().split(/\s+/) ?? [];
  expect(serveApi[0]).toBe('node');
  expect(serveApi.at(-1)).toBe('api/dist/bin/main.js');
  // The API's development dependencies are not there.
  expect(existsSync(path.join(deployed, 'node_modules/jose'))).toBe(false);
  expect(existsSync(path.join(deployed, 'node_modules/@types/express'))).toBe(false);
  const port = await freePort();
  const api = startProcess(
    process.execPath,
    [...serveApi.slice(1, -1), bundle],
    productionStart(port),
    deployed,
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/readyz`, api, 90_000);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ courses(first: 5) { totalCount } }' }),
    });
    const body = (await response.json()) as { data: { courses: { totalCount: number } } };
    expect(response.status, api.output()).toBe(200);
    expect(body.data.courses.totalCount).toBeGreaterThanOrEqual(4);

    await expectReceiptPdf(url, api.output);
    await expectPasswordCheck(url, api.output);
    const exited = exitOf(api);
    api.child.kill('SIGTERM');
    expect(await exited, api.output()).toBe(0);
  } finally {
    await api.stop();
  }
}, 120_000);

/** The compiled API scores a new password in its password-strength thread: the bundle must hold
 * that thread's script (dist/bin/password-strength-worker.js) beside the chunk that starts it. */
async function expectPasswordCheck(url: string, output: () => string): Promise<void> {
  const register = async (password: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: RegisterInput!) { register(input: $input) { token } }',
        variables: { input: { name: 'Rowan Ellery', email: 'rowan.ellery@example.com', password } },
      }),
    });
    return (await response.json()) as {
      data: { register: { token: string } } | null;
      errors?: { message: string; extensions?: unknown }[];
    };
  };
  const weak = await register('password123');
  expect(JSON.stringify(weak.errors), output()).toContain('too common or too easy to guess');
  const strong = await register('violet-harbour-gravel-lantern');
  expect(strong.errors, output()).toBeUndefined();
  expect(strong.data?.register.token).toMatch(/\S{20,}/);
}

/** The production environment of the API process. NODE_PATH is emptied: pnpm's bin shim for
 * Vitest sets it to the store's hoisted folder, which would let the bundle resolve packages that
 * a production start (`pnpm serve:api`, the Docker image) cannot. */
function productionStart(port: number): Record<string, string> {
  return {
    ...productionApiEnv(database.url),
    NODE_PATH: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

/** The compiled API signs a learner in and renders a PDF (a receipt of a paid order): the bundle
 * must find the fonts that @lms/pdf embeds, wherever it runs from. */
async function expectReceiptPdf(url: string, output: () => string): Promise<void> {
  const learner = await database.db.user.findUniqueOrThrow({
    where: { email: 'priya.shah@example.com' },
  });
  const course = await database.db.course.findFirstOrThrow({
    where: { status: 'PUBLISHED', latestPublishedVersion: { priceCents: { gt: 0 } } },
  });
  const order = await createOrder(database.db, {
    userId: learner.id,
    courseId: course.id,
    amountCents: 4900,
  });
  await database.db.order.update({ where: { id: order.id }, data: { amountPaidCents: 4900 } });
  const signIn = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { email: learner.email, password: DEMO_PASSWORD } },
    }),
  });
  const { data } = (await signIn.json()) as { data: { signIn: { token: string } } };
  const receipt = await fetch(`${url}/receipts/${order.id}.pdf`, {
    headers: { authorization: `Bearer ${data.signIn.token}` },
  });
  const pdf = Buffer.from(await receipt.arrayBuffer());
  expect(
    { status: receipt.status, type: receipt.headers.get('content-type') },
    `${pdf.toString('utf8', 0, 300)}\n${output()}`,
  ).toEqual({ status: 200, type: 'application/pdf' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

it('`pnpm serve:api` in the workspace (the bundle beside the sources) renders PDFs', async () => {
  const { scripts } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const serveApi = scripts['serve:api']?.trim().split(/\s+/) ?? [];
  const port = await freePort();
  const api = startProcess(process.execPath, serveApi.slice(1), productionStart(port), repoRoot);
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/readyz`, api, 90_000);
    await expectReceiptPdf(url, api.output);
  } finally {
    await api.stop();
  }
}, 120_000);
