/** GraphQL documents and builders for the assessment API, shared by its tests. */

import { createEnrollment } from '@lms/db/testing';
import type { TestApi } from '../test-support';
import type { Actor } from './actors';
import { ADD_LESSON, ADD_MODULE, CREATE_COURSE, PUBLISH } from './authoring-operations';

export const QUIZ_FIELDS = `id mode passPercent timeLimitMinutes maxAttempts questionsPerAttempt shuffleQuestions
  shuffleOptions allowReview questions { id position type prompt promptHtml rationale rationaleHtml area codeSetYear
  codeSystem points acceptedAnswers answerCodes options { id position text correct } }`;
export const EDITOR_FIELDS = `id revision modules { id lessons { id title kind quiz { ${QUIZ_FIELDS} } } }`;

export const EDITOR = `query($id: ID!) { editableCourse(id: $id) { ${EDITOR_FIELDS} } }`;
export const CONFIGURE_QUIZ = `mutation($courseId: ID!, $revision: Int!, $lessonId: ID!, $input: QuizSettingsInput!) {
  configureQuiz(courseId: $courseId, revision: $revision, lessonId: $lessonId, input: $input) { ${EDITOR_FIELDS} } }`;
export const DELETE_QUIZ = `mutation($courseId: ID!, $revision: Int!, $quizId: ID!) {
  deleteQuiz(courseId: $courseId, revision: $revision, quizId: $quizId) { ${EDITOR_FIELDS} } }`;
export const ADD_QUESTION = `mutation($courseId: ID!, $revision: Int!, $quizId: ID!, $input: QuestionInput!) {
  addQuestion(courseId: $courseId, revision: $revision, quizId: $quizId, input: $input) { ${EDITOR_FIELDS} } }`;
export const UPDATE_QUESTION = `mutation($courseId: ID!, $revision: Int!, $questionId: ID!, $input: QuestionInput!) {
  updateQuestion(courseId: $courseId, revision: $revision, questionId: $questionId, input: $input) { ${EDITOR_FIELDS} } }`;
export const MOVE_QUESTION = `mutation($courseId: ID!, $revision: Int!, $questionId: ID!, $position: Int!) {
  moveQuestion(courseId: $courseId, revision: $revision, questionId: $questionId, position: $position) { ${EDITOR_FIELDS} } }`;
export const DELETE_QUESTION = `mutation($courseId: ID!, $revision: Int!, $questionId: ID!) {
  deleteQuestion(courseId: $courseId, revision: $revision, questionId: $questionId) { ${EDITOR_FIELDS} } }`;

export const ATTEMPT_FIELDS = `id quizId lessonId number status mode startedAt deadlineAt submittedAt secondsRemaining
  questions { id number type promptHtml area codeSystem points options { id text } response { optionIds text codes } savedAt }
  sections { area questionIds }
  result { scorePoints maxPoints scorePercent passed passPercent areas { area points maxPoints percent }
    review { questionId number points maxPoints correct correctOptionIds acceptedAnswers answerCodes rationaleHtml response { optionIds text codes } } }`;
export const START_ATTEMPT = `mutation($lessonId: ID!) { startQuizAttempt(lessonId: $lessonId) { ${ATTEMPT_FIELDS} } }`;
export const SAVE_ANSWER = `mutation($attemptId: ID!, $questionId: ID!, $answer: AnswerInput!) {
  saveAnswer(attemptId: $attemptId, questionId: $questionId, answer: $answer) { attemptId questionId savedAt secondsRemaining response { optionIds text codes } } }`;
export const SUBMIT_ATTEMPT = `mutation($attemptId: ID!) { submitQuizAttempt(attemptId: $attemptId) {
  courseCompleted completionMissing attempt { ${ATTEMPT_FIELDS} } } }`;
