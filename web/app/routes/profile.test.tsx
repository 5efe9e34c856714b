// @vitest-environment happy-dom
import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowRouterFutureFlagNotices } from '../../test/router-stub-notices';
import ProfilePage from './profile';

beforeEach(allowRouterFutureFlagNotices);
afterEach(cleanup);

describe('profile page', () => {
  it('puts every section heading inside its card, as the Email section does', async () => {
    const Stub = createRemixStub([
      {
        path: '/profile',
        Component: ProfilePage,
        loader: () => ({
          profile: { email: 'priya@example.com', name: 'Priya', bio: null, credentials: [] },
          timeZones: ['UTC', 'America/New_York'],
          storedTimeZone: null,
          suggestedTimeZone: 'UTC',
          providerTimeZone: 'America/New_York',
          showCredentials: false,
        }),
      },
    ]);
    render(<Stub initialEntries={['/profile']} />);
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((heading) => heading.textContent)).toEqual([
      'Email',
      'Time zone',
      'Your data',
    ]);
    for (const heading of headings)
      expect(heading.closest('.card'), heading.textContent).not.toBeNull();
  });
});
