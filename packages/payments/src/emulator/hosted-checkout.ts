import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderCheckoutPage, renderMessagePage } from './checkout-page-html';
import { type CheckoutSessions, type SessionRecord, successUrl } from './checkout-sessions';
import { readBody } from './http';
import { HttpError } from './stripe-params';

type SendHtml = (status: number, body: string) => void;

/**
 * The hosted checkout page under `/checkout/:id`: shows the order, applies a promotion code,
 * pays (`/pay`) or goes back (`/cancel`), with plain forms.
 */
export async function handleHostedCheckout(
  sessions: CheckoutSessions,
  publicBaseUrl: string,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const match = /^\/checkout\/([^/]+)(?:\/(pay|cancel|promotion))?$/.exec(path);
  const html: SendHtml = (status, body) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };
  const redirect = (location: string) => {
    res.writeHead(303, { location, 'cache-control': 'no-store' });
    res.end();
  };
  const id = match ? decodeURIComponent(match[1] as string) : '';
  const action = match?.[2];
  const record = match ? sessions.get(id) : null;
  if (!record) {
    return html(404, renderMessagePage('Checkout not found', 'This payment link does not exist.'));
  }
  const page = (status: number, error: string | null, input: string) =>
    html(
      status,
      renderCheckoutPage({
        sessionId: id,
        productName: record.productName,
        customerEmail: record.session.customer_email,
        currency: record.session.currency ?? 'usd',
        amountSubtotal: record.session.amount_subtotal ?? 0,
        amountDiscount: record.session.total_details?.amount_discount ?? 0,
        amountTotal: record.session.amount_total ?? 0,
        allowPromotionCodes: record.session.allow_promotion_codes === true,
        appliedPromotionCode: record.promotionCode,
        promotionCodeInput: input,
        error,
      }),
    );

  if (req.method === 'GET' && !action) {
    if (record.session.status !== 'open') return closedPage(record, html);
    return page(200, null, record.promotionCode ?? '');
  }
  if (req.method !== 'POST' || !action) {
    res.writeHead(405, { allow: 'GET, POST' });
    res.end();
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  if (action === 'cancel') {
    // As on Stripe, leaving the page does not expire the session.
    return redirect(record.session.cancel_url ?? publicBaseUrl);
  }
  if (record.session.status !== 'open') return closedPage(record, html, 409);
  const code = form.get('promotion_code')?.trim() ?? '';
  if (action === 'promotion') {
    if (!code) return page(422, 'Enter a promotion code.', '');
    try {
      sessions.applyPromotionCode(record, code);
    } catch (error) {
      if (error instanceof HttpError) return page(422, error.message, code);
      throw error;
    }
    return redirect(`/checkout/${encodeURIComponent(id)}`);
  }
  // action === 'pay'
  try {
    const sameAsApplied = code.toUpperCase() === (record.promotionCode ?? '');
    const { redirectUrl } = sessions.complete(id, code && !sameAsApplied ? code : undefined);
    return redirect(redirectUrl);
  } catch (error) {
    if (error instanceof HttpError) return page(422, error.message, code);
    throw error;
  }
}

function closedPage(record: SessionRecord, html: SendHtml, status = 200): void {
  if (record.session.status === 'complete') {
    html(
      status,
      renderMessagePage('Already paid', 'This checkout has been completed.', {
        href: successUrl(record.session),
        text: 'Continue',
      }),
    );
    return;
  }
  html(
    status === 200 ? 410 : status,
    renderMessagePage(
      'Checkout expired',
      'This checkout session has expired. Go back and start the purchase again.',
      record.session.cancel_url ? { href: record.session.cancel_url, text: 'Go back' } : undefined,
    ),
  );
}
