import { describe, expect, it } from 'vitest';
import { parseStripeForm } from './form-encoding';
import { formatMoney } from './money';

describe('parseStripeForm', () => {
  it('builds nested objects and arrays from bracketed keys', () => {
    const body = new URLSearchParams({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][unit_amount]': '4900',
      'line_items[0][price_data][product_data][name]': 'Course & more',
      'metadata[orderId]': 'o1',
      'expand[]': 'payment_intent',
    }).toString();
    expect(parseStripeForm(body)).toEqual({
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: { unit_amount: '4900', product_data: { name: 'Course & more' } },
        },
      ],
      metadata: { orderId: 'o1' },
      expand: ['payment_intent'],
    });
  });

  it('ignores prototype-polluting keys', () => {
    const parsed = parseStripeForm('__proto__[polluted]=1&a[constructor][x]=1&ok=1');
    expect(parsed).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('formatMoney', () => {
  it('formats integer minor units', () => {
    expect(formatMoney(4900, 'usd')).toBe('$49.00');
    expect(formatMoney(3920, 'usd')).toBe('$39.20');
    expect(formatMoney(500, 'jpy')).toBe('¥500');
    expect(() => formatMoney(1.5, 'usd')).toThrow(TypeError);
  });
});
