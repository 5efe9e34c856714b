import { type EditableCourse } from './editable-course';
import { draftModule, editSyllabus, renumber, reorder, SyllabusEditOptions } from './syllabus-edit';

export async function moveModule(
  options: SyllabusEditOptions & { moduleId: string; position: number },
): Promise<EditableCourse> {
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    const modules = await tx.module.findMany({
      where: { versionId: draftVersionId },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    const order = reorder(
      modules.map((row) => row.id),
      module.id,
      options.position,
    );
    await renumber(order, (id, position) =>
      tx.module.update({ where: { id }, data: { position }, select: { id: true } }),
    );
  });
}
