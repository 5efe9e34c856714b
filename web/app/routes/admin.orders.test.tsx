// @vitest-environment happy-dom
import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowRouterFutureFlagNotices } from '../../test/router-stub-notices';
import AdminOrdersPage from './admin.orders';

beforeEach(allowRouterFutureFlagNotices);
afterEach(cleanup);

/** The orders page over the loader data it is given (no API). */
function renderOrders(status: string) {
  const Stub = createRemixStub([
    {
      path: '/admin/orders',
      Component: AdminOrdersPage,
      loader: () => ({ status, orders: [], totalCount: 0, nextHref: null, here: '/admin/orders' }),
    },
  ]);
  render(<Stub initialEntries={['/admin/orders']} />);
}

describe('admin orders page', () => {
  it('with no orders shows an empty state, not a table of headings', async () => {
    renderOrders('');
    expect((await screen.findByText(/No orders yet/)).className).toBe('empty');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('0 orders')).toBeNull();
  });

  it('says which filter found nothing', async () => {
    renderOrders('REFUNDED');
    await screen.findByText('No order has the status Refunded.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
