/**
 * Calling a route's real `action` as Remix does, against the real API process: a real Request
 * with a form body, the thrown-or-returned answer as a Response, and cookies carried over.
 */
import { DEMO_PASSWORD } from '@lms/db/testing';
import type { ActionFunctionArgs } from '@remix-run/node';
import { expect } from 'vitest';

const WEB = 'http://web.test';

/** A form POST; repeated names as a list of pairs. */
export function post(
  path: string,
  fields: Record<string, string> | [string, string][],
  cookie?: string,
): Request {
  return new Request(`${WEB}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

type Action = (args: ActionFunctionArgs) => unknown;

/** Runs an action as Remix does: a thrown Response is the answer too. */
export async function run(
  action: Action,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    return toResponse(await action({ request, params, context: {} }));
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
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** Signs in through the sign-in route's action; the session cookie for the next requests. */
export async function signInCookie(signIn: Action, email: string): Promise<string> {
  const response = await run(signIn, post('/sign-in', { email, password: DEMO_PASSWORD }));
  expect(response.status).toBe(302);
  return cookiesOf(response);
}
