import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { ConfirmCheckbox } from '../components/confirm-checkbox';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Pager } from '../components/pager';
import { AdminOrdersDocument, RefundOrderDocument } from '../graphql/generated/graphql';
import { errorResponse, gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { isConfirmed } from '../utils/confirm';
import { formatDay } from '../utils/format';
import { redirectWithFlash } from '../utils/learning.server';
import { formatMoney, ORDER_STATUSES, orderStatusLabel } from '../utils/orders';
import { safeRedirect } from '../utils/session.server';
import { requireAdmin } from '../utils/teach.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction = () => [{ title: pageTitle('Orders') }];

const PAGE_SIZE = 25;
type Status = (typeof ORDER_STATUSES)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get('status') ?? '';
  const status = (ORDER_STATUSES as string[]).includes(statusParam)
    ? (statusParam as Status)
    : null;
  const after = url.searchParams.get('after') || null;
  const { adminOrders } = await gqlData(request, AdminOrdersDocument, {
    first: PAGE_SIZE,
    after,
    status,
  });
  const base = new URLSearchParams(status ? { status } : {});
  return {
    status: status ?? '',
    orders: adminOrders.edges.map((edge) => edge.node),
    totalCount: adminOrders.totalCount,
    nextHref:
      adminOrders.pageInfo.hasNextPage && adminOrders.pageInfo.endCursor
        ? `/admin/orders?${new URLSearchParams([...base, ['after', adminOrders.pageInfo.endCursor]])}`
        : null,
    here: `${url.pathname}${url.search}`,
  };
}

/** Refund (full) with a reason; the checkbox is the confirmation (works without JavaScript). */
export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const back = safeRedirect(text('redirectTo'), '/admin/orders');
  if (!isConfirmed(form)) {
    return redirectWithFlash(back, 'Tick the confirmation box to refund the order.', 'error');
  }
  const result = await gql(request, RefundOrderDocument, {
    orderId: text('orderId'),
    reason: text('reason'),
  });
  if (result.errors) {
    const [error] = result.errors;
    if (['BAD_USER_INPUT', 'CONFLICT', 'SERVICE_UNAVAILABLE'].includes(error.code)) {
      const detail = Object.values(error.fieldErrors ?? {}).flat()[0];
      return redirectWithFlash(back, detail ?? error.message, 'error');
    }
    throw errorResponse(request, error);
  }
  const order = result.data.refundOrder;
  return redirectWithFlash(
    back,
    order.status === 'REFUNDED'
      ? `Order ${order.orderNumber} is refunded; the learner's access has ended.`
      : `Refund of ${order.orderNumber} sent to Stripe. Access ends when Stripe confirms it.`,
  );
}

export default function AdminOrdersPage() {
  const timeZone = useTimeZone();
  const { orders, totalCount, status, nextHref, here } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busyFor = navigation.state !== 'idle' ? navigation.formData?.get('orderId') : null;
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders</h1>
      <Form method="get" className="card filter-bar" aria-label="Filter orders" key={status}>
        <div className="field">
          <label htmlFor="orders-status">Status</label>
          <select id="orders-status" name="status" defaultValue={status}>
            <option value="">Any status (flagged first)</option>
            {ORDER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {orderStatusLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </Form>
      {orders.length === 0 ? (
        <p className="empty">
          {status ? `No order has the status ${orderStatusLabel(status)}.` : 'No orders yet.'}
        </p>
      ) : (
        <>
          <p className="muted">
            {totalCount} {totalCount === 1 ? 'order' : 'orders'}
          </p>
          <DataTable columns={['Order', 'Learner', 'Course', 'Amount', 'Status', 'Refund']}>
            {orders.map((order) => {
              const refundable = ['PAID', 'FLAGGED', 'REFUND_PENDING'].includes(order.status);
              return (
                <tr
                  key={order.id}
                  className={order.status === 'FLAGGED' ? 'row-flagged' : undefined}
                >
                  <td>
                    <strong>{order.orderNumber}</strong>
                    <br />
                    <span className="small muted">
                      {formatDay(order.paidAt ?? order.createdAt, timeZone)}
                    </span>
                  </td>
                  <td>
                    {order.buyerName}
                    <br />
                    <span className="small muted">{order.buyerEmail}</span>
                  </td>
                  <td>
                    <Link to={`/courses/${order.courseSlug}`}>{order.courseTitle}</Link>
                  </td>
                  <td>
                    {formatMoney(order.amountPaid ?? order.price)}
                    {order.discount.amountCents > 0 ? (
                      <span className="small muted"> (−{formatMoney(order.discount)})</span>
                    ) : null}
                  </td>
                  <td>
                    <span className={`badge badge-${order.status.toLowerCase()}`}>
                      {orderStatusLabel(order.status)}
                    </span>
                    {order.flaggedReason ? <p className="small">{order.flaggedReason}</p> : null}
                    {order.refundReason && order.status !== 'PAID' ? (
                      <p className="small muted">Reason: {order.refundReason}</p>
                    ) : null}
                  </td>
                  <td>
                    {refundable ? (
                      <Form method="post" className="stack refund-form">
                        <input type="hidden" name="orderId" value={order.id} />
                        <input type="hidden" name="redirectTo" value={here} />
                        <div className="field">
                          <label htmlFor={`reason-${order.id}`}>Reason</label>
                          <input
                            id={`reason-${order.id}`}
                            name="reason"
                            required
                            minLength={3}
                            maxLength={500}
                          />
                        </div>
                        <ConfirmCheckbox id={`confirm-${order.id}`}>
                          Refund {formatMoney(order.amountPaid ?? order.price)} in full and end
                          access
                        </ConfirmCheckbox>
                        <button
                          type="submit"
                          className="button button-danger"
                          disabled={busyFor === order.id}
                        >
                          {busyFor === order.id ? 'Refunding…' : `Refund ${order.orderNumber}`}
                        </button>
                      </Form>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
      <Pager firstHref={null} nextHref={nextHref} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
