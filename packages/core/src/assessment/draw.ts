import { randomInt } from 'node:crypto';
import type { ExamArea, QuizMode } from '@lms/db';

/** Every exam area, in the order of a mock exam's sections (the enum's order); the quiz schema accepts these. */
export const EXAM_AREA_ORDER = [
  'GENERAL',
  'EVALUATION_AND_MANAGEMENT',
  'ANESTHESIA',
  'SURGERY',
  'RADIOLOGY',
  'PATHOLOGY_AND_LABORATORY',
  'MEDICINE',
  'MEDICAL_TERMINOLOGY',
  'ANATOMY',
  'ICD10CM_GUIDELINES',
  'HCPCS_LEVEL_II',
  'COMPLIANCE_AND_REGULATORY',
] as const satisfies readonly ExamArea[];

export type RandomInt = (maxExclusive: number) => number;
const secureRandom: RandomInt = (max) => randomInt(max);

export function shuffle<T>(items: readonly T[], random: RandomInt = secureRandom): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function sample<T>(items: readonly T[], count: number, random: RandomInt): T[] {
  return shuffle(items, random).slice(0, count);
}

export interface DrawableQuestion {
  id: string;
  position: number;
  area: ExamArea;
  type: string;
  optionIds: string[];
}

export interface DrawSettings {
  mode: QuizMode;
  questionsPerAttempt: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export interface Draw {
  questionIds: string[];
  optionOrder: Record<string, string[]>;
}

/**
 * Splits `count` over groups in proportion to their sizes (largest remainder, ties to the
 * earlier group), never giving a group more than it has.
 */
export function proportionalQuotas(sizes: number[], count: number): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return sizes.map(() => 0);
  const exact = sizes.map((size) => (size * count) / total);
  const quotas = exact.map((value) => Math.floor(value));
  let left = count - quotas.reduce((sum, quota) => sum + quota, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    if (quotas[index]! < sizes[index]!) {
      quotas[index]! += 1;
      left -= 1;
    }
  }
  return quotas;
}

/**
 * Draws the questions of a new attempt from the pool: a random sample of questionsPerAttempt
 * (all when null); for a mock exam, proportionally per exam area and grouped by area into
 * sections. Fixes each question's option order (True/False keeps its order).
 */
export function drawAttempt(
  pool: DrawableQuestion[],
  settings: DrawSettings,
  random: RandomInt = secureRandom,
): Draw {
  const ordered = [...pool].sort((a, b) => a.position - b.position);
  const count = Math.min(settings.questionsPerAttempt ?? ordered.length, ordered.length);
  const arrange = (items: DrawableQuestion[]) =>
    settings.shuffleQuestions
      ? shuffle(items, random)
      : items.sort((a, b) => a.position - b.position);

  let drawn: DrawableQuestion[];
  if (settings.mode === 'MOCK_EXAM') {
    const areas = EXAM_AREA_ORDER.map((area) => ordered.filter((q) => q.area === area));
    const quotas = proportionalQuotas(
      areas.map((questions) => questions.length),
      count,
    );
    drawn = areas.flatMap((questions, index) => arrange(sample(questions, quotas[index]!, random)));
  } else {
    const chosen = count < ordered.length ? sample(ordered, count, random) : ordered;
    drawn = arrange([...chosen]);
  }
  const optionOrder: Record<string, string[]> = {};
  for (const question of drawn) {
    optionOrder[question.id] =
      settings.shuffleOptions && question.type !== 'TRUE_FALSE'
        ? shuffle(question.optionIds, random)
        : [...question.optionIds];
  }
  return { questionIds: drawn.map((q) => q.id), optionOrder };
}
