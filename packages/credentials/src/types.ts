/** Bodies whose continuing-education credit a certificate can carry. Never add their numbers. */
export type CreditBody = 'AAPC' | 'AHIMA' | 'PMI' | 'IACET' | 'OTHER';

export const CREDIT_BODIES: readonly CreditBody[] = ['AAPC', 'AHIMA', 'PMI', 'IACET', 'OTHER'];

/** One body's approved credit, exactly as approved (a decimal string such as "2.00"). */
export interface CertificateCredit {
  body: CreditBody;
  /** Full or display name of the body, e.g. "AAPC" or "American Health Information Management Association". */
  bodyName: string;
  /** The approval / index number the body issued for this exact program title. */
  indexNumber: string;
  /** Approved amount as a decimal string ("2.00"); never computed from minutes. */
  ceuAmount: string;
  /** Category as the body names it, e.g. "core". */
  category: string;
}

/**
 * The immutable snapshot a certificate is rendered and signed from. Everything on the paper and in
 * the badge comes from here, so a certificate re-downloaded years later is identical.
 */
export interface CertificateSnapshot {
  /** e.g. "CEU-7K3M-9QXD-H2TB" (see generateSerial). */
  serial: string;
  participantName: string;
  programTitle: string;
  sponsoringOrganization: string;
  /** Program (completion) date, YYYY-MM-DD. */
  completionDate: string;
  /** ISO-8601 instant of issue, e.g. "2026-11-27T14:03:00.000Z". */
  issuedAt: string;
  credits: CertificateCredit[];
  /** Integer minutes of instruction. */
  instructionalMinutes: number;
  /** Public verification page for this certificate. */
  verifyUrl: string;
  /** Serial of the (revoked) certificate this one corrects, if any. */
  supersedesSerial?: string;
  /** This certificate's bit in the issuer's revocation status list. */
  statusListIndex: number;
  /**
   * The completion rule of the program version the certificate was earned under (what the
   * badge's criteria state). Absent on certificates issued before it was recorded.
   */
  completionRules?: CompletionRules;
}

/** What a learner had to do to complete the program version. */
export interface CompletionRules {
  /** Number of required lessons. */
  requiredLessons: number;
  /** Pass mark of the post-test in percent; null when the program has no post-test. */
  postTestPassPercent: number | null;
  /** Share (0–100) of each lesson's estimated time to spend on it; 0: no per-lesson minimum. */
  minimumLessonTimePercent: number;
  /** Total study time required, in minutes; 0: none. */
  minimumSeatMinutes: number;
}
