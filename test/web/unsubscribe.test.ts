import { DEMO_PASSWORD } from '@lms/db/testing';
import { type MailCatcher, startMailCatcher } from '@lms/mail/catcher';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  stack = await startStack({
    apiEnv: { WORKER_IN_PROCESS: 'true', SMTP_URL: catcher.smtpUrl },
  });
});
afterAll(async () => {
  await stack?.stop();
  await catcher?.stop();
});

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

it('the List-Unsubscribe address of a real email: GET asks, the one-click POST turns the topic off', async () => {
  const email = 'grace.okafor@example.com';
  const { signIn } = await graphql<{ signIn: { token: string } }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  const course = await stack.database.db.course.findFirstOrThrow({
    where: {
      status: 'PUBLISHED',
      latestPublishedVersion: { priceCents: 0 },
      enrollments: { none: { user: { email } } },
    },
  });
  await graphql(
    'mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }',
    { courseId: course.id },
    signIn.token,
  );
  const mail = await catcher.waitFor((m) => m.envelopeTo.includes(email), 60_000);
  const header = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  const address = /<([^>]+)>/.exec(header.replace(/\r?\n[ \t]+/g, ' '))?.[1];
  expect(address?.startsWith(`${stack.webUrl}/unsubscribe/`)).toBe(true);
  const preference = () =>
    stack.database.db.emailPreference.findFirstOrThrow({ where: { user: { email } } });

  // A link scanner's GET changes nothing: the page only offers the button.
  const page = await fetch(address as string);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Unsubscribe from enrolment confirmation emails');
  expect((await preference()).enrolment).toBe(true);

  // A cross-site form post is still refused by the web's origin check.
  const foreign = await fetch(address as string, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
    },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(foreign.status).toBe(403);
  expect((await preference()).enrolment).toBe(true);

  // RFC 8058 one-click: the mail provider POSTs from its servers (no Origin header).
  const oneClick = await fetch(address as string, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(200);
  expect((await preference()).enrolment).toBe(false);
  expect((await preference()).ceuReminders).toBe(true);

  // A forged token is a clear 404, not a silent success.
  const forged = await fetch(`${stack.webUrl}/unsubscribe/not-a-token?topic=enrolment`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(forged.status).toBe(404);
});
