import { type EditableCourse } from './editable-course';
import { draftModule, editSyllabus, renumber, SyllabusEditOptions } from './syllabus-edit';

/** Deletes a module and its lessons from the draft (published versions keep theirs). */
export async function deleteModule(
  options: SyllabusEditOptions & { moduleId: string },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    await tx.module.delete({ where: { id: module.id }, select: { id: true } });
    const remaining = await tx.module.findMany({
      where: { versionId: draftVersionId },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    await renumber(
      remaining.map((row) => row.id),
      (id, position) =>
        tx.module.update({ where: { id }, data: { position }, select: { id: true } }),
    );
  });
}
