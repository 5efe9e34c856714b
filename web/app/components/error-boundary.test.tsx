// @vitest-environment happy-dom
import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowRouterFutureFlagNotices } from '../../test/router-stub-notices';
import { describeRouteError, GeneralErrorBoundary } from './error-boundary';

beforeEach(allowRouterFutureFlagNotices);
afterEach(cleanup);

function NeverShown() {
  return <p>never shown</p>;
}

/** A page whose loader throws `thrown`, with the app's error boundary. */
function renderFailing(thrown: unknown) {
  const Stub = createRemixStub([
    {
      path: '/courses/:slug',
      Component: NeverShown,
      ErrorBoundary: GeneralErrorBoundary,
      loader: () => {
        throw thrown;
      },
    },
  ]);
  render(<Stub initialEntries={['/courses/abc']} />);
}

describe('error page titles match what went wrong', () => {
  it('a 503 says to try again, not "not found", and shows the loader’s message', async () => {
    renderFailing(new Response('The catalog is not reachable right now.', { status: 503 }));
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Please try again in a minute');
    expect(screen.getByText('Error 503')).toBeTruthy();
    expect(screen.getByText('The catalog is not reachable right now.')).toBeTruthy();
  });

  it('a 404 is "Page not found", whatever the loader wrote', async () => {
    renderFailing(new Response('Not found', { status: 404 }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Page not found');
  });

  it('a 403 keeps the reason the loader gave', async () => {
    renderFailing(new Response('The admin area is for administrators only.', { status: 403 }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Access denied');
    expect(screen.getByText('The admin area is for administrators only.')).toBeTruthy();
  });

  it('a thrown Error is a 500 that leaks nothing of the error', () => {
    const described = describeRouteError(new Error('relation "users" does not exist'));
    expect(described).toMatchObject({ status: 500, title: 'Something went wrong' });
    expect(described.message).not.toMatch(/relation/);
  });
});
