import { describe, expect, it } from 'vitest';
import {
  codeKey,
  codeProblem,
  currentCodeSetYear,
  displayCode,
  isStaleCodeSetYear,
  parseCodes,
} from '../codesets/codes';
import { drawAttempt, proportionalQuotas } from './draw';
import { questionSchema } from './quiz-schemas';
import {
  normalizeText,
  percentOf,
  scoreAnswer,
  scoreCodeSet,
  scoreMultipleChoice,
} from './scoring';

describe('parseCodes (learner input → a set of codes)', () => {
  it('normalises case, dots, spaces, commas, semicolons and newlines', () => {
    const parsed = parseCodes('ICD10CM', 'e11.9, I10 ;z79.4');
    expect(parsed).toEqual({ codes: ['E11.9', 'I10', 'Z79.4'], malformed: [] });
    expect(new Set(parsed.codes.map(codeKey))).toEqual(new Set(['E119', 'I10', 'Z794']));
  });

  it('treats the ICD-10-CM dot as optional and collapses duplicates', () => {
    expect(parseCodes('ICD10CM', 'E119\nE11.9\r\n  e11.9;;;i10').codes).toEqual(['E11.9', 'I10']);
    expect(parseCodes('ICD10CM', 's52501a').codes).toEqual(['S52.501A']);
  });

  it('is order-insensitive for scoring', () => {
    const a = parseCodes('ICD10CM', 'I10 E11.9').codes;
    const b = parseCodes('ICD10CM', 'e119,i10').codes;
    expect(scoreCodeSet(['E11.9', 'I10'], a, 2)).toEqual(scoreCodeSet(['E11.9', 'I10'], b, 2));
  });

  it('lists malformed tokens', () => {
    expect(parseCodes('ICD10CM', 'E11.9 U07.1 E1 11.9 E11.99999').malformed).toEqual([
      'E1',
      '11.9',
      'E11.99999',
    ]);
    expect(parseCodes('HCPCS', 'e0114 J1100 D0000 E011').malformed).toEqual(['D0000', 'E011']);
    expect(parseCodes('ICD10PCS', '0dtj4zz 0DTJ4ZI 0DTJ4Z').malformed).toEqual([
      '0DTJ4ZI',
      '0DTJ4Z',
    ]);
    expect(parseCodes('ICD10PCS', '0dtj4zz').codes).toEqual(['0DTJ4ZZ']);
  });

  it('returns nothing for blank input', () => {
    expect(parseCodes('HCPCS', '  ,; \n')).toEqual({ codes: [], malformed: [] });
  });
});

describe('codeProblem (authoring)', () => {
  it('accepts ICD-10-CM, ICD-10-PCS and HCPCS Level II formats', () => {
    for (const code of ['E11.9', 'I10', 'S52.501A', 'Z79.4', 'e119'])
      expect(codeProblem('ICD10CM', code)).toBeNull();
    // Chapter 22 (codes for special purposes): COVID-19, vaping-related disorder, post COVID-19.
    for (const code of ['U07.1', 'U07.0', 'U09.9', 'u071'])
      expect(codeProblem('ICD10CM', code)).toBeNull();
    expect(parseCodes('ICD10CM', 'u07.1 U09.9').codes).toEqual(['U07.1', 'U09.9']);
    for (const code of ['0DTJ4ZZ', '02HV33Z']) expect(codeProblem('ICD10PCS', code)).toBeNull();
    for (const code of ['E0114', 'J1100', 'A4253', 'G0008'])
      expect(codeProblem('HCPCS', code)).toBeNull();
  });

  it('refuses five-digit numeric codes as CPT in every system', () => {
    for (const system of ['ICD10CM', 'ICD10PCS', 'HCPCS'] as const) {
      expect(codeProblem(system, '12345')).toMatch(/CPT content is not allowed/);
    }
    expect(codeProblem('HCPCS', '0000F')).toMatch(/CPT content is not allowed/);
  });

  it('refuses HCPCS dental D-codes (ADA) and malformed codes', () => {
    expect(codeProblem('HCPCS', 'D0000')).toMatch(/ADA/);
    expect(codeProblem('HCPCS', 'W1234')).toMatch(/not a valid HCPCS Level II code/);
    expect(codeProblem('ICD10CM', 'U7.1')).toMatch(/not a valid ICD-10-CM code/);
    expect(codeProblem('ICD10CM', 'U99.1')).toMatch(/not a valid ICD-10-CM code/);
    // CPT-shaped and dental codes stay refused.
    expect(codeProblem('ICD10CM', '0000U')).toMatch(/not a valid ICD-10-CM code/);
    expect(codeProblem('HCPCS', 'D9999')).toMatch(/ADA/);
    expect(codeProblem('ICD10PCS', '0DTJ4ZO')).toMatch(/not a valid ICD-10-PCS code/);
  });

  it('shows ICD-10-CM codes with their dot', () => {
    expect(displayCode('ICD10CM', 'z794')).toBe('Z79.4');
    expect(displayCode('ICD10CM', 'i10')).toBe('I10');
    expect(displayCode('HCPCS', 'j1100')).toBe('J1100');
  });
});

