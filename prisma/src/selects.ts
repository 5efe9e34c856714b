import type { Prisma } from './generated/client';

/**
 * Column groups that several reads select the same way (core's use cases and the draft copy
 * here): one list each, so a new column is added in one place. Spread into a `select`.
 */

/** A credit approval's terms: what a certificate prints and a roster or an editor shows. */
export const creditApprovalTermsSelect = {
  body: true,
  bodyName: true,
  approvalNumber: true,
  approvedTitle: true,
  ceuAmount: true,
  category: true,
  validFrom: true,
  validUntil: true,
} as const satisfies Prisma.CreditApprovalSelect;
