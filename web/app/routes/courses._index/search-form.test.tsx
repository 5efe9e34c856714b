// @vitest-environment happy-dom
import { useLocation } from '@remix-run/react';
import { createRemixStub } from '@remix-run/testing';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowRouterFutureFlagNotices } from '../../../test/router-stub-notices';
import { parseCatalogQuery } from '../../utils/catalog-query';
import { SearchForm } from './search-form';

beforeEach(allowRouterFutureFlagNotices);
afterEach(cleanup);

/** The catalog page's form, reading its query from the URL as the route does. */
function Page() {
  const location = useLocation();
  return <SearchForm query={parseCatalogQuery(new URLSearchParams(location.search))} />;
}

/** The catalog's search form in a router; every URL its loader was asked for is recorded. */
function renderCatalog(initial = '/courses') {
  const requested: string[] = [];
  const Stub = createRemixStub([
    {
      path: '/courses',
      Component: Page,
      loader: ({ request }) => {
        const url = new URL(request.url);
        requested.push(`${url.pathname}${url.search}`);
        return null;
      },
    },
  ]);
  render(<Stub initialEntries={[initial]} />);
  return requested;
}

describe('catalog search form', () => {
  it('submits only the filled fields: no empty q=, kind= or sort= in the URL', async () => {
    const requested = renderCatalog();
    fireEvent.change(await screen.findByLabelText('Search courses'), {
      target: { value: '  diabetes  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(requested.at(-1)).toBe('/courses?q=diabetes'));
  });

  it('applies a filter as soon as it changes, keeping the search', async () => {
    const requested = renderCatalog('/courses?q=coding');
    fireEvent.change(await screen.findByLabelText('Type'), { target: { value: 'ce' } });
    await waitFor(() => expect(requested.at(-1)).toBe('/courses?q=coding&kind=ce'));
  });

  it('offers "Clear all" only when something is searched or filtered', async () => {
    renderCatalog('/courses?level=advanced');
    const clear = await screen.findByRole('link', { name: 'Clear all' });
    expect(clear.getAttribute('href')).toBe('/courses');
    cleanup();
    renderCatalog('/courses');
    await screen.findByRole('search');
    expect(screen.queryByRole('link', { name: 'Clear all' })).toBeNull();
  });
});
