import { createDocument, FONT, pdfText } from '@lms/pdf';
import { localDay } from '@lms/time';
import { formatCeu, formatLongDate, utcDate } from '../format.js';
import { ACCENT, INK, MUTED, type PageSize, RULE, TEXT } from './shared.js';

export interface TranscriptEntry {
  /** YYYY-MM-DD */
  date: string;
  title: string;
  /** Body label as shown, e.g. "AAPC". */
  body: string;
  /** Approved amount as a decimal string, e.g. "2.00". */
  ceuAmount: string;
  source: 'certificate' | 'self-reported';
  serial?: string;
  /** Who provided the program (our sponsor for certificates; as reported otherwise). */
  provider?: string;
  /** The approval's index number (certificates). */
  indexNumber?: string;
}

/** What the transcript is, and is not (shown on the PDF; the web page says the same). */
export const TRANSCRIPT_ESTIMATE_NOTICE =
  'This transcript is an estimate computed from the records kept here and the renewal rules as ' +
  'entered by the administrator. It is not a certifying body’s record: the body’s own CEU ' +
  'tracker is the record of your compliance (for example AAPC’s CEU Tracker or AHIMA’s ' +
  'recertification portal). Check it there before your cycle ends.';

export interface TranscriptCycle {
  /** The credential being maintained, e.g. "CPC (AAPC)". */
  credential: string;
  /** YYYY-MM-DD */
  cycleStart: string;
  /** YYYY-MM-DD */
  cycleEnd: string;
  required: string;
  earned: string;
  remaining: string;
  entries: TranscriptEntry[];
}

export interface TranscriptInput {
  learnerName: string;
  /** ISO instant. */
  generatedAt: string;
  cycles: TranscriptCycle[];
  /** Shown in the heading and footer; default "CodeCred LMS". */
  issuerName?: string;
}

export interface TranscriptPdfOptions {
  pageSize?: PageSize;
  compress?: boolean;
  /** The reader's IANA zone: "Generated <day>" is its calendar day (default UTC). */
  timeZone?: string;
}

const MARGIN = 50;
const FOOTER_SPACE = 40;

interface Column {
  key: 'date' | 'title' | 'body' | 'ceu' | 'source' | 'serial';
  label: string;
  share: number;
  align: 'left' | 'right';
}

const COLUMNS: Column[] = [
  { key: 'date', label: 'Date', share: 0.13, align: 'left' },
  { key: 'title', label: 'Program', share: 0.37, align: 'left' },
  { key: 'body', label: 'Body', share: 0.09, align: 'left' },
  { key: 'ceu', label: 'CEUs', share: 0.08, align: 'right' },
  { key: 'source', label: 'Source', share: 0.13, align: 'left' },
  { key: 'serial', label: 'Certificate', share: 0.2, align: 'left' },
];

/**
 * A portrait CEU transcript per renewal cycle (what an auditor asks for): a summary line per
 * cycle (required / earned / remaining) and a table of its entries, with page breaks that repeat
 * the table header and "Page n of m" footers.
 */
