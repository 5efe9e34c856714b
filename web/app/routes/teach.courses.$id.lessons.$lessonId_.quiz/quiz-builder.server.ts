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
import { failForm, parseForm, rejectForm, revisionOf } from '../../utils/forms.server';
import { requireParam } from '../../utils/invariant';
import { redirectWithFlash, requireAuthor } from '../../utils/teach.server';
import { QuizBuilderSchema, questionInput, quizSettingsInput } from './quiz-schema.server';

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
  const formData = await request.formData();
  const submission = parseForm(formData, QuizBuilderSchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    const intent = String(formData.get('intent'));
    const questionId = String(formData.get('questionId') ?? '').trim();
    return rejectForm(submission, {
      intent,
      target: intent === 'update-question' ? questionId : null,
      revision: revisionOf(formData),
    });
  }
  const form = submission.value;
  const { intent, revision, label } = form;
  const context = { intent, revision };

  switch (form.intent) {
    case 'save-settings': {
      const result = await gql(request, ConfigureQuizDocument, {
        courseId,
        revision,
        lessonId,
        input: quizSettingsInput(form),
      });
      if (result.errors) return failForm(request, submission, result.errors, context);
      return redirectWithFlash(here, 'Quiz settings saved.');
    }
    case 'delete-quiz': {
      const result = await gql(request, DeleteQuizDocument, {
        courseId,
        revision,
        quizId: form.quizId,
      });
      if (result.errors) return failForm(request, submission, result.errors, context);
      return redirectWithFlash(here, 'Quiz deleted from the draft.');
    }
    case 'add-question':
    case 'update-question': {
      const { input, rename } = questionInput(form);
      const result =
        form.intent === 'add-question'
          ? await gql(request, AddQuestionDocument, {
              courseId,
              revision,
              quizId: form.quizId,
              input,
            })
          : await gql(request, UpdateQuestionDocument, {
              courseId,
              revision,
              questionId: form.questionId,
              input,
            });
      if (result.errors) {
        return failForm(request, submission, result.errors, {
          ...context,
          target: form.intent === 'update-question' ? form.questionId : null,
          rename,
        });
      }
      return redirectWithFlash(
        here,
        form.intent === 'add-question' ? 'Question added.' : `Question ${label} saved.`,
      );
    }
    case 'move-question': {
      const result = await gql(request, MoveQuestionDocument, {
        courseId,
        revision,
        questionId: form.questionId,
        position: form.position,
      });
      if (result.errors) return failForm(request, submission, result.errors, context);
      return redirectWithFlash(here, `Question ${label} moved to position ${form.position}.`);
    }
    case 'delete-question': {
      const result = await gql(request, DeleteQuestionDocument, {
        courseId,
        revision,
        questionId: form.questionId,
      });
      if (result.errors) return failForm(request, submission, result.errors, context);
      return redirectWithFlash(here, `Question ${label} deleted.`);
    }
  }
}
