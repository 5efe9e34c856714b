import { FICTIONAL_CASE, ICD10CM_SOURCE } from '../attribution';
import { icd10GuidelinesPostTest } from '../quizzes/icd10-guidelines-post-test';
import type { DemoCourse } from '../types';

const TITLE = 'ICD-10-CM Official Guidelines for Coding and Reporting: FY2027 Update';

export const icd10Guidelines: DemoCourse = {
  slug: 'icd-10-cm-guidelines-fy2027-update',
  ownerEmail: 'marcus.lee@example.com',
  title: TITLE,
  summary:
    'A two-hour CE course on the ICD-10-CM Official Guidelines, with a method for absorbing each yearly update.',
  description:
    'Refresh your command of the ICD-10-CM Official Guidelines for Coding and Reporting as the ' +
    'FY2027 code set takes effect on October 1, 2026. The course walks through the conventions, ' +
    'the general guidelines, the chapter-specific rules coders apply most often, and the ' +
    'outpatient reporting rules of Section IV, then shows a repeatable method for working ' +
    'through the yearly addenda.',
  kind: 'CE',
  // A 2-CEU course: each lesson needs 80 % of its estimated time before it can be completed.
  minimumLessonTimePercent: 80,
  level: 'INTERMEDIATE',
  priceCents: 4900,
  published: true,
  creditApprovals: [
    {
      body: 'AAPC',
      approvalNumber: 'AAPC-DEMO-0001',
      ceuAmount: '2.00',
      category: 'core',
    },
    {
      body: 'AHIMA',
      approvalNumber: 'AHIMA-DEMO-0001',
      ceuAmount: '2.00',
      category: 'Clinical Classification Systems',
    },
  ],
  modules: [
    {
      title: 'Conventions and General Guidelines',
      lessons: [
        {
          title: 'Conventions of the Classification (Section I.A)',
          estimatedMinutes: 25,
          body: `## Why conventions come first

The conventions are part of the official guidelines and carry the same weight. They tell you how to read the Alphabetic Index and the Tabular List, and most coding errors trace back to a skipped instructional note.

## Punctuation and abbreviations

| Item | Meaning |
|---|---|
| [ ] | Encloses synonyms, alternative wording or explanatory phrases (Tabular); manifestation codes (Index) |
| ( ) | Nonessential modifiers: words that may or may not be present without changing the code |
| : | Follows an incomplete term that needs one of the modifiers after it |
| NEC | Not elsewhere classifiable: the record is specific, but no specific code exists |
| NOS | Not otherwise specified: the same as unspecified |

## Instructional notes

- **Includes** notes further define a category.
- **Excludes1** means the two conditions are never coded together, except when they are unrelated.
- **Excludes2** means the excluded condition is not part of this one; both may be coded.
- **Code first / use additional code** set the order for etiology and manifestation pairs.

## "And" and "with"

"And" means "and/or". "With" presumes a causal relationship between the two conditions listed in the Index or in an instructional note, unless the documentation clearly states that they are unrelated.

${ICD10CM_SOURCE}`,
        },
        {
          title: 'General Coding Guidelines (Section I.B)',
          estimatedMinutes: 25,
          body: `## Locating a code

Use both the Index and the Tabular List. A code is invalid if it has not been coded to the full number of characters required, including the 7th character when one applies; use the placeholder **X** to fill empty positions.

## Signs, symptoms and integral conditions

- Signs and symptoms are acceptable when the provider has not established a related definitive diagnosis.
- Signs and symptoms that are routinely associated with a disease process are **not** coded separately.
- Signs and symptoms that are **not** routinely associated with the disease may be coded.

## Acute, chronic and combination codes

1. When a condition is both acute and chronic and the Index lists separate subentries, code both, acute first.
2. A combination code classifies two diagnoses, or a diagnosis with a complication, in one code. Use it when the classification provides one, and add a secondary code only when the combination code lacks needed detail.

## Sequela

A sequela is the residual effect after the acute phase has ended. Code the residual condition first and the sequela code second, unless an instructional note directs otherwise.

## Laterality

When a condition is bilateral and no bilateral code exists, assign separate right and left codes. When the side is not documented, use the unspecified-side code.

${ICD10CM_SOURCE}`,
        },
      ],
    },
    {
      title: 'Chapter-Specific Guidelines in Practice',
      lessons: [
        {
          title: 'Circulatory and Endocrine Chapters',
          estimatedMinutes: 25,
          body: `## Hypertension (Chapter 9)

The classification presumes a causal relationship between hypertension and heart involvement, and between hypertension and chronic kidney disease:

| Documentation | Category | Also report |
|---|---|---|
| Hypertension alone | I10 | — |
| Hypertension with heart failure | I11.0 | The type of heart failure (I50.-) |
| Hypertension with CKD stage 1–4 | I12.9 | The CKD stage (N18.-) |
| Hypertension with heart disease and CKD | I13.- | Heart failure and CKD stage codes as applicable |

## Diabetes mellitus (Chapter 4)

- Default to type 2 (E11.-) when the type is not documented.
- Use as many codes as needed to identify all the associated conditions.
- Add **Z79.4** for long-term insulin use and **Z79.84** for long-term oral hypoglycemic drugs; assign both when both are used.

## Case

> A fictional patient with type 2 diabetes is admitted to observation for hyperglycemia; home medications include metformin and basal insulin.

Codes: **E11.65**, **Z79.4**, **Z79.84**.

${ICD10CM_SOURCE}

${FICTIONAL_CASE}`,
        },
        {
          title: 'Injuries and External Causes',
          estimatedMinutes: 20,
          body: `## The 7th character

| Character | Use it when |
|---|---|
| A | The patient is receiving **active treatment** for the condition |
| D | The patient receives routine care during the **healing or recovery** phase |
| S | The encounter is for a **sequela** (late effect) of the injury |

A fracture not documented as open or closed is coded as **closed**; one not documented as displaced or nondisplaced is coded as **displaced**.

## External cause codes

External cause codes describe how the injury happened, where, and what the patient was doing. They are never the first-listed diagnosis. Report the place of occurrence (Y92), activity (Y93) and external cause status (Y99) **once**, at the initial encounter.

## Case

> A fictional adult trips over a rug at home and is treated in the emergency department for a closed fracture of the lower end of the right radius.

| Code | Meaning |
|---|---|
| S52.501A | Unspecified fracture of the lower end of the right radius, initial encounter, closed |
| W19.XXXA | Unspecified fall, initial encounter |
| Y92.009 | Unspecified place in a private residence |

${ICD10CM_SOURCE}

${FICTIONAL_CASE}`,
        },
      ],
    },
    {
      title: 'Outpatient Reporting and the Yearly Update',
      lessons: [
        {
          title: 'Section IV: Diagnostic Coding for Outpatient Services',
          estimatedMinutes: 15,
          body: `## The first-listed diagnosis

In the outpatient setting, list first the diagnosis, condition, problem or other reason chiefly responsible for the encounter.

## Uncertain diagnoses

Do **not** code diagnoses documented as "probable", "suspected", "questionable", "rule out" or "working diagnosis". Code the condition to the highest degree of certainty for that encounter, such as the symptoms or abnormal findings.

> This is the opposite of the inpatient rule, and it is tested often.

## Chronic and coexisting conditions

- Chronic diseases treated on an ongoing basis may be coded and reported as many times as the patient receives treatment for them.
- Code all documented conditions that coexist at the time of the encounter and that require or affect patient care, treatment or management.
- Do not code conditions that were previously treated and no longer exist; history codes (Z80–Z87) may be used when the history affects care.`,
        },
        {
          title: 'Working Through the FY2027 Addenda',
          estimatedMinutes: 10,
          body: `## A repeatable method

Every year CDC/NCHS publishes new, revised and deleted codes and an updated guidelines document, effective **October 1**. Rather than memorising lists, process each release the same way:

1. **Download the official files**: the Tabular and Index addenda and the guidelines with changes highlighted.
2. **Filter by your specialty**: list the categories your organisation reports most.
3. **Update tools**: encoder tables, charge masters, superbills and any code-based edits.
4. **Re-test stale content**: flag practice questions and templates written for an earlier code-set year.
5. **Brief the team** and record the date training was completed.

## What to watch for

- New codes that add specificity to a category you currently report as unspecified.
- Deleted codes that will reject from **October 1** onwards.
- Guideline paragraphs that changed wording, even when no code changed.

${ICD10CM_SOURCE}`,
        },
        {
          title: 'Post-test',
          estimatedMinutes: 20,
          body: `## Earning your CEUs

The post-test draws **8 of 10 questions**; you have **30 minutes** and **3 attempts**, and you need **70 %** to pass. Passing the post-test, with every required lesson complete, completes the course and unlocks your certificate.

${ICD10CM_SOURCE}`,
          quiz: icd10GuidelinesPostTest,
        },
      ],
    },
  ],
};
