export type { FontName, PdfMeta } from './document.js';
export { createDocument, FONT, fitFontSize, pdfText } from './document.js';
