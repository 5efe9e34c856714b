import { type TeachQuiz, type TeachQuizQuestion } from '../../utils/quiz-form';

export type Quiz = TeachQuiz;

export type Question = TeachQuizQuestion;