describe('scoreCodeSet (partial credit)', () => {
  const key = ['E11.9', 'I10', 'Z79.4'];
  it('full marks for the exact set, in any order and form', () => {
    expect(scoreCodeSet(key, ['z794', 'E119', 'i10'], 3)).toEqual({ points: 3, correct: true });
  });
  it('credits each hit', () => {
    expect(scoreCodeSet(key, ['E11.9', 'I10'], 3)).toEqual({ points: 2, correct: false });
    expect(scoreCodeSet(key, ['E11.9'], 3)).toEqual({ points: 1, correct: false });
  });
  it('a wrong extra code costs as much as a missing one', () => {
    expect(scoreCodeSet(key, ['E11.9', 'I10', 'Z79.4', 'E78.5'], 3)).toEqual({
      points: 2,
      correct: false,
    });
    expect(scoreCodeSet(key, ['E11.9', 'I10', 'E78.5'], 3)).toEqual({ points: 1, correct: false });
  });
  it('never goes below zero', () => {
    expect(scoreCodeSet(key, ['E78.5', 'J45.909', 'R05.9', 'E11.9'], 3)).toEqual({
      points: 0,
      correct: false,
    });
    expect(scoreCodeSet(key, [], 3)).toEqual({ points: 0, correct: false });
  });
  it('rounds fractions to three decimals', () => {
    expect(scoreCodeSet(key, ['E11.9'], 1).points).toBe(0.333);
  });
});

describe('scoreMultipleChoice (per option)', () => {
  const options = [
    { id: 'a', correct: true },
    { id: 'b', correct: true },
    { id: 'c', correct: false },
    { id: 'd', correct: false },
  ];
  it('full marks for exactly the correct options', () => {
    expect(scoreMultipleChoice(options, ['b', 'a'], 2)).toEqual({ points: 2, correct: true });
  });
  it('ticking every option scores less than 100%', () => {
    const all = scoreMultipleChoice(options, ['a', 'b', 'c', 'd'], 2);
    expect(all.points).toBeLessThan(2);
    expect(all).toEqual({ points: 0, correct: false });
    const threeOfFour = scoreMultipleChoice(options, ['a', 'b', 'c'], 2);
    expect(threeOfFour).toEqual({ points: 1, correct: false });
  });
  it('half of the correct options scores half', () => {
    expect(scoreMultipleChoice(options, ['a'], 2)).toEqual({ points: 1, correct: false });
  });
  it('wrong choices only: zero', () => {
    expect(scoreMultipleChoice(options, ['c', 'd'], 2)).toEqual({ points: 0, correct: false });
  });
});

describe('scoreAnswer', () => {
  const base = { points: 2, options: [], acceptedAnswers: [], answerCodes: [] };
  it('single choice and true/false are all-or-nothing', () => {
    const question = {
      ...base,
      type: 'SINGLE_CHOICE' as const,
      options: [
        { id: 'a', correct: false },
        { id: 'b', correct: true },
      ],
    };
    expect(scoreAnswer(question, { optionIds: ['b'] })).toEqual({ points: 2, correct: true });
    expect(scoreAnswer(question, { optionIds: ['a'] })).toEqual({ points: 0, correct: false });
    expect(scoreAnswer(question, { optionIds: ['a', 'b'] })).toEqual({ points: 0, correct: false });
    expect(scoreAnswer({ ...question, type: 'TRUE_FALSE' }, { optionIds: ['b'] })).toEqual({
      points: 2,
      correct: true,
    });
    expect(scoreAnswer(question, null)).toEqual({ points: 0, correct: false });
  });
  it('short text compares trimmed, collapsed, case-folded', () => {
    const question = {
      ...base,
      type: 'SHORT_TEXT' as const,
      acceptedAnswers: ['Excludes1 note', 'Excludes 1'],
    };
    expect(scoreAnswer(question, { text: '  excludes1   NOTE ' })).toEqual({
      points: 2,
      correct: true,
    });
    expect(scoreAnswer(question, { text: 'EXCLUDES\t1' })).toEqual({ points: 2, correct: true });
    expect(scoreAnswer(question, { text: 'Excludes2' })).toEqual({ points: 0, correct: false });
    expect(scoreAnswer(question, { text: '   ' })).toEqual({ points: 0, correct: false });
    expect(normalizeText(' A \n b ')).toBe('a b');
  });
  it('code sets use the saved codes', () => {
    const question = { ...base, type: 'CODE_SET' as const, answerCodes: ['E0114', 'A4253'] };
    expect(scoreAnswer(question, { text: 'a4253 e0114', codes: ['A4253', 'E0114'] })).toEqual({
      points: 2,
      correct: true,
    });
  });
  it('percent has two decimals', () => {
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(7, 10)).toBe(70);
  });
});

