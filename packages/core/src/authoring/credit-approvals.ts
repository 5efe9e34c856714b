import { type Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type CreditApprovalInput, creditApprovalSchema } from './course-schemas';
import type { EditableCourse } from './editable-course';
import { editSyllabus } from './syllabus-edit';

interface DraftEditOptions {
  db: Db;
  viewer: Viewer | null;
  courseId: string;
  revision: number;
}

function approvalData(input: z.output<typeof creditApprovalSchema>) {
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

async function draftApproval(
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

/**
 * Adds a credit approval to the draft. Its rules are checked again when publishing. The
 * first approval of a draft without any seat-time rule sets the default per-lesson minimum.
 */
export async function addCreditApproval(
  options: DraftEditOptions & { input: CreditApprovalInput },
): Promise<EditableCourse> {
  const input = parseInput(creditApprovalSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const existing = await tx.creditApproval.count({ where: { versionId: draftVersionId } });
    await tx.creditApproval.create({
      data: { ...approvalData(input), versionId: draftVersionId },
      select: { id: true },
    });
    if (existing === 0) {
      await tx.courseVersion.updateMany({
        where: { id: draftVersionId, minimumLessonTimePercent: 0, minimumSeatMinutes: 0 },
        data: { minimumLessonTimePercent: DEFAULT_CREDIT_LESSON_TIME_PERCENT },
      });
    }
  });
}

export async function updateCreditApproval(
  options: DraftEditOptions & { approvalId: string; input: CreditApprovalInput },
): Promise<EditableCourse> {
  const input = parseInput(creditApprovalSchema, options.input);
  return editSyllabus(options, async (tx, draftVersionId) => {
    const approval = await draftApproval(tx, draftVersionId, options.approvalId);
    await tx.creditApproval.update({
      where: { id: approval.id },
      data: approvalData(input),
      select: { id: true },
    });
  });
}

export async function removeCreditApproval(
  options: DraftEditOptions & { approvalId: string },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const approval = await draftApproval(tx, draftVersionId, options.approvalId);
    await tx.creditApproval.delete({ where: { id: approval.id }, select: { id: true } });
  });
}
