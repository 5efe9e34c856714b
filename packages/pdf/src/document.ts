import { createRequire } from 'node:module';

/**
 * The fonts every CodeCred PDF draws with. They are Noto Sans and Noto Serif (SIL Open Font
 * License), read from the npm packages that ship their TTF files and embedded as subsets (PDFKit
 * keeps only the glyphs a document uses), so any name in Latin, Vietnamese, Greek or Cyrillic
 * script prints as written instead of the standard fonts' Windows-1252 "?".
 */
export const FONT = {
  sans: 'Sans',
  sansBold: 'Sans-Bold',
  sansItalic: 'Sans-Italic',
  serif: 'Serif',
  serifBold: 'Serif-Bold',
  serifItalic: 'Serif-Italic',
  /** Serials and other ASCII identifiers only (the standard Courier font). */
  mono: 'Courier',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

const require = createRequire(import.meta.url);

const FONT_FILES: Record<Exclude<FontName, 'Courier'>, string> = {
  Sans: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'Sans-Bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'Sans-Italic': '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  Serif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  'Serif-Bold': '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  'Serif-Italic': '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
};

interface FontkitFont {
  layout(text: string, features?: unknown): unknown;
}

/**
 * Noto's `ccmp` feature draws some precomposed letters as base + combining mark ("ị" as "i" and
 * a dot below). PDFKit then maps the plain "i" glyph to "ị" in the PDF's ToUnicode table, so
 * copied or extracted text turns every "i" of the document into "ị". Text is NFC-normalised
 * (pdfText) and the Noto fonts have every precomposed Latin letter, so `ccmp` is switched off.
 */
const NO_DECOMPOSITION = { ccmp: false };

/**
 * The parsed fonts, opened once per process and shared by every document (PDFKit accepts a
 * fontkit font in place of a file and subsets it per document). Parsing the TTF files for each
 * document cost more than drawing it.
 */
let fonts: Promise<Array<[string, FontkitFont]>> | undefined;
function loadFonts(): Promise<Array<[string, FontkitFont]>> {
  fonts ??= (async () => {
    const fontkit = (await import('fontkit')) as unknown as {
      openSync(path: string): FontkitFont;
    };
    return Object.entries(FONT_FILES).map(([name, file]): [string, FontkitFont] => {
      const font = fontkit.openSync(require.resolve(file));
      const layout = font.layout.bind(font);
      font.layout = (text: string, features?: unknown) =>
        layout(text, features ?? NO_DECOMPOSITION);
      return [name, font];
    });
  })();
  return fonts;
}

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  /** Fixes the document dates so the same input renders the same bytes. */
  createdAt: Date;
  /** The PDF's Creator entry, e.g. "CodeCred LMS (@lms/credentials)". */
  creator: string;
}

/**
 * A PDFKit document with the shared fonts registered, whose output is collected into one
 * Buffer. PDFKit (with its fonts, ~30 MB) is loaded on the first document, not when the API
 * starts: most processes never render one.
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
      Creator: meta.creator,
      Producer: 'PDFKit',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  for (const [name, font] of await loadFonts()) {
    doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  }
  doc.font(FONT.sans);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * Text as it should be drawn: NFC-normalised (so "ễ" typed as e + two combining marks uses the
 * font's precomposed glyph), with no-break hyphens and spaces made plain.
 */
export function pdfText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u00a0/g, ' ');
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