describe('drawAttempt', () => {
  const pool = Array.from({ length: 20 }, (_, index) => ({
    id: `q${index + 1}`,
    position: index + 1,
    area: (['SURGERY', 'RADIOLOGY', 'HCPCS_LEVEL_II', 'ICD10CM_GUIDELINES'] as const)[index % 4]!,
    type: 'SINGLE_CHOICE',
    optionIds: [`q${index + 1}a`, `q${index + 1}b`, `q${index + 1}c`],
  }));
  const settings = {
    mode: 'PRACTICE' as const,
    questionsPerAttempt: 8,
    shuffleQuestions: true,
    shuffleOptions: true,
  };

  it('draws a random sample of the requested size with each option order fixed', () => {
    const draw = drawAttempt(pool, settings);
    expect(draw.questionIds).toHaveLength(8);
    expect(new Set(draw.questionIds).size).toBe(8);
    for (const id of draw.questionIds) {
      expect([...draw.optionOrder[id]!].sort()).toEqual([`${id}a`, `${id}b`, `${id}c`]);
    }
  });

  it('keeps positions when nothing is shuffled and everything is drawn', () => {
    const draw = drawAttempt(pool, {
      ...settings,
      questionsPerAttempt: null,
      shuffleQuestions: false,
      shuffleOptions: false,
    });
    expect(draw.questionIds).toEqual(pool.map((q) => q.id));
    expect(draw.optionOrder.q1).toEqual(['q1a', 'q1b', 'q1c']);
  });

  it('mock exams draw proportionally per area, grouped into sections', () => {
    const draw = drawAttempt(pool, { ...settings, mode: 'MOCK_EXAM', questionsPerAttempt: 12 });
    const areas = draw.questionIds.map((id) => pool.find((q) => q.id === id)!.area);
    expect(areas).toEqual([
      ...Array(3).fill('SURGERY'),
      ...Array(3).fill('RADIOLOGY'),
      ...Array(3).fill('ICD10CM_GUIDELINES'),
      ...Array(3).fill('HCPCS_LEVEL_II'),
    ]);
  });

  it('splits quotas by largest remainder without exceeding a group', () => {
    expect(proportionalQuotas([5, 3, 2], 5)).toEqual([3, 1, 1]);
    expect(proportionalQuotas([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(proportionalQuotas([4, 0], 4)).toEqual([4, 0]);
    expect(proportionalQuotas([10, 10, 10, 10, 10], 20)).toEqual([4, 4, 4, 4, 4]);
  });
});

describe('questionSchema', () => {
  const fieldsOf = (input: unknown) => {
    const result = questionSchema.safeParse(input);
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };
  it('names the field of every rule', () => {
    expect(
      fieldsOf({ type: 'SINGLE_CHOICE', prompt: 'Q', options: [{ text: 'A', correct: true }] }),
    ).toHaveProperty('options');
    expect(
      fieldsOf({
        type: 'SINGLE_CHOICE',
        prompt: 'Q',
        options: [
          { text: 'A', correct: true },
          { text: 'B', correct: true },
        ],
      }),
    ).toEqual({ options: 'Mark exactly one option as correct.' });
    expect(
      fieldsOf({ type: 'MULTIPLE_CHOICE', prompt: 'Q', options: [{ text: 'A' }, { text: 'B' }] }),
    ).toHaveProperty('options');
    expect(fieldsOf({ type: 'TRUE_FALSE', prompt: 'Q' })).toHaveProperty('trueFalseAnswer');
    expect(fieldsOf({ type: 'SHORT_TEXT', prompt: 'Q' })).toHaveProperty('acceptedAnswers');
    expect(fieldsOf({ type: 'CODE_SET', prompt: 'Q', answerCodes: ['E11.9'] })).toHaveProperty(
      'codeSystem',
    );
    expect(
      fieldsOf({ type: 'CODE_SET', prompt: 'Q', codeSystem: 'HCPCS', answerCodes: ['12345'] })
        .answerCodes,
    ).toMatch(/CPT content is not allowed/);
    expect(
      fieldsOf({ type: 'CODE_SET', prompt: 'Q', codeSystem: 'HCPCS', answerCodes: ['D0000'] })
        .answerCodes,
    ).toMatch(/ADA/);
    expect(
      fieldsOf({ type: 'SHORT_TEXT', prompt: 'x'.repeat(21 * 1024), acceptedAnswers: ['a'] }),
    ).toHaveProperty('prompt');
    expect(
      fieldsOf({ type: 'SHORT_TEXT', prompt: 'Q', acceptedAnswers: ['a'], points: 11 }),
    ).toHaveProperty('points');
    expect(
      fieldsOf({ type: 'SHORT_TEXT', prompt: 'Q', acceptedAnswers: ['a'], points: 0 }),
    ).toHaveProperty('points');
  });
  it('stores answer codes in display form', () => {
    const parsed = questionSchema.parse({
      type: 'CODE_SET',
      prompt: 'Q',
      codeSystem: 'ICD10CM',
      answerCodes: ['e119', 'i10'],
    });
    expect(parsed.answerCodes).toEqual(['E11.9', 'I10']);
  });
});

describe('HCPCS Level II modifiers', () => {
  it('accepts modifiers after hyphens and compares them in any order', () => {
    const parsed = parseCodes('HCPCS', 'e0114-nu, E0114-RR-NU');
    expect(parsed.malformed).toEqual([]);
    expect(parsed.codes.map(codeKey)).toEqual(['E0114-NU', 'E0114-NU-RR']);
    expect(codeKey('E0114-RR-NU')).toBe(codeKey('E0114-NU-RR'));
  });

  it('treats a modifier as part of the answer: a missing or extra modifier is a different code', () => {
    expect(scoreCodeSet(['E0114-NU'], ['E0114-NU'], 2)).toEqual({ points: 2, correct: true });
    expect(scoreCodeSet(['E0114-NU'], ['E0114'], 2)).toEqual({ points: 0, correct: false });
    expect(scoreCodeSet(['E0114'], ['E0114-RR'], 2)).toEqual({ points: 0, correct: false });
  });

  it('refuses two-digit numeric modifiers as CPT content, and malformed ones', () => {
    expect(codeProblem('HCPCS', 'E0114-59')).toMatch(/CPT content is not allowed/);
    expect(codeProblem('HCPCS', 'E0114-N')).toMatch(/not a valid HCPCS Level II code/);
    expect(codeProblem('HCPCS', 'E0114-NUX')).toMatch(/not a valid HCPCS Level II code/);
    expect(codeProblem('HCPCS', 'E0114-E1')).toBeNull();
    expect(codeProblem('ICD10CM', 'E11.9-NU')).toMatch(/not a valid ICD-10-CM code/);
  });
});

describe('code-set years', () => {
  it('names ICD-10 years by fiscal year (from October 1) and HCPCS by calendar year', () => {
    expect(currentCodeSetYear('ICD10CM', new Date('2026-09-30T23:59:59Z'))).toBe(2026);
    expect(currentCodeSetYear('ICD10CM', new Date('2026-10-01T00:00:00Z'))).toBe(2027);
    expect(currentCodeSetYear('ICD10PCS', new Date('2026-11-27T00:00:00Z'))).toBe(2027);
    expect(currentCodeSetYear('HCPCS', new Date('2026-11-27T00:00:00Z'))).toBe(2026);
  });

  it('flags items written for an older year, and only those', () => {
    const now = new Date('2026-11-27T00:00:00Z');
    expect(isStaleCodeSetYear({ codeSetYear: 2026, codeSystem: 'ICD10CM' }, now)).toBe(true);
    expect(isStaleCodeSetYear({ codeSetYear: 2027, codeSystem: 'ICD10CM' }, now)).toBe(false);
    expect(isStaleCodeSetYear({ codeSetYear: 2026, codeSystem: 'HCPCS' }, now)).toBe(false);
    expect(isStaleCodeSetYear({ codeSetYear: null, codeSystem: 'ICD10CM' }, now)).toBe(false);
  });
});
