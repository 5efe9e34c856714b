import { draftApproval } from './credit-approvals';
import type { EditableCourse } from './editable-course';
import { editSyllabus, type SyllabusEditOptions } from './syllabus-edit';

export interface RemoveCreditApprovalOptions extends SyllabusEditOptions {
  approvalId: string;
}

export async function removeCreditApproval(
  options: RemoveCreditApprovalOptions,
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const approval = await draftApproval(tx, draftVersionId, options.approvalId);
    await tx.creditApproval.delete({ where: { id: approval.id }, select: { id: true } });
  });
}
