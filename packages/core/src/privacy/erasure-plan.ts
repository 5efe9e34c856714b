import type { Tx } from '../db/tx';
import { deleteEmailMessagesOf, deleteRateLimitsNaming, redactPaymentEventPayloads } from './sql';

/** Whose data an erasure removes. */
export interface ErasureSubject {
  userId: string;
  /** The address being erased (stored lower-cased). */
  email: string;
  /** What User.email becomes: unique, unroutable, says nothing about the person. */
  tombstoneEmail: string;
  /** A fresh argon2id hash of a random secret nobody knows (the row can never sign in). */
  unusablePasswordHash: string;
  now: Date;
}

/**
 * What deleting an account does to one table (docs/domain.md, "Deleting an account"):
 * - `erase`: the person's rows are deleted;
 * - `anonymise`: rows stay (evidence or records others rely on) with personal fields cleared;
 * - `keep`: rows stay unchanged, with the reason (retained evidence, or no personal data).
 */
export interface ErasureStep {
  table: string;
  rule: 'erase' | 'anonymise' | 'keep';
  why: string;
  run?: (tx: Tx, subject: ErasureSubject) => Promise<unknown>;
}

/**
 * THE list of every table and what an account deletion does to it, in the order it runs (one
 * transaction). A table added to the schema must be added here: `privacy.test.ts` fails for a
 * table this list does not name, and searches every text column of every table for the erased
 * address afterwards.
 */
export const ERASURE_PLAN: ErasureStep[] = [
  {
    table: 'Session',
    rule: 'erase',
    why: 'signs the person out everywhere',
    run: (tx, s) => tx.session.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'RateLimit',
    rule: 'erase',
    why: 'sign-in throttle keys contain the email address',
    run: (tx, s) => deleteRateLimitsNaming(tx, s.email),
  },
  {
    table: 'InstructorCredential',
    rule: 'erase',
    why: 'the instructor’s own profile data',
    run: (tx, s) => tx.instructorCredential.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'CourseInstructor',
    rule: 'erase',
    why: 'editing rights end with the account (the course stays with its content)',
    run: (tx, s) => tx.courseInstructor.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'LearnerCredential',
    rule: 'erase',
    why: 'credentials the person declared (renewal anchors), not issued evidence',
    run: (tx, s) => tx.learnerCredential.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'SelfReportedCredit',
    rule: 'erase',
    why: 'credit the person entered by hand, not evidence we issued',
    run: (tx, s) => tx.selfReportedCredit.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'CertificateNameCorrection',
    rule: 'erase',
    why: 'requests about the printed name; applied ones live on in the certificates and the audit log',
    run: (tx, s) => tx.certificateNameCorrection.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'AccountToken',
    rule: 'erase',
    why: 'pending reset, verification and email-change links (they hold the address)',
    run: (tx, s) => tx.accountToken.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'EmailPreference',
    rule: 'erase',
    why: 'the person’s notification choices and unsubscribe token',
    run: (tx, s) => tx.emailPreference.deleteMany({ where: { userId: s.userId } }),
  },
  {
    table: 'EmailMessage',
    rule: 'erase',
    why: 'mail to the person, sent or pending, and alerts to admins that name them: the outbox is a delivery queue, not a record we must keep (nothing pending is sent afterwards)',
    run: (tx, s) => deleteEmailMessagesOf(tx, s.userId, s.email),
  },
  {
    table: 'Enrollment',
    rule: 'anonymise',
    why: 'evidence of study (kept ≥ 7 years); active enrolments end with the account',
    run: (tx, s) =>
      tx.enrollment.updateMany({
        where: { userId: s.userId, status: 'ACTIVE' },
        data: { status: 'ENDED', endedAt: s.now, endedReason: 'Account deleted' },
      }),
  },
  {
    table: 'PaymentEvent',
    rule: 'anonymise',
    why: 'Stripe payloads of the person’s orders carry their email (Stripe keeps its own copy)',
    run: (tx, s) => redactPaymentEventPayloads(tx, s.email),
  },
  {
    table: 'User',
    rule: 'anonymise',
    why: 'the row stays as a tombstone: certificates, orders and evidence reference it',
    run: (tx, s) =>
      tx.user.update({
        where: { id: s.userId },
        data: {
          email: s.tombstoneEmail,
          name: 'Deleted user',
          passwordHash: s.unusablePasswordHash,
          role: 'STUDENT',
          bio: null,
          certificateName: null,
          certificateNameConfirmedAt: null,
          timeZone: null,
          deletedAt: s.now,
        },
        select: { id: true },
      }),
  },
  {
    table: 'Certificate',
    rule: 'keep',
    why: 'immutable snapshot kept ≥ 7 years: the name as issued stays, it holds no email',
  },
  { table: 'CourseCompletion', rule: 'keep', why: 'completion evidence, immutable' },
  { table: 'QuizAttempt', rule: 'keep', why: 'assessment evidence, immutable once submitted' },
  { table: 'AttemptAnswer', rule: 'keep', why: 'assessment evidence, immutable once submitted' },
  { table: 'LessonProgress', rule: 'keep', why: 'seat-time evidence behind the completion' },
  {
    table: 'Order',
    rule: 'keep',
    why: 'accounting record (amounts, dates, the bill-to lines printed on the receipt); no email',
  },
  {
    table: 'AuditLog',
    rule: 'keep',
    why: 'append-only record of privileged acts; it stores ids, never email addresses',
  },
  { table: 'Course', rule: 'keep', why: 'provider content; an owner’s courses stay' },
  { table: 'CourseVersion', rule: 'keep', why: 'provider content' },
  { table: 'Module', rule: 'keep', why: 'provider content' },
  { table: 'Lesson', rule: 'keep', why: 'provider content' },
  { table: 'Quiz', rule: 'keep', why: 'provider content' },
  { table: 'Question', rule: 'keep', why: 'provider content' },
  { table: 'QuestionOption', rule: 'keep', why: 'provider content' },
  { table: 'CreditApproval', rule: 'keep', why: 'provider content' },
  { table: 'CeuRequirement', rule: 'keep', why: 'renewal rules; no personal data' },
  { table: 'CodeSetRelease', rule: 'keep', why: 'public code sets; no personal data' },
  { table: 'CodeSetCode', rule: 'keep', why: 'public code sets; no personal data' },
  { table: 'CodeSetChange', rule: 'keep', why: 'public code sets; no personal data' },
  { table: 'CodeSetImport', rule: 'keep', why: 'upload jobs; no personal data' },
  { table: 'CodeSetNotice', rule: 'keep', why: 'course notices; no personal data' },
  { table: '_prisma_migrations', rule: 'keep', why: 'schema history' },
];
