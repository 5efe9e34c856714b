import {
  embeddedFontNames,
  extractLinkUris,
  extractPdfTextLines,
  pdfPages,
} from '@lms/pdf/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROGRAM_TITLE, sampleSnapshot, sampleTranscript } from '../testing/sample.js';
import { renderCertificatePdf } from './certificate.js';
import { renderTranscriptPdf } from './transcript.js';

const PAGE_SIZES = {
  A4: [841.89, 595.28],
  LETTER: [792, 612],
} as const;

// The first document loads PDFKit, PDF.js and the fonts: slow on a busy machine, once.
beforeAll(async () => {
  await extractPdfTextLines(await renderCertificatePdf(sampleSnapshot(), { pageSize: 'A4' }));
}, 60_000);

describe('renderCertificatePdf', () => {
  it.each(['A4', 'LETTER'] as const)(
    'renders a landscape %s certificate with every required field',
    async (pageSize) => {
      const snapshot = sampleSnapshot();
      const pdf = await renderCertificatePdf(snapshot, { pageSize });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toContain('%%EOF');

      const { count, mediaBox } = pdfPages(pdf);
      expect(count).toBe(1);
      const [w, h] = PAGE_SIZES[pageSize];
      expect(mediaBox[2]).toBeCloseTo(w, 1);
      expect(mediaBox[3]).toBeCloseTo(h, 1);
      expect(mediaBox[2]!).toBeGreaterThan(mediaBox[3]!); // landscape

      // Text is read from the real (compressed) output.
      const lines = await extractPdfTextLines(pdf);
      const text = lines.join('\n');
      // Letter-spaced headings come out of a text extractor as spaced letters.
      expect(text.replace(/\s/g, '')).toContain('CODECREDLMSCertificate'); // sponsor (heading)
      expect(lines).toContain('CodeCred LMS'); // sponsoring organization (signature block)
      expect(lines).toContain('Certificate of Completion');
      expect(lines).toContain('Jordan A. Rivera');
      // The title is set on balanced lines; together they are the exact approved title.
      const titleStart = lines.findIndex((l) => SAMPLE_PROGRAM_TITLE.startsWith(l));
      expect(titleStart).toBeGreaterThan(-1);
      expect(`${lines[titleStart]} ${lines[titleStart + 1]}`).toBe(SAMPLE_PROGRAM_TITLE);
      expect(text).toContain('Completed 20 November 2026');
      expect(text).toContain('Instructional time 2 h 5 min');
      expect(lines).toContain('AAPC · Index number AAPC-DEMO-0001 · 2.00 CEUs (core)');
      expect(lines).toContain('AHIMA · Index number AHIMA-DEMO-0001 · 2.00 CEUs (coding)');
      expect(lines).toContain('CEU-7K3M-9QXD-H2TB');
      expect(lines).toContain('21 November 2026'); // issue date
      expect(lines).toContain(`Verify at ${snapshot.verifyUrl}`);
      // The URL printed under the QR code, split after a slash.
      expect(text.replace(/\/\n/g, '/')).toContain(snapshot.verifyUrl);

      // Clickable: link annotations (QR, printed URL, "Verify at" line) point to the verify URL.
      const uris = extractLinkUris(pdf);
      expect(uris.length).toBeGreaterThanOrEqual(2);
      expect(new Set(uris)).toEqual(new Set([snapshot.verifyUrl]));
    },
  );

  it('dates the issue on the provider’s calendar day, not the UTC day', async () => {
    // 23:30 in New York on 30 November is 04:30 UTC on 1 December.
    const snapshot = sampleSnapshot({ issuedAt: '2026-12-01T04:30:00.000Z' });
    const pdf = await renderCertificatePdf(snapshot, {
      pageSize: 'A4',
      timeZone: 'America/New_York',
    });
    const lines = await extractPdfTextLines(pdf);
    expect(lines).toContain('30 November 2026');
    expect(lines).not.toContain('1 December 2026');
  });

  it('is reproducible: the same snapshot renders the same bytes', async () => {
    const a = await renderCertificatePdf(sampleSnapshot(), { pageSize: 'A4' });
    const b = await renderCertificatePdf(sampleSnapshot(), { pageSize: 'A4' });
    expect(a.equals(b)).toBe(true);
  });

  it('names the superseded certificate and keeps every body on its own line', async () => {
    const pdf = await renderCertificatePdf(
      sampleSnapshot({
        supersedesSerial: 'CEU-0000-1111-2222',
        credits: [
          ...sampleSnapshot().credits,
          { body: 'PMI', bodyName: 'PMI', indexNumber: 'PMI-DEMO-7', ceuAmount: '1', category: '' },
          {
            body: 'OTHER',
            bodyName: 'State Coding Society',
            indexNumber: 'SCS-42',
            ceuAmount: '0.5',
            category: 'elective',
          },
        ],
      }),
      { pageSize: 'LETTER', compress: false },
    );
    const lines = await extractPdfTextLines(pdf);
    expect(lines.map((l) => l.replace(/\s/g, ''))).toContain('SUPERSEDES');
    expect(lines).toContain('CEU-0000-1111-2222');
    expect(lines).toContain('PMI · Index number PMI-DEMO-7 · 1.00 CEU');
    expect(lines).toContain('State Coding Society · Index number SCS-42 · 0.50 CEUs (elective)');
    expect(pdfPages(pdf).count).toBe(1);
  });

  it('fits a very long name on one line and never spills onto a second page', async () => {
    const longName = 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-Featherstonehaugh III';
    const pdf = await renderCertificatePdf(sampleSnapshot({ participantName: longName }), {
      pageSize: 'A4',
    });
    expect(await extractPdfTextLines(pdf)).toContain(longName);
    expect(pdfPages(pdf).count).toBe(1);
  });

  it('prints names in any Latin script exactly, with the embedded Noto fonts', async () => {
    const name = 'Nguyễn Thị Minh Khai';
    const pdf = await renderCertificatePdf(sampleSnapshot({ participantName: name }), {
      pageSize: 'A4',
    });
    const lines = await extractPdfTextLines(pdf);
    expect(lines).toContain(name);
    // Decomposed input (e + combining marks) prints the same precomposed text.
    const decomposed = await renderCertificatePdf(
      sampleSnapshot({ participantName: name.normalize('NFD'), programTitle: 'Łódź Ωmega Київ' }),
      { pageSize: 'A4' },
    );
    const decomposedLines = await extractPdfTextLines(decomposed);
    expect(decomposedLines).toContain(name);
    expect(decomposedLines.join(' ')).toContain('Łódź Ωmega Київ');
    expect(embeddedFontNames(pdf)).toEqual(
      expect.arrayContaining(['NotoSans-Regular', 'NotoSerif-Bold']),
    );
  });
});

