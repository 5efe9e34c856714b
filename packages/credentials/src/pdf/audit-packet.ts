import { createDocument, FONT, pdfText } from '@lms/pdf';
import { formatDateTime } from '@lms/time';
import { formatCeu } from '../format.js';
import type { CertificateSnapshot } from '../types.js';
import { ACCENT, INK, MUTED, RULE, TEXT } from './shared.js';

/** What an audit packet PDF shows (the API's audit packet JSON has exactly this shape). */
export interface AuditPacketDocument {
  generatedAt: string;
  certificate: {
    serial: string;
    status: string;
    issuedAt: string;
    revokedAt: string | null;
    revocationReason: string | null;
    supersedesSerial: string | null;
    supersededBySerial: string | null;
    snapshot: CertificateSnapshot;
  };
  completion: {
    completedAt: string;
    courseVersion: number;
    seatMinutes: number;
    seatSeconds: number;
    minimumSeatMinutes: number;
    lessons: {
      module: string;
      title: string;
      required: boolean;
      firstOpenedAt: string | null;
      completedAt: string | null;
      seatSeconds: number;
    }[];
    passingAttempt: {
      quiz: string;
      number: number;
      startedAt: string;
      submittedAt: string | null;
      scorePercent: string | null;
      passPercent: number;
      passed: boolean | null;
    } | null;
  };
  approval: {
    body: string;
    bodyName: string | null;
    approvalNumber: string;
    approvedTitle: string;
    ceuAmount: string;
    category: string;
    validFrom: string;
    validUntil: string;
    statusOnCompletionDate: string;
  } | null;
  statusHistory: { at: string; event: string; detail: string }[];
}

const MARGIN = 50;

/** "2026-11-29T14:03:07.123Z" → "2026-11-29 14:03:07 UTC" */
/** An instant in `timeZone` with its abbreviation ("Nov 30, 2026, 4:32 PM EST"); UTC by default. */
function instant(iso: string | null, timeZone: string): string {
  if (!iso) return '–';
  return timeZone === 'UTC'
    ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
    : formatDateTime(iso, { timeZone });
}

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes === 0 ? `${rest} s` : `${minutes} min ${rest} s`;
}

/**
 * The audit packet of one certificate as a portrait PDF (US Letter): the certificate snapshot,
 * the completion evidence, the approval as it stood and the status history, in plain flowing
 * text an auditor can read and a machine can extract. Uses the shared PDF setup (@lms/pdf: embedded Noto fonts, so any name prints as written).
 */
export async function renderAuditPacketPdf(
  packet: AuditPacketDocument,
  options: {
    compress?: boolean;
    /** The provider's IANA zone: times are shown in it, with its abbreviation (default UTC). */
    timeZone?: string;
  } = {},
): Promise<Buffer> {
  const zone = options.timeZone ?? 'UTC';
  const { certificate, completion, approval } = packet;
  const snapshot = certificate.snapshot;
  const { doc, done } = await createDocument(
    {
      size: 'LETTER',
      layout: 'portrait',
      compress: options.compress ?? true,
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    },
    {
      title: pdfText(`Audit packet: certificate ${certificate.serial}`),
      author: pdfText(snapshot.sponsoringOrganization),
      subject: 'Certificate, completion evidence, credit approval and status history',
      createdAt: new Date(packet.generatedAt),
      creator: 'CodeCred LMS (@lms/credentials)',
    },
  );
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string) => {
    doc.moveDown(0.8);
    doc.font(FONT.sansBold).fontSize(12).fillColor(INK).text(pdfText(text), { width });
    const y = doc.y + 2;
    doc
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .stroke();
    doc.moveDown(0.4);
  };
  const field = (label: string, value: string) => {
    doc.font(FONT.sansBold).fontSize(9.5).fillColor(TEXT);
    doc.text(`${label}: `, { continued: true, width });
    doc.font(FONT.sans).text(pdfText(value), { width });
  };
  const line = (text: string, muted = false) => {
    doc
      .font(FONT.sans)
      .fontSize(9)
      .fillColor(muted ? MUTED : TEXT)
      .text(pdfText(text), { width });
  };

  doc.x = MARGIN;
  doc.y = MARGIN;
  doc.font(FONT.sansBold).fontSize(8).fillColor(ACCENT);
  doc.text(pdfText(snapshot.sponsoringOrganization).toUpperCase(), {
    characterSpacing: 2,
    width,
  });
  doc.moveDown(0.3);
  doc.font(FONT.serif).fontSize(22).fillColor(INK).text('Certificate audit packet', { width });
  line(`Certificate ${certificate.serial} · generated ${instant(packet.generatedAt, zone)}`, true);

  heading('Certificate (immutable snapshot)');
  field('Serial', certificate.serial);
  field('Status now', certificate.status);
  field('Participant', snapshot.participantName);
  field('Program title', snapshot.programTitle);
  field('Sponsoring organization', snapshot.sponsoringOrganization);
  field('Program (completion) date', snapshot.completionDate);
  field('Issued', instant(snapshot.issuedAt, zone));
  field('Instructional minutes', String(snapshot.instructionalMinutes));
  if (snapshot.credits.length === 0) field('Credit', 'none (certificate of completion)');
  for (const credit of snapshot.credits) {
    field(
      `${credit.bodyName} credit`,
      `${formatCeu(credit.ceuAmount)} (${credit.category}), index number ${credit.indexNumber}`,
    );
  }
  field('Verification', snapshot.verifyUrl);
  if (certificate.supersedesSerial) field('Corrects certificate', certificate.supersedesSerial);

  heading('Completion evidence');
  field('Completed', instant(completion.completedAt, zone));
  field('Course version', String(completion.courseVersion));
  field(
    'Seat time',
    `${duration(completion.seatSeconds)} (${completion.seatMinutes} min recorded; minimum ${completion.minimumSeatMinutes} min)`,
  );
  doc.moveDown(0.3);
  for (const lesson of completion.lessons) {
    line(
      `${lesson.module} › ${lesson.title}${lesson.required ? '' : ' (optional)'}: first opened ${instant(lesson.firstOpenedAt, zone)}, completed ${instant(lesson.completedAt, zone)}, seat time ${duration(lesson.seatSeconds)}`,
    );
  }
  doc.moveDown(0.3);
  const attempt = completion.passingAttempt;
  if (attempt) {
    field(
      'Passing post-test attempt',
      `${attempt.quiz}, attempt ${attempt.number}: ${attempt.scorePercent ?? '–'} % (pass mark ${attempt.passPercent} %), started ${instant(attempt.startedAt, zone)}, submitted ${instant(attempt.submittedAt, zone)}`,
    );
  } else {
    field('Post-test', 'none required by this course version');
  }

  heading('Credit approval as it stood');
  if (approval) {
    field('Body', approval.bodyName ?? approval.body);
    field('Approval / index number', approval.approvalNumber);
    field('Approved title', approval.approvedTitle);
    field('CEUs approved', `${formatCeu(approval.ceuAmount)} (${approval.category})`);
    field('Valid', `${approval.validFrom} to ${approval.validUntil}`);
    field('Status on the completion date', approval.statusOnCompletionDate);
  } else {
    line('No credit approval: a certificate of completion without credit.', true);
  }

  heading('Status history');
  for (const entry of packet.statusHistory) {
    field(instant(entry.at, zone), `${entry.event}. ${entry.detail}`);
  }

  doc.moveDown(1);
  line(
    'Every figure comes from stored records (certificates, completions, lesson progress and quiz attempts are kept at least seven years and never rewritten). The certificate can be verified with its serial on the verification page above.',
    true,
  );
  doc.end();
  return done;
}
