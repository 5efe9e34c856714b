import { createDocument, FONT, fitFontSize, pdfText } from '@lms/pdf';
import { localDay } from '@lms/time';
import QRCode from 'qrcode';
import { formatLongDate, formatMinutes, utcDate } from '../format.js';
import { creditLine } from '../open-badge.js';
import type { CertificateSnapshot } from '../types.js';
import { ACCENT, INK, MUTED, type PageSize, RULE, TEXT } from './shared.js';

export interface CertificatePdfOptions {
  pageSize: PageSize;
  /** PDF stream compression (default true). Tests may switch it off to read the text. */
  compress?: boolean;
  /** The provider's IANA zone: the issue date is its calendar day (default UTC). */
  timeZone?: string;
}

/** Draws the QR code as vector squares (sharp at any print size), returns its size. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  doc.save();
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) {
        // A hair of overlap avoids white seams between adjacent squares in some viewers.
        doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
      }
    }
  }
  doc.fillColor(INK).fill();
  doc.restore();
}

function drawBorder(doc: PDFKit.PDFDocument, width: number, height: number): void {
  const outer = 20;
  const inner = 27;
  doc.save();
  doc
    .lineWidth(2)
    .strokeColor(INK)
    .rect(outer, outer, width - 2 * outer, height - 2 * outer)
    .stroke();
  doc
    .lineWidth(0.6)
    .strokeColor(ACCENT)
    .rect(inner, inner, width - 2 * inner, height - 2 * inner)
    .stroke();
  // Small diamonds at the inner corners.
  const d = 3.2;
  for (const [cx, cy] of [
    [inner, inner],
    [width - inner, inner],
    [inner, height - inner],
    [width - inner, height - inner],
  ] as const) {
    doc
      .moveTo(cx, cy - d)
      .lineTo(cx + d, cy)
      .lineTo(cx, cy + d)
      .lineTo(cx - d, cy)
      .closePath()
      .fillColor(ACCENT)
      .fill();
  }
  doc.restore();
}

function centered(
  doc: PDFKit.PDFDocument,
  text: string,
  y: number,
  pageWidth: number,
  boxWidth: number,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  const x = (pageWidth - boxWidth) / 2;
  const height = doc.heightOfString(text, { width: boxWidth, align: 'center', ...options });
  doc.text(text, x, y, { width: boxWidth, align: 'center', ...options });
  return y + height;
}

function rule(doc: PDFKit.PDFDocument, cx: number, y: number, width: number, color = RULE): void {
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(color)
    .moveTo(cx - width / 2, y)
    .lineTo(cx + width / 2, y)
    .stroke()
    .restore();
}

/** Splits text into at most a few lines of similar width, breaking only at spaces. */
function balancedLines(
  doc: PDFKit.PDFDocument,
  value: string,
  font: string,
  size: number,
  width: number,
): string[] {
  doc.font(font).fontSize(size);
  if (doc.widthOfString(value) <= width) return [value];
  const words = value.split(/\s+/);
  let best: string[] | null = null;
  let bestWidest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const widest = Math.max(...lines.map((l) => doc.widthOfString(l)));
    if (widest <= width && widest < bestWidest) {
      best = lines;
      bestWidest = widest;
    }
  }
  if (best) return best;
  // Does not fit on two lines at this size: greedy wrap (the caller shrinks the font).
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && doc.widthOfString(candidate) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/** Breaks a URL after a "/" so that each line fits `width` (URLs have no spaces to wrap at). */
function splitUrl(doc: PDFKit.PDFDocument, url: string, width: number): string[] {
  const lines: string[] = [];
  let rest = url;
  while (doc.widthOfString(rest) > width) {
    let cut = -1;
    for (let i = rest.length - 1; i > 0; i--) {
      if (rest[i - 1] === '/' && doc.widthOfString(rest.slice(0, i)) <= width) {
        cut = i;
        break;
      }
    }
    if (cut <= 0) {
      // No slash fits: hard cut at the width.
      cut = rest.length - 1;
      while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut--;
    }
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/**
 * Renders the certificate as a landscape PDF (A4 or US Letter) using only the standard PDF fonts:
 * sponsoring organization, title, participant, program title, completion date, instructional
 * time, one line per body's credit, serial, issue date, a QR code to the verify URL with the URL
 * printed under it, and a clickable "Verify at" line.
 */
export async function renderCertificatePdf(
  snapshot: CertificateSnapshot,
  options: CertificatePdfOptions,
): Promise<Buffer> {
  const s = {
    participantName: pdfText(snapshot.participantName),
    programTitle: pdfText(snapshot.programTitle),
    sponsoringOrganization: pdfText(snapshot.sponsoringOrganization),
  };
  const issuedOn = formatLongDate(
    options.timeZone
      ? localDay(new Date(snapshot.issuedAt), options.timeZone)
      : utcDate(snapshot.issuedAt),
  );
  const { doc, done } = await createDocument(
    { size: options.pageSize, layout: 'landscape', compress: options.compress ?? true },
    {
      title: `Certificate of Completion ${snapshot.serial}`,
      author: s.sponsoringOrganization,
      subject: `${s.participantName}: ${s.programTitle}`,
      createdAt: new Date(snapshot.issuedAt),
      creator: 'CodeCred LMS (@lms/credentials)',
    },
  );
  const W = doc.page.width;
  const H = doc.page.height;
  const cx = W / 2;
  const contentWidth = W - 160;

  drawBorder(doc, W, H);

  // Sponsoring organization, letter-spaced small caps feel.
  let y = 60;
  const org = s.sponsoringOrganization.toUpperCase();
  const orgSize = fitFontSize(doc, org, FONT.sansBold, contentWidth, 11, 7, 2.5);
  doc.font(FONT.sansBold).fontSize(orgSize).fillColor(ACCENT);
  y = centered(doc, org, y, W, contentWidth, { characterSpacing: 2.5, lineBreak: false });
  y += 14;

  doc.font(FONT.serif).fontSize(40).fillColor(INK);
  y = centered(doc, 'Certificate of Completion', y, W, contentWidth);
  y += 4;
  rule(doc, cx, y, 90, ACCENT);
  const headerBottom = y + 6;

  // The body is measured first, then drawn centred in the space above the bottom band.
  const bandTop = H - 58 - 74 - 22 - 8;
  const blocks: { height: number; draw: (top: number) => void }[] = [];
  const text = (
    value: string,
    font: string,
    size: number,
    color: string,
    width: number,
    gapAfter: number,
    extra: PDFKit.Mixins.TextOptions = {},
  ) => {
    doc.font(font).fontSize(size);
    const height = doc.heightOfString(value, { width, align: 'center', ...extra });
    blocks.push({
      height: height + gapAfter,
      draw: (top) => {
        doc.font(font).fontSize(size).fillColor(color);
        centered(doc, value, top, W, width, extra);
      },
    });
  };

  text('This certifies that', FONT.serifItalic, 14, MUTED, contentWidth, 6);
  const nameSize = fitFontSize(doc, s.participantName, FONT.serifBold, contentWidth - 60, 34, 12);
  text(s.participantName, FONT.serifBold, nameSize, INK, contentWidth, 4, { lineBreak: false });
  blocks.push({
    height: 14,
    draw: (top) => rule(doc, cx, top + 2, Math.min(contentWidth - 160, 380)),
  });
  text(
    'has completed the continuing-education program',
    FONT.serifItalic,
    13,
    MUTED,
    contentWidth,
    6,
  );

  const titleWidth = Math.min(contentWidth - 60, 580);
  let titleSize = 19;
  let titleLines = balancedLines(doc, s.programTitle, FONT.serifBold, titleSize, titleWidth);
  while (titleSize > 12 && titleLines.length > 2) {
    titleSize -= 0.5;
    titleLines = balancedLines(doc, s.programTitle, FONT.serifBold, titleSize, titleWidth);
  }
  for (const [i, line] of titleLines.entries()) {
    text(
      line,
      FONT.serifBold,
      titleSize,
      TEXT,
      contentWidth,
      i === titleLines.length - 1 ? 12 : 1,
      {
        lineBreak: false,
      },
    );
  }
  text(
    `Completed ${formatLongDate(snapshot.completionDate)}   ·   Instructional time ${formatMinutes(snapshot.instructionalMinutes)}`,
    FONT.sans,
    10.5,
    TEXT,
    contentWidth,
    16,
  );
  if (snapshot.credits.length > 0) {
    text('CONTINUING-EDUCATION CREDIT', FONT.sansBold, 7.5, ACCENT, contentWidth, 5, {
      characterSpacing: 1.8,
    });
    for (const credit of snapshot.credits) {
      text(pdfText(creditLine(credit)), FONT.sans, 10.5, INK, contentWidth, 3);
    }
  }
  const bodyHeight = blocks.reduce((sum, b) => sum + b.height, 0);
  y = headerBottom + Math.max(0, (bandTop - headerBottom - bodyHeight) / 2);
  for (const block of blocks) {
    block.draw(y);
    y += block.height;
  }

  // Bottom band: details on the left, QR on the right, verify line in the middle.
  const qrSize = 74;
  const qrX = W - 58 - qrSize;
  const qrY = H - 58 - qrSize - 22;
  drawQr(doc, snapshot.verifyUrl, qrX, qrY, qrSize);
  doc.link(qrX, qrY, qrSize, qrSize, snapshot.verifyUrl);
  const urlBoxWidth = 150;
  const urlRight = qrX + qrSize;
  doc.font(FONT.sans).fontSize(6.5).fillColor(MUTED);
  splitUrl(doc, snapshot.verifyUrl, urlBoxWidth).forEach((line, i) => {
    const lineWidth = doc.widthOfString(line);
    const lineY = qrY + qrSize + 5 + i * 8;
    doc.text(line, urlRight - lineWidth, lineY, { lineBreak: false });
    doc.link(urlRight - lineWidth, lineY - 1, lineWidth, 8, snapshot.verifyUrl);
  });

  const leftX = 62;
  const labelWidth = 76;
  let detailY = qrY + 22;
  const detail = (label: string, value: string, font: string = FONT.sans) => {
    doc.font(FONT.sansBold).fontSize(7).fillColor(ACCENT);
    doc.text(label.toUpperCase(), leftX, detailY + 1.5, {
      width: labelWidth,
      characterSpacing: 1.2,
      lineBreak: false,
    });
    doc.font(font).fontSize(9.5).fillColor(TEXT);
    doc.text(value, leftX + labelWidth, detailY, { lineBreak: false });
    detailY += 16;
  };
  detail('Serial', snapshot.serial, 'Courier-Bold');
  detail('Issued', issuedOn);
  if (snapshot.supersedesSerial) detail('Supersedes', snapshot.supersedesSerial, 'Courier-Bold');

  // Centre of the band: the sponsoring organization over a rule, as a signature block reads.
  const sigWidth = 220;
  const sigY = qrY + 30;
  const sigSize = fitFontSize(doc, s.sponsoringOrganization, FONT.serifItalic, sigWidth, 16, 9);
  doc.font(FONT.serifItalic).fontSize(sigSize).fillColor(INK);
  centered(doc, s.sponsoringOrganization, sigY, W, sigWidth + 40, { lineBreak: false });
  rule(doc, cx, sigY + sigSize + 6, sigWidth, INK);
  doc.font(FONT.sansBold).fontSize(7).fillColor(ACCENT);
  centered(doc, 'SPONSORING ORGANIZATION', sigY + sigSize + 12, W, sigWidth + 40, {
    characterSpacing: 1.2,
    lineBreak: false,
  });

  const verifyLine = `Verify at ${snapshot.verifyUrl}`;
  doc.font(FONT.sans).fontSize(8.5).fillColor(INK);
  const verifyWidth = doc.widthOfString(verifyLine);
  const verifyY = H - 50;
  doc.text(verifyLine, cx - verifyWidth / 2, verifyY, { lineBreak: false });
  doc.link(cx - verifyWidth / 2, verifyY - 1, verifyWidth, 11, snapshot.verifyUrl);

  doc.end();
  return done;
}
