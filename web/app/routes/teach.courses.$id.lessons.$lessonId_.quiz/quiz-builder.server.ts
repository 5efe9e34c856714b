import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import {
  AddQuestionDocument,
  CodeSetReleaseOptionsDocument,
  ConfigureQuizDocument,
  DeleteQuestionDocument,
  DeleteQuizDocument,
  MoveQuestionDocument,
  TeachQuizLessonDocument,
  UpdateQuestionDocument,
} from '../../graphql/generated/graphql';
import { gql, gqlData } from '../../utils/api.server';
import { parseWholeNumber } from '../../utils/form-values';
import { requireParam } from '../../utils/invariant';
import { readQuestion, readQuizSettings } from '../../utils/quiz-form';
import {
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../../utils/teach.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const [{ editableCourse, publishPreview }, { codeSetReleases }] = await Promise.all([
    gqlData(request, TeachQuizLessonDocument, { id: courseId }),
    gqlData(request, CodeSetReleaseOptionsDocument),
  ]);
  const lessons = editableCourse.modules.flatMap((module, index) =>
    module.lessons.map((lesson) => ({ ...lesson, module: { ...module, number: index + 1 } })),
  );
  const found = lessons.find((lesson) => lesson.id === params.lessonId);
  if (!found) throw new Response('Not found', { status: 404 });
  const { module, ...lesson } = found;
  // The API's publishing problems about this lesson (e.g. more draws than the pool).
  const problems = publishPreview.publishingProblems.filter(
    (problem) => problem.lessonId === lesson.id,
  );
  const otherPostTest = lessons.find(
    (other) => other.id !== lesson.id && other.quiz?.mode === 'POST_TEST',
  );
  return {
    lesson,
    module: { id: module.id, title: module.title, number: module.number },
    problems,
    otherPostTest: otherPostTest ? otherPostTest.title : null,
    codeSetReleases,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const lessonId = requireParam(params, 'lessonId');
  const here = `/teach/courses/${courseId}/lessons/${lessonId}/quiz`;
  const form = formReader(await request.formData());
  const intent = form.text('intent');
  const revision = form.revision();
  const questionId = form.text('questionId');
  const label = form.text('label');

  switch (intent) {
    case 'save-settings': {
      const parsed = readQuizSettings(form);
      if (!parsed.ok) {
        return localFailure({
          intent,
          values: parsed.values,
          fieldErrors: parsed.fieldErrors,
          revision,
        });
      }
      const result = await gql(request, ConfigureQuizDocument, {
        courseId,
        revision,
        lessonId,
        input: parsed.input,
      });
      if (result.errors) {
        return failure(request, result.errors, { intent, values: parsed.values, revision });
      }
      return redirectWithFlash(here, 'Quiz settings saved.');
    }
    case 'delete-quiz': {
      const result = await gql(request, DeleteQuizDocument, {
        courseId,
        revision,
        quizId: form.text('quizId'),
      });
      if (result.errors) return failure(request, result.errors, { intent, revision });
      return redirectWithFlash(here, 'Quiz deleted from the draft.');
    }
    case 'add-question':
    case 'update-question': {
      const target = intent === 'update-question' ? questionId : null;
      const parsed = readQuestion(form);
      if (!parsed.ok) {
        return localFailure({
          intent,
          target,
          values: parsed.values,
          fieldErrors: parsed.fieldErrors,
          revision,
        });
      }
      const input = parsed.input;
      const result =
        intent === 'add-question'
          ? await gql(request, AddQuestionDocument, {
              courseId,
              revision,
              quizId: form.text('quizId'),
              input,
            })
          : await gql(request, UpdateQuestionDocument, {
              courseId,
              revision,
              questionId,
              input,
            });
      if (result.errors) {
        return failure(request, result.errors, {
          intent,
          target,
          values: parsed.values,
          revision,
          rename: parsed.rename,
        });
      }
      return redirectWithFlash(
        here,
        intent === 'add-question' ? 'Question added.' : `Question ${label} saved.`,
      );
    }
    case 'move-question': {
      const position = parseWholeNumber(form.text('position')) ?? 1;
      const result = await gql(request, MoveQuestionDocument, {
        courseId,
        revision,
        questionId,
        position,
      });
      if (result.errors) return failure(request, result.errors, { intent, revision });
      return redirectWithFlash(here, `Question ${label} moved to position ${position}.`);
    }
    case 'delete-question': {
      const result = await gql(request, DeleteQuestionDocument, { courseId, revision, questionId });
      if (result.errors) return failure(request, result.errors, { intent, revision });
      return redirectWithFlash(here, `Question ${label} deleted.`);
    }
    default:
      throw new Response('Unknown action', { status: 400 });
  }
}
