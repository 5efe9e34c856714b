/**
 * Test helpers that read PDFs the way a viewer does: text through Mozilla's PDF.js (so embedded
 * subset fonts are decoded through their ToUnicode maps, exactly as a reader copying the text
 * would get it), links and page boxes from the file's own objects.
 */

interface TextItemLike {
  str?: string;
}

/**
 * The text runs of every page, in drawing order: one entry per run PDF.js reports, which for
 * PDFKit output is one line of text (or one table cell) in one font.
 */
export async function extractPdfTextLines(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  const lines: string[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items as TextItemLike[]) {
        const text = item.str?.trim();
        if (text) lines.push(text);
      }
    }
  } finally {
    await document.destroy();
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

/** Names of the fonts embedded in the PDF (subset prefixes such as "ABCDEF+" removed). */
export function embeddedFontNames(pdf: Buffer): string[] {
  const names = [...pdf.toString('latin1').matchAll(/\/FontName \/(?:[A-Z]{6}\+)?([^\s/>]+)/g)];
  return [...new Set(names.map((m) => m[1] ?? ''))];
}
