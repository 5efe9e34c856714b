import { randomInt } from 'node:crypto';
import {
  type CertificateCredit,
  type CertificateSnapshot,
  type CompletionRules,
  type CreditBody,
  formatCeu,
  generateSerial,
  MIN_STATUS_LIST_LENGTH,
} from '@lms/credentials';
import type { Prisma } from '@lms/db';
import { approvalProblem, utcDay } from '../authoring/approval-rules';
import { certificateSettings, verifyUrlFor } from '../common/certificate-settings';
import type { SqlTx } from '../db/tx';
import { queueCertificateIssued } from '../mail/queue-certificate-issued';
import { providerDay } from '../time/provider-day';
import {
  type CertificateKey,
  type CompletionForIssue,
  certificateKeyTaken,
  insertCertificateRow,
  loadCompletionForIssue,
  nextStatusListIndexAfterMax,
} from './sql';

/** creditKey of a certificate of completion without credit. */
export const COMPLETION_CREDIT_KEY = 'completion';

const BODY_NAMES: Record<CreditBody, string> = {
  AAPC: 'AAPC',
  AHIMA: 'AHIMA',
  PMI: 'PMI',
  IACET: 'IACET',
  OTHER: 'Other',
};

export interface ApprovalForCredit {
  body: CreditBody;
  bodyName: string | null;
  approvalNumber: string;
  approvedTitle: string;
  validFrom: Date;
  validUntil: Date;
}

/**
 * Whether an approval's credit may be awarded for a completion on `completedAt` of a version
 * titled `versionTitle`: valid on that date (validFrom ≤ date ≤ validUntil) and, for AAPC, the
 * approved title still equals the program title (the authoring rule, applied on the completion date).
 * The completion date is the provider's calendar day of `completedAt` (PROVIDER_TIME_ZONE).
 */
export function creditQualifies(
  approval: ApprovalForCredit,
  versionTitle: string,
  completedAt: Date,
): boolean {
  if (utcDay(approval.validFrom) > providerDay(completedAt)) return false;
  return approvalProblem(approval, versionTitle, completedAt) === null;
}

export function creditOf(
  approval: ApprovalForCredit & { ceuAmount: Prisma.Decimal | string; category: string },
): CertificateCredit {
  return {
    body: approval.body,
    bodyName: approval.bodyName?.trim() || BODY_NAMES[approval.body],
    indexNumber: approval.approvalNumber,
    ceuAmount: formatCeu(approval.ceuAmount.toString()),
    category: approval.category,
  };
}

/** The version's completion rule as the certificate states it (the badge's criteria). */
export function completionRulesOf(version: {
  minimumLessonTimePercent: number;
  minimumSeatMinutes: number;
  modules: {
    lessons: { required: boolean; quiz: { mode: string; passPercent: number } | null }[];
  }[];
}): CompletionRules {
  const lessons = version.modules.flatMap((module) => module.lessons);
  const postTest = lessons.find((lesson) => lesson.quiz?.mode === 'POST_TEST');
  return {
    requiredLessons: lessons.filter((lesson) => lesson.required).length,
    postTestPassPercent: postTest?.quiz?.passPercent ?? null,
    minimumLessonTimePercent: version.minimumLessonTimePercent,
    minimumSeatMinutes: version.minimumSeatMinutes,
  };
}

/** Random picks within the list before falling back to growing it. */
const RANDOM_INDEX_ATTEMPTS = 20;

/**
 * The certificate's bit in the revocation status list, chosen at random among the list's
 * 131,072 bits (W3C Bitstring Status List: a sequential index would let anyone holding two
 * credentials infer issue order and volume, and link a holder's credentials). Uniqueness comes
 * from the unique index: the insert skips a taken bit (ON CONFLICT DO NOTHING) and the caller
 * draws again. After RANDOM_INDEX_ATTEMPTS collisions (a list about 85 % full) the next index
 * after the largest is used, which grows the list in whole bytes.
 */
export async function pickStatusListIndex(tx: SqlTx, attempt: number): Promise<number> {
  if (attempt < RANDOM_INDEX_ATTEMPTS) return randomInt(MIN_STATUS_LIST_LENGTH);
  return Math.max(
    await nextStatusListIndexAfterMax(tx, MIN_STATUS_LIST_LENGTH),
    MIN_STATUS_LIST_LENGTH,
  );
}

