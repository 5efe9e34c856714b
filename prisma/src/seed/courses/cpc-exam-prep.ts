import { FICTIONAL_CASE, HCPCS_SOURCE, ICD10CM_SOURCE } from '../attribution';
import { cpcMockExam } from '../quizzes/cpc-mock-exam';
import type { DemoCourse } from '../types';

export const cpcExamPrep: DemoCourse = {
  slug: 'cpc-exam-prep-complete-review',
  ownerEmail: 'dana.whitfield@example.com',
  title: 'CPC Exam Prep: Complete Review',
  summary:
    'A structured review of everything the CPC exam tests, with timed strategy, guideline drills and worked cases.',
  description:
    'Prepare for the Certified Professional Coder exam with a complete, guideline-first review. ' +
    'You will learn how the exam is built, how to manage four hours and one hundred questions, ' +
    'and how to read the diagnosis and supply code sets quickly and accurately. Every module ends ' +
    'with practice that mirrors the exam format.',
  kind: 'EXAM_PREP',
  level: 'INTERMEDIATE',
  priceCents: 34900,
  published: true,
  modules: [
    {
      title: 'Exam Strategy and Logistics',
      lessons: [
        {
          title: 'How the CPC Exam Is Built',
          estimatedMinutes: 20,
          body: `## What you are preparing for

The CPC exam has **100 multiple-choice questions** and you have **4 hours** to answer them. The pass mark is **70 %**. It is an open-book exam: you bring the approved code manuals, and you may annotate them within the exam rules.

Questions are grouped by area, so you can plan your time by section:

| Area | What it checks |
|---|---|
| Evaluation and management | Levels of service, place of service, new vs. established patients |
| Surgery sections | Reading operative notes and choosing the right procedure family |
| Radiology, pathology, medicine | Component coding and the section guidelines |
| Anatomy and terminology | Recognising structures and word parts in documentation |
| ICD-10-CM and HCPCS Level II | Diagnosis guidelines, supplies, drugs and modifiers |
| Compliance and regulatory | Fraud and abuse rules, privacy, payer policies |

## Why the manuals matter more than memory

Most questions give a short case and four code sets to choose from. You will rarely need to recall a code; you will need to **find it and prove it** fast. That means your manuals should be tabbed, your guideline pages highlighted, and your own short notes written in the margins before exam day.

## How to use this course

1. Work through each module in order; later drills assume the conventions from earlier lessons.
2. After each lesson, re-read the matching guideline section in your own manual.
3. Take the drills under time pressure: about **2 minutes 24 seconds** per question is the exam average.`,
        },
        {
          title: 'Managing Four Hours',
          estimatedMinutes: 15,
          body: `## Pace, don't race

Four hours sounds generous until a long operative note costs you eight minutes. Successful candidates use a **two-pass method**:

- **First pass:** answer every question you can resolve in under three minutes. Mark the rest.
- **Second pass:** return to the marked questions with the time you banked.

## Eliminate before you look up

Each answer option is a set of codes. Before opening the manual, strike out options that break a rule you already know:

- a diagnosis code missing a required 7th character;
- an option that reports a symptom together with the confirmed diagnosis it is integral to;
- a supply code reported in units that do not match its descriptor.

Often only two options survive, and one look-up settles the question.

## Exam-day checklist

- Photo ID and your approved manuals, with tabs firmly attached.
- No loose notes: annotations must be written in the books themselves.
- A plan for breaks; the clock keeps running.

> Tip: practise at least one full-length timed exam. Stamina is a skill you can train.`,
        },
      ],
    },
    {
      title: 'Diagnosis Coding for the Exam',
      lessons: [
        {
          title: 'ICD-10-CM Conventions You Will Be Tested On',
          estimatedMinutes: 30,
          body: `## Index first, Tabular always

Look a term up in the **Alphabetic Index**, then confirm the code in the **Tabular List**. The Tabular holds the instructional notes (Excludes1, Excludes2, code first, use additional code) and tells you whether more characters are required.

## Conventions that decide exam answers

| Convention | Meaning | Exam trap |
|---|---|---|
| **Excludes1** | "Not coded here": the two conditions cannot be reported together | An option that pairs them is wrong, unless the conditions are unrelated |
| **Excludes2** | "Not included here": both may be reported when both are present | Do not drop the second code |
| **with** | Presumes a causal link between the conditions listed | Do not wait for the provider to write "due to" |
| **NEC / NOS** | Other specified / unspecified | Choose NOS only when documentation gives no detail |
| **7th character** | Encounter or episode detail, e.g. A initial, D subsequent, S sequela | Use placeholder X to fill empty positions |

## Example

A fictional patient's note reads "asthma, stable, no exacerbation" and names no severity. Moderate or severe persistent asthma codes would need that detail, so the answer is **J45.909** (unspecified asthma, uncomplicated).

${ICD10CM_SOURCE}

${FICTIONAL_CASE}`,
        },
        {
          title: 'Chapter-Specific Guidelines: Diabetes and Hypertension',
          estimatedMinutes: 30,
          body: `## Diabetes mellitus

- When the type is not documented, the default is **type 2** (category E11).
- **E11.9** reports type 2 diabetes without complications.
- Report as many codes from the category as needed to describe all complications.
- Add the long-term drug use codes that apply: **Z79.4** for insulin, **Z79.84** for oral hypoglycemic drugs. When a patient takes both, assign both.

## Hypertension

- **I10** reports essential (primary) hypertension.
- Hypertension **with** heart disease is presumed causal: use category I11 and add a code for the type of heart failure when present.
- Hypertension with chronic kidney disease is also presumed causal: category I12, plus a code from N18 for the stage.
- When both heart disease and chronic kidney disease are present, use category I13.

## Worked case

> A fictional 58-year-old is followed for type 2 diabetes controlled with metformin and for essential hypertension. No complications are documented.

| Code | Why |
|---|---|
| E11.9 | Type 2 diabetes, no complication documented |
| I10 | Essential hypertension, no heart or kidney involvement |
| Z79.84 | Long-term use of an oral hypoglycemic drug |

${ICD10CM_SOURCE}

${FICTIONAL_CASE}`,
        },
      ],
    },
    {
      title: 'HCPCS Level II and Compliance',
      lessons: [
        {
          title: 'HCPCS Level II on the Exam',
          estimatedMinutes: 20,
          body: `## What to expect

HCPCS Level II questions test supplies, equipment, drugs and modifiers. Codes are one letter followed by four digits.

## Units are the usual trap

Drug codes state a dose per unit. Divide the dose given by the dose in the descriptor:

| Code | Descriptor (paraphrased) | Given | Units |
|---|---|---|---|
| J1100 | Dexamethasone sodium phosphate injection, 1 mg | 8 mg | 8 |
| J3420 | Vitamin B-12 (cyanocobalamin) injection, up to 1,000 mcg | 1,000 mcg | 1 |
| J0696 | Ceftriaxone sodium injection, per 250 mg | 1 g | 4 |

## Equipment and supplies

- **E0114** reports a pair of adjustable underarm crutches (not wood) with pads, tips and handgrips.
- **A4253** reports blood glucose test strips, per 50 strips.
- **G0008** reports administration of the influenza vaccine; pair it with diagnosis code Z23 (encounter for immunization).

${HCPCS_SOURCE}

${ICD10CM_SOURCE}`,
        },
        {
          title: 'Compliance and Regulatory Essentials',
          estimatedMinutes: 20,
          body: `## The rules behind the codes

Coders are expected to know the laws that make accurate coding a legal duty, not only a professional one.

- **False Claims Act**: liability for knowingly submitting false claims, including "reckless disregard" of the truth.
- **Anti-Kickback Statute**: no payment in exchange for referrals of federal health care business.
- **Physician Self-Referral (Stark) Law**: limits referrals to entities in which the physician has a financial relationship.
- **HIPAA Privacy and Security Rules**: protect patient information; disclose the minimum necessary.

## Documentation principles

1. If it was not documented, it was not done, and cannot be coded.
2. Query the provider when documentation is conflicting, incomplete or ambiguous; never lead the provider to a particular answer.
3. Code to the highest degree of certainty supported by the record.

## Compliance programme basics

An effective programme has written policies, a compliance officer, training, auditing and monitoring, open lines of communication, enforcement, and prompt corrective action. Expect at least one exam question that asks you to name one of these elements.`,
        },
      ],
    },
    {
      title: 'Practice Drills',
      lessons: [
        {
          title: 'Drill: Diagnosis Coding Cases',
          estimatedMinutes: 25,
          body: `## How to work these drills

Set a timer for **12 minutes** and code all five cases before checking the key. Write down the guideline that justifies each answer.

### Cases

1. Follow-up of essential hypertension, well controlled, no other conditions.
2. Type 2 diabetes with hyperglycemia, on long-term insulin.
3. Unspecified asthma without exacerbation.
4. Initial encounter for a closed fracture of the lower end of the right radius after a fall at home.
5. Influenza vaccination at a routine visit.

### Answer key

| Case | Codes | Guideline |
|---|---|---|
| 1 | I10 | Essential hypertension |
| 2 | E11.65, Z79.4 | Combination code plus long-term insulin use |
| 3 | J45.909 | No severity or exacerbation documented |
| 4 | S52.501A, W19.XXXA, Y92.009 | 7th character A for active treatment; external cause codes |
| 5 | Z23 (with G0008 for the administration) | Encounter for immunization |

${ICD10CM_SOURCE}

${HCPCS_SOURCE}

${FICTIONAL_CASE}`,
        },
        {
          title: 'Mock Exam: 20 Questions in 30 Minutes',
          estimatedMinutes: 30,
          body: `## Before you start

This timed mock exam mixes **20 questions from six exam areas**, drawn into sections by area as on the real exam. The clock runs on the server from the moment you start: answers saved before the deadline count, and the attempt is submitted automatically when time runs out. After submission you see your score per area and the rationale of each answer.

Keep your ICD-10-CM and HCPCS Level II manuals at hand: the exam is open book.

${ICD10CM_SOURCE}

${HCPCS_SOURCE}`,
          quiz: cpcMockExam,
        },
      ],
    },
  ],
};
