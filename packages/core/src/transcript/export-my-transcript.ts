import { renderTranscriptPdf, type TranscriptInput } from '@lms/credentials';
import { certificateSettings } from '../common/certificate-settings';
import { toCsv } from '../common/csv';
import { providerDay, providerTimeZone } from '../time/provider-day';
import type { Transcript } from './build-transcript';
import { type GetMyTranscriptOptions, getMyTranscript } from './get-my-transcript';

/** The transcript as CSV (one row per entry and cycle), for an audit. */
export function transcriptCsv(transcript: Transcript): string {
  const header = [
    'Credential',
    'Cycle start',
    'Cycle end',
    'Required CEUs',
    'Earned CEUs',
    'Remaining CEUs',
    'Date',
    'Program',
    'Body',
    'CEUs',
    'Category',
    'Source',
    'Certificate serial',
    'Index number',
    'Provider',
  ];
  const lines: string[][] = [header];
  for (const cycle of transcript.cycles) {
    const head = [
      cycle.label,
      cycle.cycleStart,
      cycle.cycleEnd,
      cycle.required,
      cycle.earned,
      cycle.remaining,
    ];
    if (cycle.entries.length === 0) lines.push([...head, '', '', '', '', '', '', '', '', '']);
    for (const entry of cycle.entries) {
      lines.push([
        ...head,
        entry.date,
        entry.title,
        entry.body,
        entry.ceuAmount,
        entry.category,
        entry.source === 'CERTIFICATE' ? 'certificate' : 'self-reported',
        entry.serial ?? '',
        entry.indexNumber ?? '',
        entry.provider,
      ]);
    }
  }
  return toCsv(lines, { quoteAll: true });
}

/** The transcript as a PDF (renderTranscriptPdf). */
export async function transcriptPdf(
  transcript: Transcript,
  pageSize: 'A4' | 'LETTER' = 'A4',
  timeZone: string = providerTimeZone(),
) {
  const input: TranscriptInput = {
    learnerName: transcript.learnerName,
    generatedAt: transcript.generatedAt.toISOString(),
    issuerName: certificateSettings().sponsoringOrganization,
    cycles: transcript.cycles.map((cycle) => ({
      credential: cycle.label,
      cycleStart: cycle.cycleStart,
      cycleEnd: cycle.cycleEnd,
      required: cycle.required,
      earned: cycle.earned,
      remaining: cycle.remaining,
      entries: cycle.entries.map((entry) => ({
        date: entry.date,
        title: entry.title,
        body: entry.body,
        ceuAmount: entry.ceuAmount,
        source: entry.source === 'CERTIFICATE' ? 'certificate' : 'self-reported',
        ...(entry.serial ? { serial: entry.serial } : {}),
        ...(entry.provider ? { provider: entry.provider } : {}),
        ...(entry.indexNumber ? { indexNumber: entry.indexNumber } : {}),
      })),
    })),
  };
  return renderTranscriptPdf(input, { pageSize, timeZone });
}

/** The viewer's transcript exported: CSV or PDF. */
export interface ExportMyTranscriptOptions extends GetMyTranscriptOptions {
  format: 'csv' | 'pdf';
  pageSize?: 'A4' | 'LETTER';
}

export async function exportMyTranscript(
  options: ExportMyTranscriptOptions,
): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  const transcript = await getMyTranscript(options);
  const day = providerDay(transcript.generatedAt);
  if (options.format === 'csv') {
    return {
      filename: `ceu-transcript-${day}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: transcriptCsv(transcript),
    };
  }
  return {
    filename: `ceu-transcript-${day}.pdf`,
    contentType: 'application/pdf',
    body: await transcriptPdf(
      transcript,
      options.pageSize,
      options.viewer?.timeZone ?? providerTimeZone(),
    ),
  };
}
