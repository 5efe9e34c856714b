import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/journey';
import { freePort, startWebProcess } from '../support/processes';
import { type Stack, startStack } from '../support/stack';

// The web server process as a browser (or a forger) meets it over plain HTTP: cross-site form
// posts on every Remix path, and error pages.

let stack: Stack;
let adminCookie: string;

const FOREIGN = 'https://evil.example';

beforeAll(async () => {
  stack = await startStack();
  adminCookie = await signIn('admin@example.com');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

/** Signs in through the web's own form (same-origin) and returns the Cookie header to send. */
async function signIn(email: string): Promise<string> {
  const response = await fetch(`${stack.webUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: stack.webUrl,
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(302);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair?.startsWith('lms_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}

async function roleOf(email: string) {
  return (await stack.database.db.user.findUniqueOrThrow({ where: { email } })).role;
}

/** The admin's "set role" form post, at one of Remix's three action paths. */
async function postSetRole(pathAndQuery: string, headers: Record<string, string>, role: string) {
  const student = await stack.database.db.user.findUniqueOrThrow({
    where: { email: 'grace.okafor@example.com' },
  });
  return fetch(`${stack.webUrl}${pathAndQuery}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: adminCookie,
      ...headers,
    },
    body: new URLSearchParams({ userId: student.id, role, name: student.name }),
  });
}

const PATHS = {
  document: '/admin/users',
  singleFetch: '/admin/users.data',
  legacyData: '/admin/users?_data=routes%2Fadmin.users',
};

describe('cross-site form posts (CSRF) are refused on every path', () => {
  for (const [name, path] of Object.entries(PATHS)) {
    it(`${name}: a foreign Origin gets a plain 403 and changes nothing`, async () => {
      const response = await postSetRole(path, { origin: FOREIGN }, 'ADMIN');
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/cross-site/i);
      expect(await roleOf('grace.okafor@example.com')).toBe('STUDENT');
    });

    it(`${name}: Sec-Fetch-Site cross-site without an Origin gets 403 and changes nothing`, async () => {
      const response = await postSetRole(path, { 'sec-fetch-site': 'cross-site' }, 'ADMIN');
      expect(response.status).toBe(403);
      expect(await roleOf('grace.okafor@example.com')).toBe('STUDENT');
    });
  }

  it('a sibling site (Sec-Fetch-Site same-site) is refused too', async () => {
    const response = await postSetRole(PATHS.document, { 'sec-fetch-site': 'same-site' }, 'ADMIN');
    expect(response.status).toBe(403);
  });

  it('a foreign Referer without Origin or Sec-Fetch-Site is refused', async () => {
    const response = await postSetRole(PATHS.legacyData, { referer: `${FOREIGN}/page` }, 'ADMIN');
    expect(response.status).toBe(403);
    expect(await roleOf('grace.okafor@example.com')).toBe('STUDENT');
  });

  it('the same origin is allowed on every path', async () => {
    const document = await postSetRole(PATHS.document, { origin: stack.webUrl }, 'INSTRUCTOR');
    expect(document.status).toBe(302);
    expect(await roleOf('grace.okafor@example.com')).toBe('INSTRUCTOR');
    const singleFetch = await postSetRole(PATHS.singleFetch, { origin: stack.webUrl }, 'STUDENT');
    expect(singleFetch.status).toBeLessThan(400);
    expect(await roleOf('grace.okafor@example.com')).toBe('STUDENT');
    const legacy = await postSetRole(PATHS.legacyData, { origin: stack.webUrl }, 'INSTRUCTOR');
    expect(legacy.status).toBeLessThan(400);
    expect(await roleOf('grace.okafor@example.com')).toBe('INSTRUCTOR');
    await postSetRole(PATHS.document, { origin: stack.webUrl }, 'STUDENT');
    expect(await roleOf('grace.okafor@example.com')).toBe('STUDENT');
  });

  it('no Origin but Sec-Fetch-Site same-origin is allowed', async () => {
    const response = await postSetRole(
      PATHS.document,
      { 'sec-fetch-site': 'same-origin' },
      'INSTRUCTOR',
    );
    expect(response.status).toBe(302);
    expect(await roleOf('grace.okafor@example.com')).toBe('INSTRUCTOR');
    await postSetRole(PATHS.document, { origin: stack.webUrl }, 'STUDENT');
  });

  it('a request with neither header (not a browser: it cannot carry a victim’s cookie) is allowed', async () => {
    const response = await postSetRole(PATHS.document, {}, 'INSTRUCTOR');
    expect(response.status).toBe(302);
    expect(await roleOf('grace.okafor@example.com')).toBe('INSTRUCTOR');
    await postSetRole(PATHS.document, { origin: stack.webUrl }, 'STUDENT');
  });

  it('GET is never blocked, whatever the Origin', async () => {
    const response = await fetch(`${stack.webUrl}/courses`, {
      headers: { origin: FOREIGN, 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(200);
  });
});

describe('errors the visitor sees', () => {
  it('a NUL byte in the register form is a field error, not a 500 page', async () => {
    const response = await fetch(`${stack.webUrl}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.webUrl },
      body: new URLSearchParams({
        name: 'Nul\u0000Byte',
        email: 'nul.byte@example.com',
        password: 'a-long-password-1',
      }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('invisible control character');
    expect(html).not.toContain('Something went wrong');
    expect(await stack.database.db.user.count({ where: { email: 'nul.byte@example.com' } })).toBe(
      0,
    );
  });

  it('a malformed URL answers a plain 400 without a stack trace, even in development mode', async () => {
    const web = await startWebProcess(stack.apiUrl, undefined, { NODE_ENV: 'development' });
    try {
      for (const path of ['/verify/%E0%A4%A', '/courses/%ZZ']) {
        const response = await fetch(`${web.url}${path}`);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        const text = await response.text();
        expect(text).not.toMatch(/URIError|node_modules|\/work\/|<pre/);
        expect(text).toMatch(/check the address/);
      }
      // A browser gets a page: a heading that says what happened and a way on.
      const page = await fetch(`${web.url}/verify/%E0%A4%A`, {
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toMatch(/<html lang="en">/);
      expect(html).toMatch(/<title>This address is not valid · CodeCred LMS<\/title>/);
      expect(html).toMatch(/<h1>This address is not valid<\/h1>/);
      expect(html).toContain('<a href="/verify">Verify a certificate by its serial</a>');
      expect(html).not.toMatch(/URIError|node_modules|\/work\//);
    } finally {
      await web.stop();
    }
  });

  it('keeps the typed email on the sign-in form when the API cannot be reached', async () => {
    const deadApi = `http://127.0.0.1:${await freePort()}`;
    const web = await startWebProcess(deadApi, undefined, {}, '/favicon.svg');
    try {
      const response = await fetch(`${web.url}/sign-in`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: web.url,
          'sec-fetch-site': 'same-origin',
        },
        body: new URLSearchParams({ email: 'typed.by.hand@example.com', password: 'secret-123' }),
      });
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toMatch(/<h1[^>]*>Sign in<\/h1>/);
      expect(html).toContain('value="typed.by.hand@example.com"');
      expect(html).toContain('Signing in is not possible right now');
    } finally {
      await web.stop();
    }
  });
});
