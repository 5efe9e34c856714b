import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { MyOrdersDocument, UpdateOrderBillToDocument } from '../graphql/generated/graphql';
import { errorResponse, gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDay } from '../utils/format';
import { redirectWithFlash } from '../utils/learning.server';
import { formatMoney, orderStatusLabel } from '../utils/orders';
import { requireViewer } from '../utils/session.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction = () => [{ title: pageTitle('My purchases') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const { myOrders } = await gqlData(request, MyOrdersDocument);
  return { orders: myOrders };
}

/** Updates the receipt's bill-to lines of one order. */
export async function action({ request }: ActionFunctionArgs) {
  await requireViewer(request);
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const orderId = text('orderId');
  const result = await gql(request, UpdateOrderBillToDocument, {
    orderId,
    billTo: {
      name: text('billToName'),
      employer: text('billToEmployer'),
      memberId: text('memberId'),
    },
  });
  if (result.errors) {
    const [error] = result.errors;
    if (error.code === 'BAD_USER_INPUT') {
      const messages = Object.values(error.fieldErrors ?? {}).flat();
      return redirectWithFlash('/purchases', messages[0] ?? error.message, 'error');
    }
    throw errorResponse(request, error);
  }
  return redirectWithFlash('/purchases', 'Receipt details saved.');
}

export default function PurchasesPage() {
  const timeZone = useTimeZone();
  const { orders } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="purchases-title">
      <h1 id="purchases-title">My purchases</h1>
      {orders.length === 0 ? (
        <p>
          You have not bought a course yet. <Link to="/courses">Browse the catalog</Link>.
        </p>
      ) : (
        <ul className="order-list">
          {orders.map((order) => (
            <li key={order.id} className="card order" aria-labelledby={`order-${order.id}`}>
              <h2 id={`order-${order.id}`} className="order-title">
                <Link to={`/courses/${order.courseSlug}`}>{order.courseTitle}</Link>
              </h2>
              <dl className="facts">
                <div>
                  <dt>Order number</dt>
                  <dd>{order.orderNumber}</dd>
                </div>
                <div>
                  <dt>Status</dt>
                  <dd>
                    <span className={`badge badge-${order.status.toLowerCase()}`}>
                      {orderStatusLabel(order.status)}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{order.amountPaid ? 'Paid' : 'Price'}</dt>
                  <dd>
                    {formatMoney(order.amountPaid ?? order.price)}
                    {order.discount.amountCents > 0
                      ? ` (promotion −${formatMoney(order.discount)})`
                      : null}
                  </dd>
                </div>
                <div>
                  <dt>Date</dt>
                  <dd>{formatDay(order.paidAt ?? order.createdAt, timeZone)}</dd>
                </div>
                {order.refundReason && order.status !== 'PAID' ? (
                  <div>
                    <dt>Refund</dt>
                    <dd>{order.refundReason}</dd>
                  </div>
                ) : null}
              </dl>
              {order.receiptPath ? (
                <p>
                  <a
                    href={`/purchases/${order.id}/receipt.pdf`}
                    className="button button-secondary"
                    download
                  >
                    Download receipt {order.orderNumber} (PDF)
                  </a>
                </p>
              ) : null}
              <details>
                <summary>Receipt details for reimbursement</summary>
                <Form method="post" className="stack">
                  <input type="hidden" name="orderId" value={order.id} />
                  <div className="field">
                    <label htmlFor={`billToName-${order.id}`}>Bill to (name)</label>
                    <input
                      id={`billToName-${order.id}`}
                      name="billToName"
                      defaultValue={order.billToName ?? ''}
                      placeholder={order.buyerName}
                      maxLength={120}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`billToEmployer-${order.id}`}>Bill to (employer)</label>
                    <input
                      id={`billToEmployer-${order.id}`}
                      name="billToEmployer"
                      defaultValue={order.billToEmployer ?? ''}
                      maxLength={200}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`memberId-${order.id}`}>Member id</label>
                    <input
                      id={`memberId-${order.id}`}
                      name="memberId"
                      defaultValue={order.memberId ?? ''}
                      maxLength={60}
                    />
                  </div>
                  <button type="submit" className="button button-secondary">
                    Save receipt details
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
