import { formatMoney } from '../money';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: #f4f5f7; color: #1a1f36; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem;
         border-radius: 12px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.08); }
  .banner { background: #fff4d6; color: #5c4100; padding: .5rem .75rem; border-radius: 6px;
            font-size: .875rem; margin: 0 0 1.5rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
  dl { display: grid; grid-template-columns: 1fr auto; gap: .5rem 1rem; margin: 1.5rem 0; }
  dt { color: #4f566b; } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  .total { font-weight: 700; color: #1a1f36; font-size: 1.125rem; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  .row { display: flex; gap: .5rem; }
  input[type=text] { flex: 1; font: inherit; padding: .5rem .625rem; border: 1px solid #8792a2;
                     border-radius: 6px; }
  button { font: inherit; padding: .625rem 1rem; border-radius: 6px; border: 1px solid #4f566b;
           background: #fff; color: #1a1f36; cursor: pointer; }
  button.primary { width: 100%; margin-top: 1.5rem; background: #0a2540; color: #fff;
                   border-color: #0a2540; font-weight: 600; }
  button.link { width: 100%; margin-top: .75rem; border: none; text-decoration: underline; }
  :focus-visible { outline: 3px solid #635bff; outline-offset: 2px; }
  .error { color: #b3093c; margin: .5rem 0 0; }
  .hint { color: #4f566b; font-size: .875rem; margin: .25rem 0 0; }
  .ok { color: #0e6245; margin: .5rem 0 0; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="banner" role="note">Local Stripe emulator: test mode, no real payment is taken.</p>
${body}
</main>
</body>
</html>`;
}

export interface CheckoutPageModel {
  sessionId: string;
  productName: string;
  customerEmail: string | null;
  currency: string;
  amountSubtotal: number;
  amountDiscount: number;
  amountTotal: number;
  allowPromotionCodes: boolean;
  appliedPromotionCode: string | null;
  promotionCodeInput: string;
  error: string | null;
}

export function renderCheckoutPage(model: CheckoutPageModel): string {
  const id = encodeURIComponent(model.sessionId);
  const money = (amount: number) => escapeHtml(formatMoney(amount, model.currency));
  const errorId = 'promotion-code-error';
  const promotion = model.allowPromotionCodes
    ? `
  <div>
    <label for="promotion_code">Promotion code</label>
    <div class="row">
      <input type="text" id="promotion_code" name="promotion_code" autocomplete="off"
        autocapitalize="characters" spellcheck="false" value="${escapeHtml(model.promotionCodeInput)}"${
          model.error ? ` aria-invalid="true" aria-describedby="${errorId}"` : ''
        }>
      <button type="submit" formaction="/checkout/${id}/promotion">Apply</button>
    </div>
    ${
      model.error
        ? `<p class="error" id="${errorId}" role="alert">${escapeHtml(model.error)}</p>`
        : model.appliedPromotionCode
          ? `<p class="ok" role="status">Code ${escapeHtml(model.appliedPromotionCode)} applied.</p>`
          : '<p class="hint">Have a code? Enter it before paying.</p>'
    }
  </div>`
    : '';
  const discountRow =
    model.amountDiscount > 0
      ? `<dt>Discount${model.appliedPromotionCode ? ` (${escapeHtml(model.appliedPromotionCode)})` : ''}</dt><dd>−${money(model.amountDiscount)}</dd>`
      : '';
  return layout(
    `Pay ${formatMoney(model.amountTotal, model.currency)}: ${model.productName}`,
    `<h1>${escapeHtml(model.productName)}</h1>
${model.customerEmail ? `<p>Paying as <strong>${escapeHtml(model.customerEmail)}</strong></p>` : ''}
<dl aria-label="Order summary">
  <dt>${escapeHtml(model.productName)}</dt><dd>${money(model.amountSubtotal)}</dd>
  ${discountRow}
  <dt class="total">Total due</dt><dd class="total" id="amount-total">${money(model.amountTotal)}</dd>
</dl>
<form method="post" action="/checkout/${id}/pay">
  ${promotion}
  <button type="submit" class="primary">Pay ${money(model.amountTotal)}</button>
</form>
<form method="post" action="/checkout/${id}/cancel">
  <button type="submit" class="link">Cancel</button>
</form>`,
  );
}

export function renderMessagePage(
  title: string,
  message: string,
  link?: { href: string; text: string },
): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}`,
  );
}
