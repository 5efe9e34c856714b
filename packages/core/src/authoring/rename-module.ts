import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { titleSchema } from './course-schemas';
import { type EditableCourse } from './editable-course';
import { draftModule, editSyllabus, SyllabusEditOptions } from './syllabus-edit';

export async function renameModule(
  options: SyllabusEditOptions & { moduleId: string; title: string },
): Promise<EditableCourse> {
  const title = parseInput(z.object({ title: titleSchema }), { title: options.title }).title;
  return editSyllabus(options, async (tx, draftVersionId) => {
    const module = await draftModule(tx, draftVersionId, options.moduleId);
    await tx.module.update({ where: { id: module.id }, data: { title }, select: { id: true } });
  });
}
