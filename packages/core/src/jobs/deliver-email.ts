import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { getCertificatePdf } from '../certificates/get-certificate-pdf';
import { AppError } from '../errors/app-error';
import { MAX_EMAIL_ATTEMPTS } from '../mail/outbox';
import { getReceiptPdf } from '../payments/get-receipt';
import {
  type ClaimedRow,
  claimEmailMessage,
  failEmailMessage,
  markEmailMessageSent,
  releaseEmailMessage,
} from './sql';

/** One message as handed to the SMTP transport (the worker's nodemailer adapter). */
export interface MailToSend {
  /** Stable per outbox row, so a receiver can drop a rare duplicate. */
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** The port the worker implements with nodemailer over SMTP. */
export interface MailTransport {
  send(message: MailToSend): Promise<void>;
}

/** How long a claimed row stays claimed; past it another worker may take it again. */
const LEASE_SECONDS = 120;

/** Seconds before retry n (1-based): 10 s, 20 s, 40 s … capped at 1 hour. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));
}

/** PDFs are rendered as the recipient would download them (they are its owner). */
async function renderAttachments(db: Db, row: ClaimedRow): Promise<MailToSend['attachments']> {
  if (row.attachments.length === 0) return [];
  if (!row.userId) throw new Error('attachment without a recipient account');
  const user = await db.user.findUniqueOrThrow({ where: { id: row.userId } });
  const viewer: Viewer = {
    id: user.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    name: user.name,
    email: user.email,
    role: user.role,
  };
  const files: MailToSend['attachments'] = [];
  for (const ref of row.attachments) {
    if (ref.type === 'receipt') {
      const { fileName, pdf } = await getReceiptPdf({ db, viewer, orderId: ref.orderId });
      files.push({ filename: fileName, content: pdf, contentType: 'application/pdf' });
    } else {
      const { filename, pdf } = await getCertificatePdf({
        db,
        viewer,
        serial: ref.serial,
        pageSize: 'LETTER',
      });
      files.push({ filename, content: pdf, contentType: 'application/pdf' });
    }
  }
  return files;
}

export type DeliveryOutcome = 'sent' | 'not-claimed' | 'retry' | 'failed';

export interface DeliverEmailOptions {
  db: Db;
  id: string;
  transport: MailTransport;
  rethrow?: boolean;
}

/**
 * Sends one outbox row. The row is claimed first with a conditional UPDATE (PENDING, or a
 * SENDING whose lease ran out), so two workers never send it twice; SENT is recorded right after
 * the SMTP server accepted it. A failure puts it back to PENDING with a backoff (or FAILED after
 * MAX_EMAIL_ATTEMPTS) and is rethrown when `rethrow`, so the job queue retries it too.
 */
export async function deliverEmail(options: DeliverEmailOptions): Promise<DeliveryOutcome> {
  const { db, id, transport } = options;
  const claimed = await claimEmailMessage(db, id, LEASE_SECONDS);
  const row = claimed[0];
  if (!row) return 'not-claimed';
  let attachments: MailToSend['attachments'];
  try {
    attachments = await renderAttachments(db, row);
  } catch (error) {
    // The PDF is gone for good (e.g. the certificate was revoked before the mail went out):
    // retrying cannot help, and the mail without it would be wrong.
    if (!(error instanceof AppError)) throw error;
    await failEmailMessage(db, row.id, `attachment: ${error.message}`.slice(0, 1000));
    return 'failed';
  }
  try {
    await transport.send({
      messageId: `<${row.id}@codecred.invalid>`,
      to: row.toAddress,
      subject: row.subject,
      html: row.html,
      text: row.text,
      headers: row.headers,
      attachments,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = row.attempts >= MAX_EMAIL_ATTEMPTS;
    await releaseEmailMessage(db, row.id, {
      status: failed ? 'FAILED' : 'PENDING',
      lastError: message.slice(0, 1000),
      retryDelaySeconds: retryDelaySeconds(row.attempts),
    });
    if (options.rethrow && !failed) throw error;
    return failed ? 'failed' : 'retry';
  }
  await markEmailMessageSent(db, row.id);
  return 'sent';
}