describe('renderTranscriptPdf', () => {
  it('says when it was generated on the reader’s calendar day', async () => {
    // 20:00 in Los Angeles on 26 November is 04:00 UTC on 27 November.
    const pdf = await renderTranscriptPdf(
      { ...sampleTranscript(), generatedAt: '2026-11-27T04:00:00.000Z' },
      { pageSize: 'LETTER', timeZone: 'America/Los_Angeles' },
    );
    expect(await extractPdfTextLines(pdf)).toContain('Generated 26 November 2026');
  });

  it.each(['A4', 'LETTER'] as const)('renders a portrait %s transcript per cycle', async (size) => {
    const pdf = await renderTranscriptPdf(sampleTranscript(), { pageSize: size });
    const { mediaBox } = pdfPages(pdf);
    expect(mediaBox[3]!).toBeGreaterThan(mediaBox[2]!); // portrait
    const lines = await extractPdfTextLines(pdf);
    const text = lines.join('\n');
    expect(lines).toContain('Continuing-Education Transcript');
    expect(lines).toContain('Learner: Jordan A. Rivera');
    expect(lines).toContain('Generated 27 November 2026');
    expect(lines).toContain('CPC (AAPC)');
    expect(lines).toContain('CCS (AHIMA)');
    expect(lines).toContain('Cycle 1 June 2025 to 31 May 2027');
    expect(text).toContain('Required 36.00');
    expect(text).toContain('Earned 5.50');
    expect(text).toContain('Remaining 30.50');
    expect(lines).toContain('1.50');
    expect(text.replace(/\s+/g, ' ')).toContain('HCPCS Level II Quarterly Update Review (Q1 2026)');
    expect(lines).toContain('CEU-4N8R-2WZC-K7PA');
    expect(lines).toContain('Self-reported');
    expect(lines).toContain('Page 1 of 1');
    // Each entry names its provider, and a certificate's index number.
    expect(lines).toContain('Provider: CodeCred LMS');
    expect(lines).toContain('Index number AAPC-DEMO-0001');
    expect(lines).toContain('Provider: Regional AAPC chapter');
    // It says plainly that it is an estimate and the body's own tracker is the record.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('This transcript is an estimate');
    expect(flat).toContain('own CEU tracker is the record');
  });

  it('prints the learner name exactly', async () => {
    const pdf = await renderTranscriptPdf(
      { ...sampleTranscript(), learnerName: 'Nguyễn Thị Minh Khai' },
      { pageSize: 'A4' },
    );
    expect(await extractPdfTextLines(pdf)).toContain('Learner: Nguyễn Thị Minh Khai');
  });

  it('breaks long tables across pages, repeating the header and numbering pages', async () => {
    const input = sampleTranscript();
    const template = input.cycles[0]!.entries[0]!;
    input.cycles[0]!.entries = Array.from({ length: 80 }, (_, i) => ({
      ...template,
      date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
      title: `Program number ${i + 1}: ICD-10-CM chapter review`,
    }));
    const pdf = await renderTranscriptPdf(input, { pageSize: 'LETTER' });
    const pages = pdfPages(pdf).count;
    expect(pages).toBeGreaterThanOrEqual(3);
    const lines = await extractPdfTextLines(pdf);
    expect(lines.filter((l) => l.replace(/\s/g, '') === 'PROGRAM').length).toBeGreaterThanOrEqual(
      pages,
    );
    expect(lines).toContain(`Page ${pages} of ${pages}`);
    // Titles wrap inside their column.
    expect(lines.join(' ')).toContain('Program number 80: ICD-10-CM chapter review');
  });
});
