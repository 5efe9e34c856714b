import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderReceiptPdf } from './receipt-pdf';

/** The text PDFKit wrote (hex strings inside TJ operators), decoded as Latin-1. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const pattern = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index + match[0].length;
    const bytes = pdf.subarray(start, raw.indexOf('endstream', start));
    let content: string;
    try {
      content = (match[1]?.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString(
        'latin1',
      );
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      out.push(
        [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
          .join(''),
      );
    }
  }
  return out.join('\n');
}

const base = {
  orderNumber: 'ORD-2026-000123',
  paidAt: new Date('2026-11-27T15:00:00Z'),
  courseTitle: 'ICD-10-CM Guidelines (CE)',
  subtotalCents: 4900,
  discountCents: 980,
  totalCents: 3920,
  currency: 'usd',
  buyerName: 'Priya Shah',
  buyerEmail: 'priya.shah@example.com',
  billToEmployer: 'Lakeside Cardiology Group',
  memberId: 'AAPC-01234567',
  statusLine: 'Paid',
};

describe('receipt PDF', () => {
  it('shows order number, date, course, amounts with the discount, buyer and bill-to lines', async () => {
    const pdf = await renderReceiptPdf(base);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'ORD-2026-000123',
      '27 November 2026',
      'ICD-10-CM Guidelines (CE)',
      '$49.00',
      '-$9.80',
      '$39.20',
      'Priya Shah',
      'Lakeside Cardiology Group',
      'AAPC-01234567',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is deterministic and refuses amounts that are not integer cents', async () => {
    expect((await renderReceiptPdf(base)).equals(await renderReceiptPdf(base))).toBe(true);
    await expect(renderReceiptPdf({ ...base, totalCents: 39.2 })).rejects.toThrow(TypeError);
  });
});