export const QUIZ_ATTEMPT = `query($id: ID!) { quizAttempt(id: $id) { ${ATTEMPT_FIELDS} } }`;
export const QUIZ_FOR_LEARNER = `query($lessonId: ID!) { quizForLearner(lessonId: $lessonId) {
  quizId lessonId title mode passPercent timeLimitMinutes maxAttempts questionsPerAttempt allowReview attemptsUsed
  attemptsRemaining bestPercent passed attempts { id number status startedAt submittedAt scorePercent passed improvement }
  openAttempt { id number status } } }`;
export const QUIZ_STATISTICS = `query($quizId: ID!) { quizStatistics(quizId: $quizId) {
  quizId courseId lessonTitle mode passPercent submittedAttempts inProgressAttempts averagePercent passRate
  distribution { fromPercent toPercent count }
  questions { questionKey questionId position type area maxPoints drawn answered fullyCorrect averagePoints }
  attempts(first: 20) { totalCount edges { node { id learnerId learnerName number status scorePercent passed versionNumber } } } } }`;

export type Editor = {
  id: string;
  revision: number;
  modules: {
    id: string;
    lessons: { id: string; title: string; kind: string; quiz: EditorQuiz | null }[];
  }[];
};
export type EditorQuiz = {
  id: string;
  mode: string;
  questionsPerAttempt: number | null;
  questions: {
    id: string;
    position: number;
    type: string;
    prompt: string;
    answerCodes: string[];
    options: { id: string; text: string; correct: boolean }[];
  }[];
};

export const POST_TEST = {
  mode: 'POST_TEST',
  passPercent: 70,
  timeLimitMinutes: null,
  maxAttempts: 3,
  questionsPerAttempt: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  allowReview: true,
};

/** Four questions worth 1+2+1+2 = 6 points: one of each scoring rule. */
export const QUESTIONS = [
  {
    type: 'SINGLE_CHOICE',
    prompt: 'What does **NEC** mean?',
    area: 'ICD10CM_GUIDELINES',
    rationale: 'Not elsewhere classifiable.',
    options: [
      { text: 'Not elsewhere classifiable', correct: true },
      { text: 'Not otherwise specified' },
      { text: 'No evidence of condition' },
    ],
  },
  {
    type: 'CODE_SET',
    prompt: 'Type 2 diabetes without complications, on insulin.',
    area: 'ICD10CM_GUIDELINES',
    codeSystem: 'ICD10CM',
    codeSetYear: 2027,
    points: 2,
    answerCodes: ['E11.9', 'Z79.4'],
    rationale: 'E11.9 with Z79.4.',
  },
  {
    type: 'TRUE_FALSE',
    prompt: 'Probable diagnoses are coded as established in outpatient encounters.',
    area: 'ICD10CM_GUIDELINES',
    trueFalseAnswer: false,
    rationale: 'Section IV.H.',
  },
  {
    type: 'MULTIPLE_CHOICE',
    prompt: 'Which conditions are presumed linked to hypertension?',
    area: 'ICD10CM_GUIDELINES',
    points: 2,
    options: [
      { text: 'Heart failure', correct: true },
      { text: 'Chronic kidney disease', correct: true },
      { text: 'Asthma' },
      { text: 'Migraine' },
    ],
    rationale: 'Section I.C.9.a.',
  },
];

type Gql = <T>(query: string, variables: Record<string, unknown>, actor: Actor) => Promise<T>;

/** Calls a mutation/query and returns its single root field, throwing on errors. */
export function mustCall(api: TestApi): Gql {
  return (query, variables, actor) => api.must(query, variables, actor);
}

export const quizLesson = (editor: Editor) =>
  editor.modules.flatMap((module) => module.lessons).find((lesson) => lesson.kind === 'QUIZ')!;

