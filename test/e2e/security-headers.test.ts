import { createEnrollment } from '@lms/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/journey';
import { useJourneyStack } from '../support/journey-stack';

// Every main page, as each kind of user sees it, in Chromium: the security headers are there,
// the Content-Security-Policy (nonce-based, no 'unsafe-inline') is not violated once, and the
// page still hydrates (so Remix's inline scripts ran under the policy).

const journey = useJourneyStack();

const HCPCS_SLUG = 'hcpcs-level-ii-supplies-dme-drugs';
const FREE_SLUG = 'medical-terminology-and-anatomy-for-coders';

/** A browser context that records every CSP violation and console complaint about CSP. */
async function watchedContext(violations: string[]): Promise<BrowserContext> {
  const context = await journey.browser.newContext();
  await context.exposeBinding('__reportCspViolation', ({ page }, detail: string) => {
    violations.push(`${page.url()}: ${detail}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (detail: string) => void>)
        .__reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  context.on('console', (message) => {
    if (/content security policy/i.test(message.text())) {
      violations.push(`${message.page()?.url()}: console: ${message.text()}`);
    }
  });
  return context;
}

/** Opens `path`, checks the headers of the document and waits until Remix has hydrated. */
async function visit(page: Page, path: string, visited: string[]) {
  const response = await page.goto(`${journey.stack.webUrl}${path}`);
  expect(response, path).not.toBeNull();
  expect(response!.status(), `${path} status`).toBeLessThan(400);
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp, path).not.toContain('unsafe-inline');
  expect(csp, path).not.toContain('unsafe-eval');
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("object-src 'none'");
  expect(headers['x-content-type-options'], path).toBe('nosniff');
  expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
  expect(headers['permissions-policy'], path).toContain('camera=()');
  expect(headers['x-frame-options'], path).toBe('DENY');
  // The stack runs the web server with NODE_ENV=production.
  expect(headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
        ?.state.initialized === true,
    undefined,
    { timeout: 10_000 },
  );
  visited.push(path);
}

/** Signs in through the form once the page has hydrated (its headers checked like any page). */
async function signIn(context: BrowserContext, email: string, visited: string[]): Promise<Page> {
  const page = await context.newPage();
  await visit(page, '/sign-in', visited);
  // Hydration finishes in slices; lazy route discovery's fetch comes after it.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect
    .poll(() => page.getByRole('banner').innerText(), { timeout: 10_000 })
    .toContain('Sign out');
  return page;
}

describe('security headers and CSP on every main page', () => {
  it('public, learner, instructor and admin pages load with zero CSP violations', {
    timeout: 150_000,
  }, async () => {
    const db = journey.stack.database.db;
    const violations: string[] = [];
    const visited: string[] = [];

    // Signed out.
    const visitorContext = await watchedContext(violations);
    const visitor = await visitorContext.newPage();
    for (const path of ['/', '/courses', `/courses/${HCPCS_SLUG}`, '/sign-in', '/register']) {
      await visit(visitor, path, visited);
    }
    await visit(visitor, '/verify', visited);
    await visitor
      .getByLabel(/serial/i)
      .first()
      .fill('CEU-0000-0000-0000');
    await visitor
      .getByRole('button', { name: /verify/i })
      .first()
      .click();
    await expect.poll(() => visitor.url()).toContain('/verify/CEU-0000-0000-0000');
    await visitorContext.close();

    // A learner: enrols in the free course through its form (a script-driven POST, so the
    // browser's own Origin passes the CSRF check), and holds a grant to the HCPCS course.
    const student = await db.user.findUniqueOrThrow({ where: { email: 'priya.shah@example.com' } });
    const hcpcs = await db.course.findUniqueOrThrow({ where: { slug: HCPCS_SLUG } });
    await createEnrollment(db, { userId: student.id, courseId: hcpcs.id });
    const lessons = await db.lesson.findMany({
      where: { module: { versionId: hcpcs.latestPublishedVersionId! } },
      orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
      select: { id: true, kind: true },
    });
    const textLesson = lessons.find((lesson) => lesson.kind !== 'QUIZ')!;
    const quizLesson = lessons.find((lesson) => lesson.kind === 'QUIZ')!;

    const learnerContext = await watchedContext(violations);
    const learner = await signIn(learnerContext, student.email, visited);
    await visit(learner, `/courses/${FREE_SLUG}`, visited);
    await learner.getByRole('button', { name: /enrol/i }).first().click();
    await expect.poll(() => learner.url()).toMatch(/\/learn\/[0-9a-f-]{36}$/);
    for (const path of [
      '/learn',
      `/learn/${hcpcs.id}`,
      `/learn/${hcpcs.id}/lessons/${textLesson.id}`,
      `/learn/${hcpcs.id}/lessons/${quizLesson.id}`,
      `/learn/${hcpcs.id}/quiz/${quizLesson.id}`,
      '/transcript',
      '/certificates',
      '/purchases',
      '/profile',
    ]) {
      await visit(learner, path, visited);
    }
    await learnerContext.close();

    // The instructor who owns the HCPCS course.
    const teacherContext = await watchedContext(violations);
    const teacher = await signIn(teacherContext, 'marcus.lee@example.com', visited);
    for (const tab of ['', '/syllabus', '/preview', '/approvals', '/gradebook', '/publish']) {
      await visit(teacher, `/teach/courses/${hcpcs.id}${tab}`, visited);
    }
    const lessonLink = teacher.locator('a.lesson-link').first();
    await visit(teacher, `/teach/courses/${hcpcs.id}/syllabus`, visited);
    const lessonPath = await lessonLink.getAttribute('href');
    expect(lessonPath).toMatch(/\/lessons\//);
    await visit(teacher, lessonPath!, visited);
    await visit(teacher, '/teach', visited);
    await teacherContext.close();

    // An admin.
    const adminContext = await watchedContext(violations);
    const admin = await signIn(adminContext, 'admin@example.com', visited);
    for (const path of [
      '/admin',
      '/admin/users',
      '/admin/orders',
      '/admin/certificates',
      '/admin/audit',
    ]) {
      await visit(admin, path, visited);
    }
    await adminContext.close();

    expect(violations).toEqual([]);
    expect(visited.length).toBeGreaterThanOrEqual(30);
  });
});
