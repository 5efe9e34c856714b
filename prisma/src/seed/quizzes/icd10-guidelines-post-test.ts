import { trueFalseOptions } from '../../factories';
import type { DemoQuiz } from '../types';

/** Post-test of the ICD-10-CM guidelines CE course: 10 items, 8 drawn, pass at 70 %, 3 attempts. */
export const icd10GuidelinesPostTest: DemoQuiz = {
  mode: 'POST_TEST',
  passPercent: 70,
  maxAttempts: 3,
  questionsPerAttempt: 8,
  timeLimitMinutes: 30,
  questions: [
    {
      type: 'CODE_SET',
      area: 'ICD10CM_GUIDELINES',
      codeSystem: 'ICD10CM',
      codeSetYear: 2027,
      points: 2,
      prompt:
        'A patient with **type 2 diabetes mellitus without complications** is seen for a medication review. The provider documents that the patient injects insulin daily. Enter every ICD-10-CM code to report.',
      answerCodes: ['E11.9', 'Z79.4'],
      rationale:
        'Type 2 diabetes without complications is **E11.9**. When a type 2 diabetic routinely uses insulin, add **Z79.4** (long-term (current) use of insulin) (Section I.C.4.a.3).',
    },
    {
      type: 'CODE_SET',
      area: 'ICD10CM_GUIDELINES',
      codeSystem: 'ICD10CM',
      codeSetYear: 2027,
      prompt:
        'Follow-up visit for **essential hypertension**, well controlled. No heart or kidney involvement is documented. Enter the ICD-10-CM code.',
      answerCodes: ['I10'],
      rationale:
        'Essential (primary) hypertension without heart or kidney involvement is reported with **I10**.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'ICD10CM_GUIDELINES',
      prompt: 'What does the abbreviation **NEC** mean in the ICD-10-CM Tabular List?',
      options: [
        { text: 'Not elsewhere classifiable', correct: true },
        { text: 'Not otherwise specified' },
        { text: 'No evidence of condition' },
        { text: 'Nonessential code' },
      ],
      rationale:
        '**NEC** (not elsewhere classifiable) means the record is specific but the classification has no specific code. **NOS** means unspecified (Section I.A.9).',
    },
    {
      type: 'TRUE_FALSE',
      area: 'ICD10CM_GUIDELINES',
      prompt:
        'In the **outpatient** setting, a diagnosis documented as “probable” is coded as if it were established.',
      options: trueFalseOptions(false),
      rationale:
        'False. Section IV.H: do not code diagnoses documented as probable, suspected, questionable or rule out in outpatient encounters; code the condition to the highest degree of certainty, such as the signs and symptoms.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'ICD10CM_GUIDELINES',
      prompt: 'An **Excludes1** note under a code means:',
      options: [
        {
          text: 'The two conditions are mutually exclusive and are never coded together',
          correct: true,
        },
        { text: 'The excluded condition is not part of the code, but both may be coded' },
        { text: 'The excluded condition must be sequenced first' },
        { text: 'The code may only be used as a secondary diagnosis' },
      ],
      rationale:
        'Excludes1 is a pure excludes note: “NOT CODED HERE”. The two conditions cannot be reported together (apart from the documented exception when they are unrelated). Excludes2 means “not included here”, and both may be coded.',
    },
    {
      type: 'MULTIPLE_CHOICE',
      area: 'ICD10CM_GUIDELINES',
      points: 2,
      prompt:
        'For which conditions does ICD-10-CM **presume a causal relationship** with hypertension, even when the provider does not link them? Select all that apply.',
      options: [
        { text: 'Heart failure', correct: true },
        { text: 'Chronic kidney disease', correct: true },
        { text: 'Type 2 diabetes mellitus' },
        { text: 'Asthma' },
      ],
      rationale:
        'Section I.C.9.a presumes a link between hypertension and heart involvement (I11.-) and chronic kidney disease (I12.-) because of the “with” convention. Diabetes and asthma are not presumed to be caused by hypertension.',
    },
    {
      type: 'CODE_SET',
      area: 'ICD10CM_GUIDELINES',
      codeSystem: 'ICD10CM',
      codeSetYear: 2027,
      prompt:
        'Emergency department visit for a **closed fracture of the lower end of the right radius**, type not specified, while the patient receives active treatment. Enter the injury code (no external cause codes).',
      answerCodes: ['S52.501A'],
      rationale:
        '**S52.501A**: unspecified fracture of the lower end of the right radius; 7th character **A** for the initial encounter (active treatment) of a closed fracture.',
    },
    {
      type: 'SHORT_TEXT',
      area: 'ICD10CM_GUIDELINES',
      prompt:
        'Which 7th character is assigned to an injury code while the patient is receiving **active treatment** for the condition? Type the character.',
      acceptedAnswers: ['A', 'A initial encounter', 'initial encounter'],
      rationale:
        '**A**, initial encounter, is used for each encounter where the patient receives active treatment (Section I.C.19.a), not only the first visit.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'ICD10CM_GUIDELINES',
      prompt:
        'A patient returns for **routine healing** of a fracture after active treatment is complete. Which 7th character applies?',
      options: [{ text: 'A' }, { text: 'D', correct: true }, { text: 'S' }, { text: 'P' }],
      rationale:
        '**D**, subsequent encounter with routine healing, is for encounters after active treatment, during the healing or recovery phase. S is for sequelae; P is subsequent encounter with malunion.',
    },
    {
      type: 'TRUE_FALSE',
      area: 'ICD10CM_GUIDELINES',
      prompt:
        'Signs and symptoms that are **routinely associated** with a disease process should not be assigned as additional codes unless the classification instructs otherwise.',
      options: trueFalseOptions(true),
      rationale:
        'True. Section I.B.5: integral signs and symptoms are not coded separately; those not routinely associated with the condition may be.',
    },
  ],
};
