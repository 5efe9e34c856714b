export type PageSize = 'A4' | 'LETTER';

export const INK = '#1c2b4a';
export const ACCENT = '#8c6d32';
export const TEXT = '#2b2b2b';
export const MUTED = '#5f6570';
export const RULE = '#b9a57a';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  /** Fixes the document dates so the same input renders the same bytes. */
  createdAt: Date;
}

/**
 * A PDFKit document whose output is collected into one Buffer. PDFKit (with its fonts, ~30 MB)
 * is loaded on the first document, not when the API starts: most processes never render one.
 */
export async function createDocument(
  options: PDFKit.PDFDocumentOptions,
  meta: PdfMeta,
): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    margin: 0,
    lang: 'en-US',
    displayTitle: true,
    ...options,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'CodeCred LMS (@lms/credentials)',
      Producer: 'PDFKit',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** Largest font size ≤ max at which `text` fits in `width` on one line (not below min). */
export function fitFontSize(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  width: number,
  max: number,
  min: number,
  characterSpacing = 0,
): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.5) {
    doc.fontSize(size);
    if (doc.widthOfString(text, { characterSpacing }) <= width) return size;
  }
  return min;
}

/**
 * The standard 14 PDF fonts only cover Windows-1252. Replace what they cannot draw rather than
 * printing garbage (typographic punctuation is mapped; other scripts would need embedded fonts).
 */
export function winAnsiSafe(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(
      /[^\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '?',
    );
}
