import { Prisma } from '@lms/db';
import { z } from 'zod';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { creditApprovalSchema } from './course-schemas';

export function approvalData(input: z.output<typeof creditApprovalSchema>) {
  return {
    body: input.body,
    bodyName: input.body === 'OTHER' ? (input.bodyName ?? null) : input.bodyName || null,
    approvalNumber: input.approvalNumber,
    approvedTitle: input.approvedTitle,
    ceuAmount: new Prisma.Decimal(input.ceuAmount),
    category: input.category,
    validFrom: new Date(`${input.validFrom}T00:00:00.000Z`),
    validUntil: new Date(`${input.validUntil}T00:00:00.000Z`),
  };
}

export async function draftApproval(
  tx: Prisma.TransactionClient,
  draftVersionId: string,
  approvalId: string,
) {
  const approval = isUuid(approvalId)
    ? await tx.creditApproval.findFirst({
        where: { id: approvalId, versionId: draftVersionId },
        select: { id: true },
      })
    : null;
  if (!approval) throw AppError.notFound('Credit approval');
  return approval;
}

/**
 * The per-lesson minimum a draft gets when its first credit approval is attached and it has
 * no seat-time rule yet: credit certifies instruction, so a credit-bearing course should not
 * be completable by clicking through. The instructor may change it on the course page.
 */
export const DEFAULT_CREDIT_LESSON_TIME_PERCENT = 80;
