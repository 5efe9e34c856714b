import { parseInput } from '../errors/validate';
import { type CreditApprovalInput, creditApprovalSchema } from './course-schemas';
import { approvalData, draftApproval } from './credit-approvals';
import type { EditableCourse } from './editable-course';
import { editSyllabus, type SyllabusEditOptions } from './syllabus-edit';

export interface UpdateCreditApprovalOptions extends SyllabusEditOptions {
  approvalId: string;
  input: CreditApprovalInput;
}

export async function updateCreditApproval(
  options: UpdateCreditApprovalOptions,
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
