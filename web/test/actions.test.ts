/**
 * Route actions against the real API process (real HTTP, real PostgreSQL, seeded demo data):
 * the route's own `action` is called with a real Request, as Remix calls it. Nothing is mocked;
 * "the API is down" is the API process really stopped.
 */

import { seedDemoData } from '@lms/db';
import {
  createTestDatabase,
  DEMO_PASSWORD,
  expectConsoleError,
  type TestDatabase,
} from '@lms/db/testing';
import type { ActionFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiProcess } from '../../test/support/processes';

let database: TestDatabase;
let api: Awaited<ReturnType<typeof startApiProcess>>;
let signIn: typeof import('../app/routes/sign-in').action;
let transcript: typeof import('../app/routes/transcript._index');

const WEB = 'http://web.test';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  api = await startApiProcess(database.url);
  // env.server reads API_URL once, when it is first imported: set it, then load the routes.
  vi.stubEnv('API_URL', `${api.url}/graphql`);
  signIn = (await import('../app/routes/sign-in')).action;
  transcript = await import('../app/routes/transcript._index');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${WEB}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

/** Runs an action as Remix does: a thrown Response is the answer too. */
async function run(
  action: (args: ActionFunctionArgs) => unknown,
  request: Request,
): Promise<Response> {
  try {
    const result = await action({ request, params: {}, context: {} });
    return toResponse(result);
  } catch (thrown) {
    return toResponse(thrown);
  }
}

function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  // Remix's data() result: { type: 'DataWithResponseInit', data, init }.
  const single = value as { data: unknown; init?: ResponseInit | null };
  return new Response(JSON.stringify(single.data), {
    status: single.init?.status ?? 200,
    headers: single.init?.headers,
  });
}

/** The `name=value` pairs of every Set-Cookie, as a Cookie header for the next request. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

async function signInCookie(email: string): Promise<string> {
  const response = await run(signIn, post('/sign-in', { email, password: DEMO_PASSWORD }));
  expect(response.status).toBe(302);
  return cookiesOf(response);
}

describe('sign-in action', () => {
  it('names each empty field without asking the API, and never echoes the password', async () => {
    const response = await run(signIn, post('/sign-in', { email: '  ', password: '' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toEqual({
      email: ['Enter your email address.'],
      password: ['Enter your password.'],
    });
    expect(body.initialValue?.password).toBeUndefined();
  });

  it('signs a learner in and lands on My learning with a welcome flash', async () => {
    const response = await run(
      signIn,
      post('/sign-in', { email: 'priya.shah@example.com', password: DEMO_PASSWORD }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/learn');
    expect(cookiesOf(response)).toMatch(/lms_flash=/);
  });

  it('answers a wrong password on the form with the email kept', async () => {
    const response = await run(
      signIn,
      post('/sign-in', { email: ' priya.shah@example.com ', password: 'not-the-password' }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    // Conform's reply: the email as typed, without the password, and the API's message.
    expect(body.initialValue).toEqual({ email: ' priya.shah@example.com ' });
    expect(body.error['']).toEqual([expect.stringMatching(/do not match an account/)]);
  });
});

describe('self-reported CEU action', () => {
  it('shows the API’s message on the field when the amount is not a CEU amount', async () => {
    const cookie = await signInCookie('grace.okafor@example.com');
    const response = await run(
      transcript.action,
      post(
        '/transcript',
        {
          intent: 'add-self-reported',
          body: 'AAPC',
          title: 'Webinar',
          provider: 'Local chapter',
          completedOn: '2026-10-01',
          ceuAmount: 'two',
          category: '',
          note: '',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(400);
    const { result } = await response.json();
    // The API's message on the CEUs field, and the form's summary above it.
    expect(Object.keys(result.error).sort()).toEqual(['', 'ceuAmount']);
    expect(result.error['']).toEqual(['Please correct the errors below.']);
    expect(result.initialValue.title).toBe('Webinar');
  });

  it('adds a credit with the optional category left empty', async () => {
    const cookie = await signInCookie('grace.okafor@example.com');
    const response = await run(
      transcript.action,
      post(
        '/transcript',
        {
          intent: 'add-self-reported',
          body: 'AAPC',
          title: 'Regional coding workshop',
          provider: 'Local chapter',
          completedOn: '2026-10-01',
          ceuAmount: '2',
          category: '',
          note: '',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/transcript');
    const rows = await database.db.selfReportedCredit.findMany({
      where: { title: 'Regional coding workshop' },
      select: { category: true, ceuAmount: true },
    });
    expect(rows).toHaveLength(1);
    // No category given: the core rule files it under the default, core.
    expect(rows[0]?.category).toBe('core');
  });

  it('names the field to fix when a required one is missing, and keeps what was typed', async () => {
    const cookie = await signInCookie('grace.okafor@example.com');
    const response = await run(
      transcript.action,
      post(
        '/transcript',
        {
          intent: 'add-self-reported',
          body: 'AAPC',
          title: '',
          provider: 'Local chapter',
          completedOn: '2026-10-01',
          ceuAmount: '2',
          category: '',
          note: '',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toEqual({ title: ['Enter the program title.'] });
    expect(result.initialValue.provider).toBe('Local chapter');
  });
});

// Last: it stops the API process.
describe('sign-in while the API is down', () => {
  it('keeps the typed email and says to try again, with a 503 and Retry-After', async () => {
    await api.stop();
    // The web logs the unreachable API for its operators; the user gets the 503 below.
    expectConsoleError(/GraphQL API unreachable/);
    const response = await run(
      signIn,
      post('/sign-in', { email: 'priya.shah@example.com', password: DEMO_PASSWORD }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('30');
    const body = await response.json();
    expect(body.initialValue).toEqual({ email: 'priya.shah@example.com' });
    expect(body.error['']).toEqual([expect.stringMatching(/not possible right now/)]);
  });
});
