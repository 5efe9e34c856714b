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
import { parseWholeNumber } from '../../utils/form-values';
import { requireParam } from '../../utils/invariant';
import {
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../../utils/teach.server';
import { isOneOf, LESSON_KIND_OPTIONS } from '../../utils/teach-options';

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const here = `/teach/courses/${courseId}/syllabus`;
  const form = formReader(await request.formData());
  const intent = form.text('intent');
  const revision = form.revision();
  const label = form.text('label');
  const position = parseWholeNumber(form.text('position')) ?? 1;

  switch (intent) {
    case 'add-module': {
      const values = { title: form.text('title') };
      const result = await gql(request, AddModuleDocument, {
        courseId,
        revision,
        title: values.title,
      });
      if (result.errors) return failure(request, result.errors, { intent, values, revision });
      return redirectWithFlash(here, `Module “${values.title}” added.`);
    }
    case 'rename-module': {
      const moduleId = form.text('moduleId');
      const values = { title: form.text('title') };
      const result = await gql(request, RenameModuleDocument, {
        courseId,
        revision,
        moduleId,
        title: values.title,
      });
      if (result.errors) {
        return failure(request, result.errors, { intent, target: moduleId, values, revision });
      }
      return redirectWithFlash(here, `Module renamed to “${values.title}”.`);
    }
    case 'move-module': {
      const moduleId = form.text('moduleId');
      const result = await gql(request, MoveModuleDocument, {
        courseId,
        revision,
        moduleId,
        position,
      });
      if (result.errors)
        return failure(request, result.errors, { intent, target: moduleId, revision });
      return redirectWithFlash(here, `Moved “${label}” to position ${position}.`);
    }
    case 'delete-module': {
      const moduleId = form.text('moduleId');
      const result = await gql(request, DeleteModuleDocument, { courseId, revision, moduleId });
      if (result.errors)
        return failure(request, result.errors, { intent, target: moduleId, revision });
      return redirectWithFlash(here, `Module “${label}” deleted.`);
    }
    case 'add-lesson': {
      const moduleId = form.text('moduleId');
      const values = {
        title: form.text('title'),
        kind: form.text('kind'),
        estimatedMinutes: form.text('estimatedMinutes'),
        videoUrl: form.text('videoUrl'),
      };
      const minutes = parseWholeNumber(values.estimatedMinutes);
      const local: Record<string, string[]> = {};
      if (minutes == null) local.estimatedMinutes = ['Enter the estimated minutes, e.g. 15.'];
      if (!isOneOf(LESSON_KIND_OPTIONS, values.kind)) local.kind = ['Choose text, video or quiz.'];
      if (minutes == null || !isOneOf(LESSON_KIND_OPTIONS, values.kind)) {
        return localFailure({ intent, target: moduleId, values, fieldErrors: local, revision });
      }
      const result = await gql(request, AddLessonDocument, {
        courseId,
        revision,
        moduleId,
        input: {
          title: values.title,
          kind: values.kind,
          estimatedMinutes: minutes,
          videoUrl: values.videoUrl || null,
          body: '',
          required: true,
        },
      });
      if (result.errors) {
        return failure(request, result.errors, { intent, target: moduleId, values, revision });
      }
      return redirectWithFlash(
        here,
        `Lesson “${values.title}” added. Open it to write its content.`,
      );
    }
    case 'move-lesson': {
      const lessonId = form.text('lessonId');
      const moduleId = form.text('moduleId') || null;
      const result = await gql(request, MoveLessonDocument, {
        courseId,
        revision,
        lessonId,
        position,
        moduleId,
      });
      if (result.errors)
        return failure(request, result.errors, { intent, target: lessonId, revision });
      return redirectWithFlash(here, `Moved “${label}”.`);
    }
    case 'delete-lesson': {
      const lessonId = form.text('lessonId');
      const result = await gql(request, DeleteLessonDocument, { courseId, revision, lessonId });
      if (result.errors)
        return failure(request, result.errors, { intent, target: lessonId, revision });
      return redirectWithFlash(here, `Lesson “${label}” deleted.`);
    }
    default:
      throw new Response('Unknown action', { status: 400 });
  }
}
