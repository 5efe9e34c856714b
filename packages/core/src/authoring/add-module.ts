import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { titleSchema } from './course-schemas';
import { type EditableCourse } from './editable-course';
import { LIMITS } from './limits';
import { editSyllabus, SyllabusEditOptions } from './syllabus-edit';

export async function addModule(
  options: SyllabusEditOptions & { title: string },
): Promise<EditableCourse> {
  const title = parseInput(z.object({ title: titleSchema }), { title: options.title }).title;
  return editSyllabus(options, async (tx, draftVersionId) => {
    const count = await tx.module.count({ where: { versionId: draftVersionId } });
    if (count >= LIMITS.modulesPerCourse) {
      throw AppError.badInput({
        title: [`A course has at most ${LIMITS.modulesPerCourse} modules.`],
      });
    }
    await tx.module.create({
      data: { versionId: draftVersionId, position: count + 1, title },
      select: { id: true },
    });
  });
}
