import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ConfirmCheckoutDocument } from '../graphql/generated/graphql';
import { errorResponse, gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatMoney, orderStatusLabel } from '../utils/orders';
import { requireViewer } from '../utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Thank you for your purchase') }];

/**
 * Stripe sends the buyer here after paying. The API reads the session from Stripe and fulfils it
 * (the same use case as the webhook), so the enrolment shows at once.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const sessionId = new URL(request.url).searchParams.get('session_id')?.trim() ?? '';
  if (!sessionId) throw new Response('Not found', { status: 404 });
  const result = await gql(request, ConfirmCheckoutDocument, { sessionId });
  if (result.errors) {
    const [error] = result.errors;
    if (error.code === 'SERVICE_UNAVAILABLE') {
      return { unavailable: error.message, confirmation: null };
    }
    throw errorResponse(request, error);
  }
  return { unavailable: null, confirmation: result.data.confirmCheckout };
}

export default function CheckoutSuccessPage() {
  const { confirmation, unavailable } = useLoaderData<typeof loader>();
  if (!confirmation) {
    return (
      <section className="narrow" aria-labelledby="success-title">
        <h1 id="success-title">We are confirming your payment</h1>
        <p className="alert alert-error" role="alert">
          {unavailable}
        </p>
        <p>
          Your payment is safe. <Link to="">Check again</Link> in a moment, or see{' '}
          <Link to="/purchases">My purchases</Link>.
        </p>
      </section>
    );
  }
  const { order, enrolled } = confirmation;
  return (
    <section className="narrow checkout-result" aria-labelledby="success-title">
      {enrolled ? (
        <>
          <h1 id="success-title">You are enrolled</h1>
          <p className="lead">
            Thank you! <strong>{order.courseTitle}</strong> is now in your learning. Your receipt is
            on its way to your email (it is also under <Link to="/purchases">My purchases</Link>
            ).
          </p>
          <p>
            <Link to={`/learn/${order.courseId}`} className="button button-large">
              Start learning
            </Link>
          </p>
        </>
      ) : order.status === 'PENDING' ? (
        <>
          <h1 id="success-title">We are confirming your payment</h1>
          <p>
            Stripe has not confirmed the payment yet. This page updates when you{' '}
            <Link to="">reload it</Link>; you will also find the order under{' '}
            <Link to="/purchases">My purchases</Link>.
          </p>
        </>
      ) : (
        <>
          <h1 id="success-title">Your order: {orderStatusLabel(order.status)}</h1>
          <p>
            {order.status === 'FLAGGED'
              ? 'We received your payment but need to check it before the course opens. Our administrators have been alerted by email and will review it; follow the order under My purchases.'
              : 'This order does not give access to the course.'}
          </p>
        </>
      )}
      <dl className="facts card">
        <div>
          <dt>Order number</dt>
          <dd>{order.orderNumber}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{orderStatusLabel(order.status)}</dd>
        </div>
        {order.amountPaid ? (
          <div>
            <dt>Paid</dt>
            <dd>
              {formatMoney(order.amountPaid)}
              {order.discount.amountCents > 0
                ? ` (promotion −${formatMoney(order.discount)})`
                : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link to="/purchases">My purchases and receipts</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
