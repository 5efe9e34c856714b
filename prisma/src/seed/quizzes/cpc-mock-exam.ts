import { trueFalseOptions } from '../../factories';
import type { DemoQuiz } from '../types';

/** A short timed mock exam: 20 questions across 6 exam areas in 30 minutes. */
export const cpcMockExam: DemoQuiz = {
  mode: 'MOCK_EXAM',
  passPercent: 70,
  timeLimitMinutes: 30,
  shuffleQuestions: true,
  shuffleOptions: true,
  questions: [
    // ICD-10-CM guidelines
    {
      type: 'CODE_SET',
      area: 'ICD10CM_GUIDELINES',
      codeSystem: 'ICD10CM',
      codeSetYear: 2027,
      points: 2,
      prompt:
        'Patient with **type 2 diabetes** and **diabetic chronic kidney disease, stage 3a**. Enter every ICD-10-CM code to report.',
      answerCodes: ['E11.22', 'N18.31'],
      rationale:
        'The combination code **E11.22** (type 2 diabetes with diabetic CKD) carries a “use additional code” note for the stage: **N18.31** (CKD stage 3a).',
    },
    {
      type: 'CODE_SET',
      area: 'ICD10CM_GUIDELINES',
      codeSystem: 'ICD10CM',
      codeSetYear: 2027,
      points: 2,
      prompt:
        'Patient with **hypertension** and **heart failure**; the type of heart failure is not documented. Enter every ICD-10-CM code to report.',
      answerCodes: ['I11.0', 'I50.9'],
      rationale:
        'Hypertension with heart failure is presumed linked: **I11.0** (hypertensive heart disease with heart failure), plus **I50.9** to identify the heart failure (Section I.C.9.a.1).',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'ICD10CM_GUIDELINES',
      prompt: 'A **“code first”** note in the Tabular List tells you that:',
      options: [
        { text: 'An underlying condition is sequenced before this code', correct: true },
        { text: 'This code must always be listed first' },
        { text: 'The code cannot be reported in the outpatient setting' },
        { text: 'A 7th character is required' },
      ],
      rationale:
        '“Code first” appears at manifestation codes and signals the etiology/manifestation convention: the underlying condition is sequenced first (Section I.A.13).',
    },
    {
      type: 'TRUE_FALSE',
      area: 'ICD10CM_GUIDELINES',
      prompt:
        'Certain **Z codes** may be reported as the first-listed diagnosis in outpatient encounters.',
      options: trueFalseOptions(true),
      rationale:
        'True. Section I.C.21 lists Z codes that may only be principal/first-listed (e.g. Z00.00 general adult examination) and others that may be first-listed depending on the circumstances.',
    },
    // HCPCS Level II
    {
      type: 'CODE_SET',
      area: 'HCPCS_LEVEL_II',
      codeSystem: 'HCPCS',
      codeSetYear: 2027,
      prompt:
        'A clinic injects **4 mg of dexamethasone sodium phosphate**. Enter the HCPCS Level II drug code (units are not part of this answer).',
      answerCodes: ['J1100'],
      rationale: '**J1100** is dexamethasone sodium phosphate, 1 mg: report it with 4 units.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'HCPCS_LEVEL_II',
      prompt:
        'A patient receives a pair of **adjustable aluminum underarm crutches** with pads, tips and handgrips. Which HCPCS Level II code applies?',
      options: [
        { text: 'E0114', correct: true },
        { text: 'E0112' },
        { text: 'E0110' },
        { text: 'E0100' },
      ],
      rationale:
        '**E0114**: crutches, underarm, other than wood, adjustable or fixed, pair, with pads, tips and handgrips. E0112 is the wooden version, E0110 forearm crutches, E0100 a cane.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'HCPCS_LEVEL_II',
      prompt:
        'Home blood glucose test strips are reported with **A4253, per 50 strips**. How many units are reported for a box of 100 strips?',
      options: [{ text: '1' }, { text: '2', correct: true }, { text: '50' }, { text: '100' }],
      rationale: 'The descriptor is per 50 strips: 100 strips are **2 units** of A4253.',
    },
    {
      type: 'CODE_SET',
      area: 'HCPCS_LEVEL_II',
      codeSystem: 'HCPCS',
      codeSetYear: 2027,
      prompt:
        'A Medicare patient receives a seasonal **influenza vaccine**. Enter the HCPCS Level II code for the **administration**.',
      answerCodes: ['G0008'],
      rationale:
        '**G0008** reports administration of the influenza virus vaccine to Medicare patients; the diagnosis is Z23.',
    },
    // Medical terminology
    {
      type: 'SINGLE_CHOICE',
      area: 'MEDICAL_TERMINOLOGY',
      prompt: 'The suffix **-ectomy** means:',
      options: [
        { text: 'Surgical removal', correct: true },
        { text: 'Surgical repair' },
        { text: 'Creation of an opening' },
        { text: 'Visual examination' },
      ],
      rationale:
        '-ectomy is excision (removal); -plasty is repair, -stomy an opening, -scopy a visual examination.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'MEDICAL_TERMINOLOGY',
      prompt: '**Cholecystitis** is inflammation of the:',
      options: [
        { text: 'Gallbladder', correct: true },
        { text: 'Bile duct' },
        { text: 'Pancreas' },
        { text: 'Liver' },
      ],
      rationale:
        'chole- (bile) + cyst (bladder) + -itis (inflammation): the gallbladder. The bile duct is choledocho-.',
    },
    {
      type: 'SHORT_TEXT',
      area: 'MEDICAL_TERMINOLOGY',
      prompt:
        'Type a **prefix** that means “below” or “under” (e.g. as in a word for below the skin).',
      acceptedAnswers: ['sub', 'sub-', 'hypo', 'hypo-', 'infra', 'infra-'],
      rationale:
        '**sub-** (subcutaneous), **hypo-** (hypodermic) and **infra-** (infraorbital) all mean below or under.',
    },
    // Anatomy
    {
      type: 'SINGLE_CHOICE',
      area: 'ANATOMY',
      prompt: 'In anatomical position, the **radius** lies on which side of the forearm?',
      options: [
        { text: 'Lateral (thumb) side', correct: true },
        { text: 'Medial (little finger) side' },
        { text: 'Posterior side' },
        { text: 'It is in the upper arm' },
      ],
      rationale: 'The radius is lateral, on the thumb side; the ulna is medial.',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'ANATOMY',
      prompt: 'Which chamber of the heart pumps **oxygenated blood to the body**?',
      options: [
        { text: 'Left ventricle', correct: true },
        { text: 'Right ventricle' },
        { text: 'Left atrium' },
        { text: 'Right atrium' },
      ],
      rationale:
        'The left ventricle pumps oxygenated blood into the aorta; the right ventricle pumps to the lungs.',
    },
    {
      type: 'TRUE_FALSE',
      area: 'ANATOMY',
      prompt: 'The **femur** is the longest bone in the human body.',
      options: trueFalseOptions(true),
      rationale: 'True: the femur (thigh bone) is the longest and strongest bone.',
    },
    // Compliance
    {
      type: 'SINGLE_CHOICE',
      area: 'COMPLIANCE_AND_REGULATORY',
      prompt: 'Under the HIPAA Privacy Rule, the **minimum necessary** standard requires that:',
      options: [
        { text: 'Only the information needed for the purpose is used or disclosed', correct: true },
        { text: 'Records are kept for at least the minimum retention period' },
        { text: 'Every disclosure has the patient’s written consent' },
        { text: 'Coders see only the face sheet' },
      ],
      rationale:
        'Minimum necessary: use, disclose and request only the protected health information needed for the purpose (it does not apply to disclosures for treatment).',
    },
    {
      type: 'SINGLE_CHOICE',
      area: 'COMPLIANCE_AND_REGULATORY',
      prompt:
        'Reporting a code for a **more severe condition or service than documented** to increase payment is called:',
      options: [
        { text: 'Upcoding', correct: true },
        { text: 'Unbundling' },
        { text: 'Querying' },
        { text: 'Downcoding' },
      ],
      rationale:
        'Upcoding is a False Claims Act risk. Unbundling is reporting components separately when one comprehensive code applies.',
    },
    {
      type: 'TRUE_FALSE',
      area: 'COMPLIANCE_AND_REGULATORY',
      prompt:
        'The OIG’s compliance program guidance describes **seven fundamental elements** of an effective compliance program.',
      options: trueFalseOptions(true),
      rationale:
        'True: written policies, compliance officer, training, communication lines, auditing and monitoring, enforcement and discipline, and prompt response with corrective action.',
    },
    // Pathology and laboratory (terminology)
    {
      type: 'SINGLE_CHOICE',
      area: 'PATHOLOGY_AND_LABORATORY',
      prompt: 'A **hemoglobin A1c** result reflects the average blood glucose over roughly:',
      options: [
        { text: 'The last 2–3 months', correct: true },
        { text: 'The last 24 hours' },
        { text: 'The last week' },
        { text: 'The last year' },
      ],
      rationale: 'A1c reflects glycation over the life of red blood cells, about 2–3 months.',
    },
    {
      type: 'MULTIPLE_CHOICE',
      area: 'PATHOLOGY_AND_LABORATORY',
      points: 2,
      prompt: 'Which results are part of a standard **lipid panel**? Select all that apply.',
      options: [
        { text: 'Total cholesterol', correct: true },
        { text: 'HDL cholesterol', correct: true },
        { text: 'Triglycerides', correct: true },
        { text: 'Serum potassium' },
        { text: 'Hemoglobin' },
      ],
      rationale:
        'A lipid panel reports total cholesterol, HDL, triglycerides (and LDL, usually calculated). Potassium and hemoglobin belong to other panels.',
    },
    {
      type: 'TRUE_FALSE',
      area: 'PATHOLOGY_AND_LABORATORY',
      prompt:
        'A **complete blood count (CBC)** measures electrolytes such as sodium and potassium.',
      options: trueFalseOptions(false),
      rationale:
        'False: a CBC counts red cells, white cells and platelets and measures hemoglobin and hematocrit; electrolytes are in a metabolic panel.',
    },
  ],
};
