import type { ActionFunctionArgs } from '@remix-run/node';
import {
  AddLessonDocument,
  AddModuleDocument,
  DeleteLessonDocument,
  DeleteModuleDocument,
  MoveLessonDocument,
  MoveModuleDocument,
  RenameModuleDocument,
} from '../../graphql/generated/graphql';
import { gql } from '../../utils/api.server';
import { optionOf, revision, text, wholeNumber } from '../../utils/form-schemas';
import { failForm, parseForm, rejectForm, revisionOf } from '../../utils/forms.server';
import { requireParam } from '../../utils/invariant';
import { redirectWithFlash, requireAuthor } from '../../utils/teach.server';
import { LESSON_KIND_OPTIONS } from '../../utils/teach-options';
import { z } from '../../utils/zod';

/** Every syllabus form carries the revision; moves carry a label and a position (1 if unreadable). */
const base = <const Intent extends string>(intent: Intent) =>
  z.object({ intent: z.literal(intent), revision: revision(), label: text() });
const position = wholeNumber('Enter a position.', 1).catch(1);

const SyllabusSchema = z.discriminatedUnion('intent', [
  base('add-module').extend({ title: text() }),
  base('rename-module').extend({ moduleId: text(), title: text() }),
  base('move-module').extend({ moduleId: text(), position }),
  base('delete-module').extend({ moduleId: text() }),
  base('add-lesson').extend({
    moduleId: text(),
    title: text(),
    kind: optionOf(LESSON_KIND_OPTIONS, 'Choose text, video or quiz.'),
    estimatedMinutes: wholeNumber('Enter the estimated minutes, e.g. 15.', 'required'),
    videoUrl: text(),
  }),
  base('move-lesson').extend({ lessonId: text(), moduleId: text(), position }),
  base('delete-lesson').extend({ lessonId: text() }),
]);

/** Which record a syllabus form is about (its errors show beside that module or lesson). */
function targetOf(intent: string, fields: { moduleId?: string; lessonId?: string }) {
  if (intent === 'add-module') return null;
  return (
    (intent.endsWith('-lesson') && intent !== 'add-lesson' ? fields.lessonId : fields.moduleId) ||
    null
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const here = `/teach/courses/${courseId}/syllabus`;
  const formData = await request.formData();
  const submission = parseForm(formData, SyllabusSchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    const intent = String(formData.get('intent'));
    const ids = {
      moduleId: String(formData.get('moduleId') ?? '').trim(),
      lessonId: String(formData.get('lessonId') ?? '').trim(),
    };
    return rejectForm(submission, {
      intent,
      target: targetOf(intent, ids),
      revision: revisionOf(formData),
    });
  }
  const form = submission.value;
  const { intent, revision: seen, label } = form;
  const fail = (errors: Parameters<typeof failForm>[2]) =>
    failForm(request, submission, errors, {
      intent,
      target: targetOf(intent, form as { moduleId?: string; lessonId?: string }),
      revision: seen,
    });

  switch (form.intent) {
    case 'add-module': {
      const result = await gql(request, AddModuleDocument, {
        courseId,
        revision: seen,
        title: form.title,
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Module “${form.title}” added.`);
    }
    case 'rename-module': {
      const result = await gql(request, RenameModuleDocument, {
        courseId,
        revision: seen,
        moduleId: form.moduleId,
        title: form.title,
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Module renamed to “${form.title}”.`);
    }
    case 'move-module': {
      const result = await gql(request, MoveModuleDocument, {
        courseId,
        revision: seen,
        moduleId: form.moduleId,
        position: form.position,
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Moved “${label}” to position ${form.position}.`);
    }
    case 'delete-module': {
      const result = await gql(request, DeleteModuleDocument, {
        courseId,
        revision: seen,
        moduleId: form.moduleId,
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Module “${label}” deleted.`);
    }
    case 'add-lesson': {
      const result = await gql(request, AddLessonDocument, {
        courseId,
        revision: seen,
        moduleId: form.moduleId,
        input: {
          title: form.title,
          kind: form.kind,
          estimatedMinutes: form.estimatedMinutes,
          videoUrl: form.videoUrl || null,
          body: '',
          required: true,
        },
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Lesson “${form.title}” added. Open it to write its content.`);
    }
    case 'move-lesson': {
      const result = await gql(request, MoveLessonDocument, {
        courseId,
        revision: seen,
        lessonId: form.lessonId,
        position: form.position,
        moduleId: form.moduleId || null,
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Moved “${label}”.`);
    }
    case 'delete-lesson': {
      const result = await gql(request, DeleteLessonDocument, {
        courseId,
        revision: seen,
        lessonId: form.lessonId,
      });
      if (result.errors) return fail(result.errors);
      return redirectWithFlash(here, `Lesson “${label}” deleted.`);
    }
  }
}
