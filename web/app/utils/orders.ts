/** Display helpers for orders (pure; shared by server and browser). */

export const ORDER_STATUS_LABELS: Record<string, string> = {
  PENDING: 'Awaiting payment',
  PAID: 'Paid',
  FAILED: 'Payment failed',
  EXPIRED: 'Checkout expired',
  REFUND_PENDING: 'Refund in progress',
  REFUNDED: 'Refunded',
  FLAGGED: 'Under review',
};

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as (
  | 'PENDING'
  | 'PAID'
  | 'FAILED'
  | 'EXPIRED'
  | 'REFUND_PENDING'
  | 'REFUNDED'
  | 'FLAGGED'
)[];

export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status] ?? status;
}

/** Integer cents → "$49.00" (never floating-point arithmetic on money: one division for display). */
export function formatMoney(money: { amountCents: number; currency: string }): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: money.currency.toUpperCase(),
  }).format(money.amountCents / 100);
}
