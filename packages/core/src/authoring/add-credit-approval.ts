import { parseInput } from '../errors/validate';
import { type CreditApprovalInput, creditApprovalSchema } from './course-schemas';
import { approvalData, DEFAULT_CREDIT_LESSON_TIME_PERCENT } from './credit-approvals';
import type { EditableCourse } from './editable-course';
import { editSyllabus, type SyllabusEditOptions } from './syllabus-edit';

export interface AddCreditApprovalOptions extends SyllabusEditOptions {
  input: CreditApprovalInput;
}

/**
 * Adds a credit approval to the draft. Its rules are checked again when publishing. The
 * first approval of a draft without any seat-time rule sets the default per-lesson minimum.
 */
export async function addCreditApproval(
  options: AddCreditApprovalOptions,
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