export interface NewCertificate extends CertificateKey {
  supersedesId?: string | null;
  /** The holder's address and name, when already read (the certificate email's recipient). */
  recipient?: { email: string; name: string };
  /** The snapshot without serial, verifyUrl and statusListIndex (filled in here). */
  snapshot: Omit<CertificateSnapshot, 'serial' | 'verifyUrl' | 'statusListIndex'>;
}

/**
 * Inserts one certificate unless (completion, creditKey, generation) already has one; returns
 * its id and serial, or null when it already existed. A serial collision (60 random bits: all
 * but impossible) or a taken status-list bit is retried with a fresh serial and bit.
 */
export async function insertCertificate(
  tx: SqlTx,
  data: NewCertificate,
): Promise<{ id: string; serial: string } | null> {
  for (let attempt = 0; attempt < RANDOM_INDEX_ATTEMPTS + 5; attempt++) {
    const serial = generateSerial();
    const statusListIndex = await pickStatusListIndex(tx, attempt);
    const snapshot: CertificateSnapshot = {
      ...data.snapshot,
      serial,
      verifyUrl: verifyUrlFor(serial),
      statusListIndex,
    };
    const inserted = await insertCertificateRow(tx, {
      serial,
      userId: data.userId,
      enrollmentId: data.enrollmentId,
      completionId: data.completionId,
      courseId: data.courseId,
      versionId: data.versionId,
      creditApprovalId: data.creditApprovalId,
      creditKey: data.creditKey,
      generation: data.generation,
      snapshot,
      issuedAt: new Date(snapshot.issuedAt),
      statusListIndex,
      supersedesId: data.supersedesId ?? null,
    });
    if (inserted) {
      // The holder's email (with the PDF) commits with the certificate, or not at all.
      await queueCertificateIssued(
        tx,
        { id: inserted.id, serial, userId: data.userId, snapshot },
        data.recipient,
      );
      return { id: inserted.id, serial };
    }
    if (await certificateKeyTaken(tx, data)) return null;
  }
  throw new Error('Could not allocate a unique certificate serial and status-list index');
}

/**
 * Issues the certificates a stored completion earns, inside the transaction that wrote it:
 * one per credit approval of the enrolled version that qualified on the completion date
 * (see creditQualifies), or one certificate of completion without credit when none did.
 * Idempotent: the unique (completion, creditKey, generation) index makes a second call (or a
 * concurrent one) a no-op, so a learner gets each approval's credit exactly once. Issues
 * nothing while the learner has not confirmed the name to print (see certificate-name.ts).
 * `stored`: the completion's id, or the completion as its INSERT answered it (read no more).
 */
export async function issueCertificatesForCompletion(
  tx: SqlTx,
  stored: string | CompletionForIssue,
  now: Date,
): Promise<{ id: string; serial: string }[]> {
  const completion = typeof stored === 'string' ? await loadCompletionForIssue(tx, stored) : stored;
  if (!completion) throw new Error(`Course completion ${String(stored)} not found`);
  const { enrollment, version } = completion;
  // Pending name confirmation: nothing is issued until the learner confirms the name to print
  // (confirmCertificateName then issues, dated with this completion's date).
  const participantName = enrollment.user.certificateName;
  if (!enrollment.user.certificateNameConfirmedAt || !participantName) return [];
  const qualifying = version.creditApprovals.filter((approval) =>
    creditQualifies(approval, version.title, completion.completedAt),
  );
  const base = {
    userId: enrollment.userId,
    recipient: { email: enrollment.user.email, name: enrollment.user.name },
    enrollmentId: enrollment.id,
    completionId: completion.id,
    courseId: enrollment.courseId,
    versionId: version.id,
    generation: 0,
  };
  const snapshotBase = {
    participantName,
    programTitle: version.title,
    sponsoringOrganization: certificateSettings().sponsoringOrganization,
    completionDate: providerDay(completion.completedAt),
    issuedAt: now.toISOString(),
    instructionalMinutes: version.instructionalMinutes,
    completionRules: completionRulesOf(version),
  };
  const issued: { id: string; serial: string }[] = [];
  const plan =
    qualifying.length > 0
      ? qualifying.map((approval) => ({
          creditApprovalId: approval.id,
          creditKey: approval.id,
          credits: [creditOf(approval)],
        }))
      : [{ creditApprovalId: null, creditKey: COMPLETION_CREDIT_KEY, credits: [] }];
  for (const item of plan) {
    const created = await insertCertificate(tx, {
      ...base,
      creditApprovalId: item.creditApprovalId,
      creditKey: item.creditKey,
      snapshot: { ...snapshotBase, credits: item.credits },
    });
    if (created) issued.push(created);
  }
  return issued;
}