/** A draft course with one text lesson and one QUIZ lesson whose quiz has `questions`. */
export async function draftQuizCourse(
  api: TestApi,
  author: Actor,
  options: {
    settings?: Record<string, unknown>;
    questions?: Record<string, unknown>[];
    title?: string;
  } = {},
): Promise<Editor> {
  const must = mustCall(api);
  let course = await must<Editor>(
    CREATE_COURSE,
    {
      input: {
        title: options.title ?? 'Guidelines Refresher',
        summary: 'Quiz course.',
        kind: 'CE',
      },
    },
    author,
  );
  course = await must<Editor>(
    ADD_MODULE,
    { courseId: course.id, revision: course.revision, title: 'Basics' },
    author,
  );
  const moduleId = course.modules[0]!.id;
  course = await must<Editor>(
    ADD_LESSON,
    {
      courseId: course.id,
      revision: course.revision,
      moduleId,
      input: {
        title: 'Conventions',
        kind: 'TEXT',
        body: 'Read the conventions.',
        estimatedMinutes: 10,
      },
    },
    author,
  );
  course = await must<Editor>(
    ADD_LESSON,
    {
      courseId: course.id,
      revision: course.revision,
      moduleId,
      input: {
        title: 'Post-test',
        kind: 'QUIZ',
        body: 'Good luck.',
        estimatedMinutes: 15,
        required: true,
      },
    },
    author,
  );
  let editor = await must<Editor>(
    CONFIGURE_QUIZ,
    {
      courseId: course.id,
      revision: course.revision,
      lessonId: quizLesson(course as Editor).id,
      input: { ...POST_TEST, ...options.settings, questionsPerAttempt: null },
    },
    author,
  );
  for (const question of options.questions ?? QUESTIONS) {
    editor = await must<Editor>(
      ADD_QUESTION,
      {
        courseId: editor.id,
        revision: editor.revision,
        quizId: quizLesson(editor).quiz!.id,
        input: question,
      },
      author,
    );
  }
  const perAttempt = options.settings?.questionsPerAttempt;
  if (perAttempt) {
    editor = await must<Editor>(
      CONFIGURE_QUIZ,
      {
        courseId: editor.id,
        revision: editor.revision,
        lessonId: quizLesson(editor).id,
        input: { ...POST_TEST, ...options.settings },
      },
      author,
    );
  }
  return editor;
}

export interface PublishedQuiz {
  courseId: string;
  versionId: string;
  lessonId: string;
  quizId: string;
  /** Published questions by pool position (1-based index - 1), with their keys. */
  questions: {
    id: string;
    type: string;
    points: number;
    answerCodes: string[];
    acceptedAnswers: string[];
    options: { id: string; text: string; correct: boolean }[];
  }[];
  editor: Editor;
}

/** Publishes a draft quiz course and returns the published quiz, straight from the database. */
export async function publishQuizCourse(
  api: TestApi,
  author: Actor,
  editor: Editor,
): Promise<PublishedQuiz> {
  const must = mustCall(api);
  await must(PUBLISH, { courseId: editor.id, revision: editor.revision }, author);
  const next = await must<Editor>(EDITOR, { id: editor.id }, author);
  const version = await api.database.db.courseVersion.findFirstOrThrow({
    where: { courseId: editor.id, publishedAt: { not: null } },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  const quiz = await api.database.db.quiz.findFirstOrThrow({
    where: { lesson: { module: { versionId: version.id } } },
    select: {
      id: true,
      lessonId: true,
      questions: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          type: true,
          points: true,
          answerCodes: true,
          acceptedAnswers: true,
          options: {
            orderBy: { position: 'asc' },
            select: { id: true, text: true, correct: true },
          },
        },
      },
    },
  });
  return {
    courseId: editor.id,
    versionId: version.id,
    lessonId: quiz.lessonId,
    quizId: quiz.id,
    questions: quiz.questions,
    editor: next,
  };
}

/** Enrols a learner directly in the database (source FREE, the published version). */
export async function enrol(
  api: TestApi,
  learner: Actor,
  course: { courseId: string; versionId: string },
) {
  return createEnrollment(api.database.db, {
    userId: learner.id,
    courseId: course.courseId,
    versionId: course.versionId,
    source: 'FREE',
  });
}
