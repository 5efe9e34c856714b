// Renders the sample certificate (A4 and Letter) and transcript into a folder, for a visual check:
//   pnpm --filter @lms/credentials render-samples /tmp/credential-samples
//   pdftoppm -png -r 110 -singlefile /tmp/credential-samples/cert-a4.pdf /tmp/cert-a4
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderCertificatePdf } from '../src/pdf/certificate.js';
import { renderTranscriptPdf } from '../src/pdf/transcript.js';
import { sampleSnapshot, sampleTranscript } from '../src/testing/sample.js';

const outDir = process.argv[2] ?? 'credential-samples';
await mkdir(outDir, { recursive: true });
const snapshot = sampleSnapshot();
await writeFile(
  join(outDir, 'cert-a4.pdf'),
  await renderCertificatePdf(snapshot, { pageSize: 'A4' }),
);
await writeFile(
  join(outDir, 'cert-letter.pdf'),
  await renderCertificatePdf(snapshot, { pageSize: 'LETTER' }),
);
await writeFile(join(outDir, 'transcript.pdf'), await renderTranscriptPdf(sampleTranscript()));
console.log(`Wrote cert-a4.pdf, cert-letter.pdf and transcript.pdf to ${outDir}`);
