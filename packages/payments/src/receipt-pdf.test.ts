import { extractPdfTextLines } from '@lms/pdf/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReceiptPdf } from './receipt-pdf';

/** The receipt's text as a reader extracts it (PDF.js), one run per line. */
async function pdfText(pdf: Buffer): Promise<string> {
  return (await extractPdfTextLines(pdf)).join('\n');
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

// The first document loads PDFKit, PDF.js and the fonts: slow on a busy machine, once.
beforeAll(async () => {
  await pdfText(await renderReceiptPdf(base));
}, 60_000);

describe('receipt PDF', () => {
  it('dates the payment in the buyer’s time zone, not UTC', async () => {
    // 21:30 in Los Angeles on 30 November is 05:30 UTC on 1 December.
    const text = await pdfText(
      await renderReceiptPdf({
        ...base,
        paidAt: new Date('2026-12-01T05:30:00Z'),
        timeZone: 'America/Los_Angeles',
      }),
    );
    expect(text).toContain('30 November 2026');
    expect(text).not.toContain('1 December 2026');
  });

  it('prints names and titles outside Windows-1252 exactly', async () => {
    const pdf = await renderReceiptPdf({
      ...base,
      buyerName: 'Nguyễn Thị Minh Khai',
      billToEmployer: 'Phòng khám Đa khoa Hà Nội',
      courseTitle: 'ICD-10-CM: Ωmega review',
    });
    const lines = await extractPdfTextLines(pdf);
    expect(lines).toContain('Nguyễn Thị Minh Khai');
    expect(lines).toContain('Phòng khám Đa khoa Hà Nội');
    expect(lines).toContain('ICD-10-CM: Ωmega review');
  });

  it('shows order number, date, course, amounts with the discount, buyer and bill-to lines', async () => {
    const pdf = await renderReceiptPdf(base);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
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
