import { createDocument, FONT, pdfText } from '@lms/pdf';
import { formatLongDate, localDay } from '@lms/time';
import { formatMoney } from './money';

/** What a receipt shows: everything an employer's reimbursement desk asks for. */
export interface ReceiptInput {
  /** The buyer's IANA time zone: dates are its calendar days (default UTC). */
  timeZone?: string;
  orderNumber: string;
  /** When the payment was taken. */
  paidAt: Date;
  courseTitle: string;
  /** e.g. "Version 2". */
  courseVersionLabel?: string;
  /** List price, integer minor units. */
  subtotalCents: number;
  /** Promotion discount, integer minor units (0 when none). */
  discountCents: number;
  /** What was charged, integer minor units. */
  totalCents: number;
  currency: string;
  buyerName: string;
  buyerEmail: string;
  /** Optional "bill to" name (defaults to the buyer's). */
  billToName?: string | null;
  billToEmployer?: string | null;
  memberId?: string | null;
  /** e.g. "Paid", "Refunded on 3 December 2026". */
  statusLine: string;
  /** Card payments go through Stripe; shown as "Paid by card (Stripe) · pi_…". */
  paymentReference?: string | null;
  sellerName?: string;
  sellerAddressLines?: string[];
}

const INK = '#1c2b4a';
const TEXT = '#2b2b2b';
const MUTED = '#5f6570';
const RULE = '#c9ced6';
const MARGIN = 56;
/** "3 December 2026": the calendar day of `date` in `timeZone` (the buyer's; default UTC). */
export function formatReceiptDate(date: Date, timeZone = 'UTC'): string {
  return formatLongDate(localDay(date, timeZone));
}

/** A one-page Letter receipt (PDF bytes). The same input renders the same bytes. */
export async function renderReceiptPdf(input: ReceiptInput): Promise<Buffer> {
  for (const [name, value] of [
    ['subtotalCents', input.subtotalCents],
    ['discountCents', input.discountCents],
    ['totalCents', input.totalCents],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TypeError(`${name} must be a non-negative integer of minor units, got ${value}`);
    }
  }
  const seller = input.sellerName ?? 'CodeCred LMS';
  const { doc, done } = await createDocument(
    { size: 'LETTER', margin: MARGIN },
    {
      title: `Receipt ${input.orderNumber}`,
      author: seller,
      subject: `Receipt for ${input.courseTitle}`,
      creator: 'CodeCred LMS (@lms/payments)',
      createdAt: input.paidAt,
    },
  );

  const width = doc.page.width - 2 * MARGIN;
  const money = (cents: number) => pdfText(formatMoney(cents, input.currency));

  doc.font(FONT.sansBold).fontSize(22).fillColor(INK).text(pdfText(seller), MARGIN, MARGIN);
  for (const line of input.sellerAddressLines ?? []) {
    doc.font(FONT.sans).fontSize(9).fillColor(MUTED).text(pdfText(line));
  }
  doc.moveDown(1.2);
  doc.font(FONT.sansBold).fontSize(16).fillColor(TEXT).text('Receipt');
  doc.moveDown(0.4);

  const facts: [string, string][] = [
    ['Order number', input.orderNumber],
    ['Date paid', formatReceiptDate(input.paidAt, input.timeZone)],
    ['Status', input.statusLine],
  ];
  if (input.paymentReference)
    facts.push(['Payment', `Card via Stripe (${input.paymentReference})`]);
  for (const [label, value] of facts) row(label, value);

  doc.moveDown(0.8);
  doc.font(FONT.sansBold).fontSize(11).fillColor(INK).text('Billed to');
  doc.moveDown(0.2);
  const billed: [string, string][] = [['Name', input.billToName?.trim() || input.buyerName]];
  if (input.billToName?.trim() && input.billToName.trim() !== input.buyerName) {
    billed.push(['Learner', input.buyerName]);
  }
  billed.push(['Email', input.buyerEmail]);
  if (input.billToEmployer?.trim()) billed.push(['Employer', input.billToEmployer.trim()]);
  if (input.memberId?.trim()) billed.push(['Member ID', input.memberId.trim()]);
  for (const [label, value] of billed) row(label, value);

  doc.moveDown(1);
  const tableTop = doc.y;
  doc
    .moveTo(MARGIN, tableTop)
    .lineTo(MARGIN + width, tableTop)
    .strokeColor(RULE)
    .stroke();
  doc.moveDown(0.4);
  doc.font(FONT.sansBold).fontSize(10).fillColor(MUTED);
  const descY = doc.y;
  doc.text('Description', MARGIN, descY, { width: width * 0.7 });
  doc.text('Amount', MARGIN + width * 0.7, descY, { width: width * 0.3, align: 'right' });
  doc.moveDown(0.3);
  const itemY = doc.y;
  const description = input.courseVersionLabel
    ? `${input.courseTitle} (${input.courseVersionLabel})`
    : input.courseTitle;
  doc.font(FONT.sans).fontSize(11).fillColor(TEXT);
  doc.text(pdfText(description), MARGIN, itemY, { width: width * 0.7 });
  const afterDescription = doc.y;
  doc.text(money(input.subtotalCents), MARGIN + width * 0.7, itemY, {
    width: width * 0.3,
    align: 'right',
  });
  doc.y = Math.max(doc.y, afterDescription);
  doc.moveDown(0.3);
  if (input.discountCents > 0) {
    amountRow('Promotion discount', `-${money(input.discountCents)}`, false);
  }
  const totalTop = doc.y + 4;
  doc
    .moveTo(MARGIN, totalTop)
    .lineTo(MARGIN + width, totalTop)
    .strokeColor(RULE)
    .stroke();
  doc.y = totalTop + 6;
  amountRow('Total paid', money(input.totalCents), true);

  doc.moveDown(2);
  doc
    .font(FONT.sans)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      'Online course fee (continuing education). Card payments are processed by Stripe; ' +
        'the LMS never sees card details. Keep this receipt for reimbursement.',
      MARGIN,
      doc.y,
      { width },
    );

  doc.end();
  return done;

  function row(label: string, value: string) {
    const y = doc.y;
    doc.font(FONT.sans).fontSize(10).fillColor(MUTED).text(label, MARGIN, y, { width: 110 });
    doc
      .font(FONT.sans)
      .fontSize(10)
      .fillColor(TEXT)
      .text(pdfText(value), MARGIN + 120, y, { width: width - 120 });
  }

  function amountRow(label: string, value: string, bold: boolean) {
    const y = doc.y;
    doc
      .font(bold ? FONT.sansBold : FONT.sans)
      .fontSize(11)
      .fillColor(TEXT)
      .text(label, MARGIN, y, { width: width * 0.7 });
    doc.text(value, MARGIN + width * 0.7, y, { width: width * 0.3, align: 'right' });
  }
}