export async function renderTranscriptPdf(
  input: TranscriptInput,
  options: TranscriptPdfOptions = {},
): Promise<Buffer> {
  const issuerName = pdfText(input.issuerName ?? 'CodeCred LMS');
  const learnerName = pdfText(input.learnerName);
  const generatedOn = formatLongDate(
    options.timeZone
      ? localDay(new Date(input.generatedAt), options.timeZone)
      : utcDate(input.generatedAt),
  );
  const { doc, done } = await createDocument(
    {
      size: options.pageSize ?? 'LETTER',
      layout: 'portrait',
      compress: options.compress ?? true,
      bufferPages: true,
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    },
    {
      title: `CEU transcript: ${learnerName}`,
      author: issuerName,
      subject: 'Continuing-education transcript by renewal cycle',
      createdAt: new Date(input.generatedAt),
      creator: 'CodeCred LMS (@lms/credentials)',
    },
  );
  const W = doc.page.width;
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  const tableWidth = W - 2 * MARGIN;
  const widths = COLUMNS.map((c) => c.share * tableWidth);
  const pad = 4;

  let y = MARGIN;
  doc.font(FONT.sansBold).fontSize(8).fillColor(ACCENT);
  doc.text(issuerName.toUpperCase(), MARGIN, y, { characterSpacing: 2, lineBreak: false });
  y += 16;
  doc.font(FONT.serif).fontSize(24).fillColor(INK);
  doc.text('Continuing-Education Transcript', MARGIN, y, { lineBreak: false });
  y += 32;
  doc.font(FONT.sans).fontSize(10).fillColor(TEXT);
  doc.text(`Learner: ${learnerName}`, MARGIN, y, { lineBreak: false });
  y += 14;
  doc.fillColor(MUTED).text(`Generated ${generatedOn}`, MARGIN, y, { lineBreak: false });
  y += 16;
  doc.font(FONT.sansBold).fontSize(8.5).fillColor(INK);
  doc.text(TRANSCRIPT_ESTIMATE_NOTICE, MARGIN, y, { width: W - 2 * MARGIN });
  y = doc.y + 8;
  doc
    .lineWidth(0.8)
    .strokeColor(INK)
    .moveTo(MARGIN, y)
    .lineTo(W - MARGIN, y)
    .stroke();
  y += 16;

  const newPage = () => {
    doc.addPage();
    y = MARGIN;
  };

  const headerRow = () => {
    doc.rect(MARGIN, y, tableWidth, 16).fillColor('#eef0f4').fill();
    doc.font(FONT.sansBold).fontSize(7.5).fillColor(INK);
    let x = MARGIN;
    COLUMNS.forEach((c, i) => {
      doc.text(c.label.toUpperCase(), x + pad, y + 5, {
        width: widths[i]! - 2 * pad,
        align: c.align,
        characterSpacing: 0.8,
        lineBreak: false,
      });
      x += widths[i]!;
    });
    y += 16;
  };

  if (input.cycles.length === 0) {
    doc.font(FONT.sansItalic).fontSize(10).fillColor(MUTED);
    doc.text('No renewal cycles recorded.', MARGIN, y);
  }

  for (const cycle of input.cycles) {
    if (y + 90 > bottom()) newPage();
    doc.font(FONT.sansBold).fontSize(12).fillColor(INK);
    doc.text(pdfText(cycle.credential), MARGIN, y, { lineBreak: false });
    y += 16;
    doc.font(FONT.sans).fontSize(9.5).fillColor(TEXT);
    doc.text(
      `Cycle ${formatLongDate(cycle.cycleStart)} to ${formatLongDate(cycle.cycleEnd)}`,
      MARGIN,
      y,
      { lineBreak: false },
    );
    y += 14;
    doc.text(
      `Required ${formatCeu(cycle.required)}   ·   Earned ${formatCeu(cycle.earned)}   ·   Remaining ${formatCeu(cycle.remaining)}`,
      MARGIN,
      y,
      { lineBreak: false },
    );
    y += 18;
    headerRow();

    if (cycle.entries.length === 0) {
      doc.font(FONT.sansItalic).fontSize(9).fillColor(MUTED);
      doc.text('No entries in this cycle.', MARGIN + pad, y + 5, { lineBreak: false });
      y += 20;
    }

    cycle.entries.forEach((entry, rowIndex) => {
      const cells: Record<Column['key'], string> = {
        date: entry.date,
        title: pdfText(entry.title),
        body: pdfText(entry.body),
        ceu: formatCeu(entry.ceuAmount),
        source: entry.source === 'certificate' ? 'Certificate' : 'Self-reported',
        serial: entry.serial ?? '',
      };
      const details = [
        entry.provider ? `Provider: ${pdfText(entry.provider)}` : null,
        entry.indexNumber ? `Index number ${pdfText(entry.indexNumber)}` : null,
      ]
        .filter(Boolean)
        .join('\n');
      doc.font(FONT.sans).fontSize(8.5);
      const titleHeight = doc.heightOfString(cells.title, { width: widths[1]! - 2 * pad });
      doc.fontSize(7.5);
      const detailHeight = details
        ? doc.heightOfString(details, { width: widths[1]! - 2 * pad }) + 2
        : 0;
      const rowHeight = Math.max(titleHeight + detailHeight, 10) + 2 * pad + 2;
      if (y + rowHeight > bottom()) {
        newPage();
        headerRow();
      }
      if (rowIndex % 2 === 1)
        doc.rect(MARGIN, y, tableWidth, rowHeight).fillColor('#f7f7f9').fill();
      let x = MARGIN;
      COLUMNS.forEach((c, i) => {
        const width = widths[i]! - 2 * pad;
        if (c.key === 'serial') doc.font(FONT.mono).fontSize(7.5);
        else doc.font(FONT.sans).fontSize(8.5);
        doc.fillColor(c.key === 'source' && entry.source === 'self-reported' ? MUTED : TEXT);
        doc.text(cells[c.key], x + pad, y + pad + 1, {
          width,
          align: c.align,
          ...(c.key === 'title' ? {} : { lineBreak: false }),
        });
        if (c.key === 'title' && details) {
          doc.font(FONT.sans).fontSize(7.5).fillColor(MUTED);
          doc.text(details, x + pad, y + pad + 1 + titleHeight + 2, { width });
        }
        x += widths[i]!;
      });
      y += rowHeight;
      doc
        .lineWidth(0.4)
        .strokeColor(RULE)
        .moveTo(MARGIN, y)
        .lineTo(W - MARGIN, y)
        .stroke();
    });
    y += 22;
  }

  if (y + 40 > bottom()) newPage();
  doc.font(FONT.sans).fontSize(7.5).fillColor(MUTED);
  doc.text(
    'Certificate entries can be verified with their serial on the issuer’s verification page. ' +
      'Self-reported entries are listed as the learner reported them and have not been verified ' +
      `by ${issuerName}. Amounts are each body’s approved credit; different bodies’ credits are ` +
      'never added together.',
    MARGIN,
    y,
    { width: tableWidth },
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footerY = doc.page.height - MARGIN + 10;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not add a page
    doc.font(FONT.sans).fontSize(7.5).fillColor(MUTED);
    doc.text(`${learnerName} · CEU transcript · generated ${generatedOn}`, MARGIN, footerY, {
      lineBreak: false,
    });
    const pageLabel = `Page ${i - range.start + 1} of ${range.count}`;
    doc.text(pageLabel, W - MARGIN - doc.widthOfString(pageLabel), footerY, { lineBreak: false });
  }

  doc.end();
  return done;
}
