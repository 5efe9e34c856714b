import { inflateSync } from 'node:zlib';

// Windows-1252 code points 0x80..0x9F (the rest of WinAnsi matches Latin-1).
const WIN_ANSI_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWinAnsi(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = Number.parseInt(hex.slice(i, i + 2), 16);
    out += code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code - 0x80] : String.fromCharCode(code);
  }
  return out;
}

/** Content streams of a PDF, inflated when FlateDecode-compressed. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const pattern = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const dict = match[1] ?? '';
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    try {
      out.push((dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1'));
    } catch {
      // Image or font data that is not text: ignore.
    }
  }
  return out;
}

/**
 * Test helper: the text lines PDFKit wrote with the standard fonts (one `[...] TJ` per line),
 * in drawing order. Deliberately tiny: it understands PDFKit's own output, not PDFs in general.
 */
export function extractPdfTextLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const content of streams(pdf)) {
    const tj = /\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g;
    for (let m = tj.exec(content); m; m = tj.exec(content)) {
      const pieces = [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((p) => p[1] ?? '');
      lines.push(pieces.map(decodeWinAnsi).join(''));
    }
  }
  return lines;
}

/** URIs of the PDF's link annotations. */
export function extractLinkUris(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/URI \(((?:\\.|[^\\)])*)\)/g)].map((m) =>
    (m[1] ?? '').replace(/\\(.)/g, '$1'),
  );
}

/** Page count and the first page's MediaBox [x0, y0, x1, y1]. */
export function pdfPages(pdf: Buffer): { count: number; mediaBox: number[] } {
  const raw = pdf.toString('latin1');
  const count = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(raw)?.[1] ?? 0);
  const box = /\/MediaBox \[([^\]]+)\]/.exec(raw)?.[1] ?? '';
  return { count, mediaBox: box.trim().split(/\s+/).map(Number) };
}
