import { DEMO_PASSWORD } from '@lms/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Stack } from './stack';
import { timed } from './timings';

export { DEMO_PASSWORD };

/** Opens a page in `context` and signs in through the real sign-in form. */
export async function signInAs(
  stack: Stack,
  context: BrowserContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  return timed('signIn', () => signInThroughForm(stack, context, email, password));
}

async function signInThroughForm(
  stack: Stack,
  context: BrowserContext,
  email: string,
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect
    .poll(() => page.getByRole('banner').innerText(), { timeout: 15_000 })
    .toContain('Sign out');
  return page;
}

/**
 * A signed-in page for a test whose subject is not the sign-in form: the browser context posts
 * the same sign-in form (the no-JavaScript path, with the same session cookie as a result) and
 * follows its redirect, without rendering the form and the landing page in Chromium. The page is
 * blank: go to the page under test first. The form itself is driven by `signInAs` and the
 * journeys that test signing in.
 */
export async function signedInPage(
  stack: Stack,
  context: BrowserContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  return timed('signInRequest', async () => {
    const response = await context.request.post(`${stack.webUrl}/sign-in`, {
      form: { email, password },
    });
    const landed = new URL(response.url()).pathname;
    if (!response.ok() || landed === '/sign-in') {
      throw new Error(
        `signing in as ${email} failed (${response.status()} at ${landed}): ${(await response.text()).slice(0, 500)}`,
      );
    }
    return context.newPage();
  });
}

/** The JSON answer of a GraphQL request: data and errors as the API sent them. */
export interface GraphQLBody<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** Posts one GraphQL operation to an API process at `apiUrl` and returns its answer as sent. */
export async function postGraphql<Data = Record<string, unknown>>(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLBody<Data>> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody<Data>;
}

/** One GraphQL operation against the API process, as a client other than the web app. */
export async function callApi<T>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const body = await postGraphql<Record<string, T>>(stack.apiUrl, query, variables, token);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data ?? {})[0] as T;
}

/** The text of the flash message region above the page (empty when there is none). */
export const flashText = (page: Page) => page.locator('.flash-region').innerText();

/**
 * Waits until the app has rendered the page it navigated to. The router changes the URL a moment
 * before React commits the new page, so a test that reads the page as soon as the URL changed can
 * read the old one; the progress bar's `data-state` is rendered by the same commit.
 */
export async function pageSettled(page: Page): Promise<void> {
  await timed('pageSettled', () =>
    page.locator('.nav-progress[data-state="idle"]').waitFor({ state: 'attached' }),
  );
}
