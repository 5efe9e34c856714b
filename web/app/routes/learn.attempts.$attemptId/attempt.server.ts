import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { type SaveOneResult } from '../../components/quiz-question';
import {
  type AnswerInput,
  AttemptCompletionDocument,
  AttemptContextDocument,
  QuizAttemptDocument,
  SaveAnswerDocument,
  SubmitQuizAttemptDocument,
} from '../../graphql/generated/graphql';
import { type ApiError, errorResponse, gql, gqlData } from '../../utils/api.server';
import { requireParam } from '../../utils/invariant';
import { formatPercent } from '../../utils/learning';
import { intentOf, learnerErrorResponse, redirectWithFlash } from '../../utils/learning.server';
import { readAnswer, type SubmittedAnswer, sameAnswer } from '../../utils/quiz-answers';
import { requireViewer } from '../../utils/session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewer(request);
  // Reading an attempt whose deadline has passed grades it (the API settles it first).
  const { quizAttempt: attempt } = await gqlData(request, QuizAttemptDocument, {
    id: requireParam(params, 'attemptId'),
  });
  const context = await gql(request, AttemptContextDocument, { lessonId: attempt.lessonId });
  if (context.errors) throw await learnerErrorResponse(request, context.errors[0], undefined);
  const { quizForLearner: quiz, learnerLesson: lesson } = context.data;
  // A passing attempt may be the one that completed the course: link its certificates.
  const completion =
    attempt.status === 'SUBMITTED' && attempt.result?.passed
      ? (await gqlData(request, AttemptCompletionDocument, { attemptId: attempt.id }))
          .attemptCompletion
      : null;
  return { attempt, quiz, lesson, courseId: lesson.courseId, completion };
}

export interface SaveFailure {
  formError: string | null;
  errors: Record<string, string>;
  values: Record<string, SubmittedAnswer>;
}

export const toInput = (answer: SubmittedAnswer): AnswerInput =>
  answer.optionIds ? { optionIds: answer.optionIds } : { text: answer.text ?? '' };

export function saveError(request: Request, error: ApiError): string {
  if (error.code === 'BAD_USER_INPUT') {
    const field = error.fieldErrors ? Object.values(error.fieldErrors).flat()[0] : undefined;
    return field ?? error.message;
  }
  if (error.code === 'PRECONDITION_FAILED') return error.message;
  throw errorResponse(request, error);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireViewer(request);
  const attemptId = requireParam(params, 'attemptId');
  const path = `/learn/attempts/${attemptId}`;
  const form = await request.formData();
  const intent = intentOf(form);

  // With JavaScript: one question saved on change (a fetcher; no redirect).
  if (intent === 'save-one') {
    const questionId = String(form.get('questionId') ?? '');
    const text = form.get('text');
    const answer: AnswerInput =
      typeof text === 'string'
        ? { text }
        : { optionIds: form.getAll('optionIds').filter((v): v is string => typeof v === 'string') };
    const result = await gql(request, SaveAnswerDocument, { attemptId, questionId, answer });
    if (result.errors) {
      return data<SaveOneResult>(
        { questionId, error: saveError(request, result.errors[0]) },
        { status: 400 },
      );
    }
    const saved = result.data.saveAnswer;
    return data<SaveOneResult>({ questionId, savedAt: saved.savedAt, codes: saved.response.codes });
  }

  if (intent !== 'submit' && !intent.startsWith('save')) {
    throw new Response('Unknown action', { status: 400 });
  }

  // The whole form (works without JavaScript): save every answer that changed, then submit
  // (intent=submit) or come back to the question whose button was pressed.
  const { quizAttempt: attempt } = await gqlData(request, QuizAttemptDocument, { id: attemptId });
  if (attempt.status === 'SUBMITTED') {
    return redirectWithFlash(path, 'This attempt has already been submitted.', 'info');
  }
  const changes = attempt.questions
    .map((question) => ({ question, answer: readAnswer(form, question) }))
    .filter(
      (change): change is { question: typeof change.question; answer: SubmittedAnswer } =>
        change.answer !== null && !sameAnswer(change.answer, change.question.response),
    );
  const results = await Promise.all(
    changes.map(({ question, answer }) =>
      gql(request, SaveAnswerDocument, {
        attemptId,
        questionId: question.id,
        answer: toInput(answer),
      }),
    ),
  );
  const failure: SaveFailure = { formError: null, errors: {}, values: {} };
  let timeUp = false;
  results.forEach((result, index) => {
    const change = changes[index];
    if (!result.errors || !change) return;
    const [error] = result.errors;
    if (error.code === 'PRECONDITION_FAILED') {
      timeUp = true;
      failure.formError = error.message;
      return;
    }
    failure.errors[change.question.id] = saveError(request, error);
    failure.values[change.question.id] = change.answer;
  });
  const invalid = Object.keys(failure.errors).length;

  if (intent === 'submit') {
    if (invalid > 0) {
      failure.formError = `${invalid === 1 ? 'One answer' : `${invalid} answers`} could not be saved. Correct ${invalid === 1 ? 'it' : 'them'} (or clear ${invalid === 1 ? 'it' : 'them'}) and submit again.`;
      return data(failure, { status: 400 });
    }
    // Time up: submitting is still allowed; what was saved by the deadline counts.
    const submitted = await gql(request, SubmitQuizAttemptDocument, { attemptId });
    if (submitted.errors) throw errorResponse(request, submitted.errors[0]);
    const outcome = submitted.data.submitQuizAttempt;
    const score = outcome.attempt.result;
    const message = score
      ? `Attempt submitted: you scored ${formatPercent(score.scorePercent)}${score.passed ? ' and passed' : ''}.${outcome.courseCompleted ? ' You have completed the course!' : ''}`
      : 'Attempt submitted.';
    return redirectWithFlash(path, message, score && !score.passed ? 'info' : 'success');
  }

  if (invalid > 0 || timeUp) {
    if (!failure.formError) {
      failure.formError =
        invalid === 1
          ? 'One answer could not be saved: see the message next to it.'
          : `${invalid} answers could not be saved: see the messages next to them.`;
    }
    return data(failure, { status: 400 });
  }
  const focus = intent.startsWith('save:') ? intent.slice('save:'.length) : null;
  const target = focus && /^[0-9a-f-]{36}$/i.test(focus) ? `${path}#question-${focus}` : path;
  const saved = changes.length;
  return redirectWithFlash(
    target,
    saved === 0
      ? 'Nothing changed since your last save.'
      : saved === 1
        ? 'Answer saved.'
        : `${saved} answers saved.`,
    saved === 0 ? 'info' : 'success',
  );
}
