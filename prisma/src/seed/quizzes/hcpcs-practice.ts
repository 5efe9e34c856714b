import type { DemoQuiz } from '../types';

/** Practice quiz of the HCPCS Level II course: untimed, unlimited attempts. */
export const hcpcsPracticeQuiz: DemoQuiz = {
  mode: 'PRACTICE',
  passPercent: 70,
  shuffleQuestions: false,
  questions: [
    {
      type: 'CODE_SET',
      area: 'HCPCS_LEVEL_II',
      codeSystem: 'HCPCS',
      codeSetYear: 2027,
      prompt:
        'A supplier dispenses a pair of **adjustable underarm crutches made of aluminum**, with pads, tips and handgrips. Enter the HCPCS Level II code.',
      answerCodes: ['E0114'],
      rationale:
        '**E0114**: crutches, underarm, other than wood, adjustable or fixed, pair, with pads, tips and handgrips.',
    },
    {
      type: 'CODE_SET',
      area: 'HCPCS_LEVEL_II',
      codeSystem: 'HCPCS',
      codeSetYear: 2027,
      points: 2,
      prompt:
        'A patient on insulin receives **home blood glucose test strips** and is given a **seasonal flu shot** (Medicare) at the same visit. Enter the HCPCS Level II codes for the strips and for the vaccine administration.',
      answerCodes: ['A4253', 'G0008'],
      rationale:
        '**A4253** (test strips, per 50) and **G0008** (administration of influenza virus vaccine).',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'HCPCS_LEVEL_II',
      prompt: 'HCPCS Level II codes that begin with **J** mainly describe:',
      options: [
        { text: 'Drugs administered other than by the oral method', correct: true },
        { text: 'Durable medical equipment' },
        { text: 'Orthotic procedures and devices' },
        { text: 'Temporary national codes' },
      ],
      rationale:
        'J codes cover drugs administered other than oral method (and chemotherapy drugs). E is DME, L orthotics/prosthetics.',
    },
    {
      type: 'MULTIPLE_CHOICE',
      area: 'HCPCS_LEVEL_II',
      points: 2,
      prompt:
        'Which HCPCS Level II modifiers identify the **side of the body**? Select all that apply.',
      options: [
        { text: 'RT', correct: true },
        { text: 'LT', correct: true },
        { text: 'GA' },
        { text: 'KX' },
      ],
      rationale:
        '**RT** and **LT** identify right and left. GA says a waiver of liability is on file; KX that requirements in the medical policy are met.',
    },
    {
      type: 'TRUE_FALSE',
      area: 'HCPCS_LEVEL_II',
      prompt:
        'The HCPCS Level II **D codes** (dental procedures) are maintained by the American Dental Association.',
      options: [
        { text: 'True', correct: true },
        { text: 'False', correct: false },
      ],
      rationale:
        'True: the D codes are the ADA’s CDT codes and are copyrighted, which is why this course does not reproduce them.',
    },
    {
      type: 'SHORT_TEXT',
      area: 'HCPCS_LEVEL_II',
      prompt:
        'HCPCS Level II codes that begin with **E** describe what category of items? (An abbreviation is fine.)',
      acceptedAnswers: ['durable medical equipment', 'DME'],
      rationale:
        'E codes are **durable medical equipment** (DME): canes, crutches, walkers, hospital beds and the like.',
    },
  ],
};
