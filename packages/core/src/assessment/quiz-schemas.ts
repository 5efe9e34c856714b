import { z } from 'zod';
import { codeKey, codeProblem, displayCode } from '../codesets/codes';
import { EXAM_AREA_ORDER } from './draw';

export const QUIZ_LIMITS = {
  promptBytes: 20 * 1024,
  rationaleBytes: 20 * 1024,
  optionText: 1_000,
  optionsPerQuestion: 10,
  acceptedAnswers: 20,
  acceptedAnswerLength: 200,
  answerCodes: 25,
  questionsPerQuiz: 500,
  timeLimitMinutes: 600,
  maxAttempts: 100,
  shortTextResponse: 1_000,
  codeResponse: 2_000,
} as const;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export const quizSettingsSchema = z.object({
  mode: z.enum(['PRACTICE', 'POST_TEST', 'MOCK_EXAM'], {
    error: 'Choose practice, post-test or mock exam.',
  }),
  passPercent: z
    .number({ error: 'Enter the pass mark in percent.' })
    .int('The pass mark is a whole percent.')
    .min(1, 'The pass mark is at least 1%.')
    .max(100, 'The pass mark is at most 100%.'),
  timeLimitMinutes: z
    .number()
    .int('The time limit is whole minutes.')
    .min(1, 'The time limit is at least 1 minute (leave it empty for untimed).')
    .max(
      QUIZ_LIMITS.timeLimitMinutes,
      `The time limit is at most ${QUIZ_LIMITS.timeLimitMinutes} minutes.`,
    )
    .nullish()
    .transform((value) => value ?? null),
  maxAttempts: z
    .number()
    .int('Attempts are a whole number.')
    .min(1, 'Allow at least 1 attempt (leave it empty for unlimited).')
    .max(
      QUIZ_LIMITS.maxAttempts,
      `Allow at most ${QUIZ_LIMITS.maxAttempts} attempts, or leave it empty for unlimited.`,
    )
    .nullish()
    .transform((value) => value ?? null),
  questionsPerAttempt: z
    .number()
    .int('Questions per attempt is a whole number.')
    .min(1, 'Draw at least 1 question (leave it empty to use the whole pool).')
    .nullish()
    .transform((value) => value ?? null),
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  allowReview: z.boolean().default(true),
});

export type QuizSettingsInput = z.input<typeof quizSettingsSchema>;
export type QuizSettings = z.output<typeof quizSettingsSchema>;

const optionSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Enter the option text.')
    .max(QUIZ_LIMITS.optionText, `Options are at most ${QUIZ_LIMITS.optionText} characters.`),
  correct: z.boolean().default(false),
});

export const questionSchema = z
  .object({
    type: z.enum(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_TEXT', 'CODE_SET'], {
      error: 'Choose a question type.',
    }),
    prompt: z
      .string()
      .trim()
      .min(1, 'Enter the question.')
      .refine((text) => bytes(text) <= QUIZ_LIMITS.promptBytes, {
        message: `The question is at most ${QUIZ_LIMITS.promptBytes / 1024} KB.`,
      }),
    rationale: z
      .string()
      .trim()
      .default('')
      .refine((text) => bytes(text) <= QUIZ_LIMITS.rationaleBytes, {
        message: `The rationale is at most ${QUIZ_LIMITS.rationaleBytes / 1024} KB.`,
      }),
    area: z.enum(EXAM_AREA_ORDER, { error: 'Choose an exam area.' }).default('GENERAL'),
    codeSetYear: z
      .number()
      .int('The code-set year is a year, like 2027.')
      .min(2015, 'The code-set year is 2015 or later (ICD-10 began in October 2015).')
      .max(2100, 'The code-set year is at most 2100.')
      .nullish()
      .transform((value) => value ?? null),
    points: z
      .number({ error: 'Enter the points.' })
      .int('Points are whole numbers.')
      .min(1, 'A question is worth at least 1 point.')
      .max(10, 'A question is worth at most 10 points.')
      .default(1),
    options: z
      .array(optionSchema)
      .max(
        QUIZ_LIMITS.optionsPerQuestion,
        `A question has at most ${QUIZ_LIMITS.optionsPerQuestion} options.`,
      )
      .nullish()
      .transform((value) => value ?? []),
    trueFalseAnswer: z.boolean().nullish(),
    acceptedAnswers: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'Accepted answers cannot be empty.')
          .max(
            QUIZ_LIMITS.acceptedAnswerLength,
            `Accepted answers are at most ${QUIZ_LIMITS.acceptedAnswerLength} characters.`,
          ),
      )
      .max(QUIZ_LIMITS.acceptedAnswers, `At most ${QUIZ_LIMITS.acceptedAnswers} accepted answers.`)
      .nullish()
      .transform((value) => value ?? []),
    codeSystem: z
      .enum(['ICD10CM', 'ICD10PCS', 'HCPCS'], { error: 'Choose ICD-10-CM, ICD-10-PCS or HCPCS.' })
      .nullish(),
    codeSetReleaseId: z
      .uuid('Choose a code-set release from the list.')
      .nullish()
      .transform((value) => value ?? null),
    answerCodes: z
      .array(z.string().trim())
      .max(QUIZ_LIMITS.answerCodes, `At most ${QUIZ_LIMITS.answerCodes} answer codes.`)
      .nullish()
      .transform((value) => value ?? []),
  })
  .superRefine((question, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    const correctCount = question.options.filter((option) => option.correct).length;
    switch (question.type) {
      case 'SINGLE_CHOICE':
        if (question.options.length < 2)
          issue('options', 'A single-choice question needs at least 2 options.');
        else if (correctCount !== 1) issue('options', 'Mark exactly one option as correct.');
        break;
      case 'MULTIPLE_CHOICE':
        if (question.options.length < 2)
          issue('options', 'A multiple-choice question needs at least 2 options.');
        else if (correctCount < 1) issue('options', 'Mark at least one option as correct.');
        break;
      case 'TRUE_FALSE':
        if (question.trueFalseAnswer === null || question.trueFalseAnswer === undefined) {
          issue('trueFalseAnswer', 'Say whether the statement is true or false.');
        }
        break;
      case 'SHORT_TEXT':
        if (question.acceptedAnswers.length === 0)
          issue('acceptedAnswers', 'Enter at least one accepted answer.');
        break;
      case 'CODE_SET': {
        if (!question.codeSystem) {
          issue('codeSystem', 'Choose the code system of the answer codes.');
          break;
        }
        if (question.answerCodes.length === 0) {
          issue('answerCodes', 'Enter at least one answer code.');
          break;
        }
        const seen = new Set<string>();
        for (const code of question.answerCodes) {
          const problem = codeProblem(question.codeSystem, code);
          if (problem) issue('answerCodes', problem);
          else if (seen.has(codeKey(code))) issue('answerCodes', `${code} is listed twice.`);
          seen.add(codeKey(code));
        }
        break;
      }
    }
  })
  .transform((question) => ({
    ...question,
    answerCodes: question.codeSystem
      ? question.answerCodes.map((code) => displayCode(question.codeSystem!, code))
      : [],
  }));

export type QuestionInput = z.input<typeof questionSchema>;
export type ParsedQuestion = z.output<typeof questionSchema>;
