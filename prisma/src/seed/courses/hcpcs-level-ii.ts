import { FICTIONAL_CASE, HCPCS_SOURCE, ICD10CM_SOURCE } from '../attribution';
import { hcpcsPracticeQuiz } from '../quizzes/hcpcs-practice';
import type { DemoCourse } from '../types';

export const hcpcsLevelII: DemoCourse = {
  slug: 'hcpcs-level-ii-supplies-dme-drugs',
  ownerEmail: 'marcus.lee@example.com',
  title: 'HCPCS Level II: Supplies, DME and Drug Codes',
  summary:
    'Code durable medical equipment, supplies and injected drugs correctly, with the modifiers and units payers check.',
  description:
    'HCPCS Level II is the code set for the products, supplies and services that the procedure ' +
    'code set does not describe: equipment, supplies, drugs, orthotics and more. This course ' +
    'explains how the code set is organised and updated, how to calculate drug units, and which ' +
    'modifiers change payment, with fictional cases from clinics and DME suppliers.',
  kind: 'CE',
  level: 'BEGINNER',
  priceCents: 7900,
  published: true,
  modules: [
    {
      title: 'Structure of HCPCS Level II',
      lessons: [
        {
          title: 'How the Code Set Is Organised',
          estimatedMinutes: 20,
          body: `## One letter, four digits

Every HCPCS Level II code is a letter followed by four digits. The letter points to a section:

| Section | Content |
|---|---|
| A | Transportation, medical and surgical supplies, miscellaneous |
| B | Enteral and parenteral therapy |
| E | Durable medical equipment |
| G | Procedures and professional services (temporary) |
| J | Drugs administered other than by the oral method, chemotherapy |
| K | Temporary codes for DME contractors |
| L | Orthotics and prosthetics |
| Q | Temporary codes |
| S, T | Private payer and state Medicaid codes (not valid for Medicare) |
| V | Vision and hearing services |

The dental section is maintained by the ADA and is not covered in this course.

## Quarterly updates

CMS updates the code set **quarterly**. Always check the effective date of a code against the date of service, and refresh your code tables every quarter.

## Reading a descriptor

Descriptors state exactly what one unit is: "per 50 strips", "pair", "per 250 mg". Read the unit before you read anything else.

${HCPCS_SOURCE}`,
        },
        {
          title: 'Modifiers That Change Payment',
          estimatedMinutes: 20,
          body: `## Equipment modifiers

| Modifier | Meaning |
|---|---|
| NU | New equipment (purchase) |
| RR | Rental |
| UE | Used durable equipment (purchase) |
| RT / LT | Right side / left side |
| KX | Requirements in the medical policy have been met |

## Liability modifiers

- **GA**: a waiver of liability (Advance Beneficiary Notice) is on file.
- **GY**: the item is statutorily excluded or does not meet the definition of a benefit.

## Drug wastage modifiers

- **JW** reports the amount of a single-dose vial that was discarded.
- **JZ** states that no amount was discarded.

> Modifiers are claims, not decorations: each one asserts a fact that an auditor can check in the record.

${HCPCS_SOURCE}`,
        },
      ],
    },
    {
      title: 'DME, Supplies and Drugs',
      lessons: [
        {
          title: 'Durable Medical Equipment',
          estimatedMinutes: 25,
          body: `## What counts as DME

Durable medical equipment withstands repeated use, serves a medical purpose, is generally not useful to someone without an illness or injury, and is appropriate for use in the home.

## Common items

| Code | Item (paraphrased) |
|---|---|
| E0114 | Crutches, underarm, other than wood, adjustable or fixed, pair, with pads, tips and handgrips |
| E0130 | Walker, rigid (pickup), adjustable or fixed height |
| E0143 | Walker, folding, wheeled, adjustable or fixed height |
| E0601 | Continuous positive airway pressure (CPAP) device |
| K0001 | Standard wheelchair |

## Documentation

The supplier needs a valid order, proof of delivery and medical-necessity documentation in the treating practitioner's record. For a CPAP device, that includes the sleep study result and the diagnosis, such as **G47.33** (obstructive sleep apnea).

## Case

> A fictional patient with a sprained ankle receives a new pair of adjustable aluminium underarm crutches.

Report **E0114-NU**, one unit (the descriptor is per pair).

${HCPCS_SOURCE}

${ICD10CM_SOURCE}

${FICTIONAL_CASE}`,
        },
        {
          title: 'Diabetic Supplies',
          estimatedMinutes: 15,
          body: `## Testing supplies

| Code | Item (paraphrased) | Unit |
|---|---|---|
| A4253 | Blood glucose test or reagent strips for a home monitor | per 50 strips |
| A4259 | Lancets | per box of 100 |
| E0607 | Home blood glucose monitor | each |

## Calculating units

A three-month supply of 300 strips is **6 units** of A4253 (300 ÷ 50). A patient who tests four times a day uses about 360 strips in 90 days, which is 7.2 units; round according to the payer's rules and make sure the order supports the testing frequency.

## The diagnosis on the claim

Supplies are paid when the diagnosis supports them, for example **E11.9** for type 2 diabetes without complications, with **Z79.4** when the patient uses insulin.

${HCPCS_SOURCE}

${ICD10CM_SOURCE}`,
        },
        {
          title: 'Drugs Administered Other Than Oral Method',
          estimatedMinutes: 25,
          body: `## Units from the descriptor

J codes describe a drug and a dose per unit. Units reported = dose administered ÷ dose in the descriptor, rounded up to the next whole unit when the dose falls between units.

| Code | Drug and unit (paraphrased) | Dose given | Units |
|---|---|---|---|
| J1100 | Dexamethasone sodium phosphate, 1 mg | 10 mg | 10 |
| J0696 | Ceftriaxone sodium, per 250 mg | 500 mg | 2 |
| J3420 | Vitamin B-12 (cyanocobalamin), up to 1,000 mcg | 1,000 mcg | 1 |

## Single-dose vials and wastage

When part of a single-dose vial is discarded, report the administered amount on one line and the discarded amount on a second line with modifier **JW**. When nothing is discarded, append **JZ** to the administered line.

## Vaccines

Vaccine administration for influenza is reported with **G0008**, together with the vaccine product code and diagnosis **Z23** (encounter for immunization).

${HCPCS_SOURCE}

${ICD10CM_SOURCE}`,
        },
      ],
    },
    {
      title: 'Case Practice',
      lessons: [
        {
          title: 'Case Studies: Supplies and Drugs',
          estimatedMinutes: 20,
          body: `## Instructions

Code each fictional case, including units and modifiers, then compare with the key.

### Case 1
A clinic gives 4 mg of dexamethasone sodium phosphate by injection from a single-dose vial and documents that nothing was discarded.

### Case 2
A supplier delivers a new folding wheeled walker to a patient recovering from hip surgery.

### Case 3
A patient with type 2 diabetes on insulin receives 200 test strips and 100 lancets.

### Answer key

| Case | Codes |
|---|---|
| 1 | J1100 × 4 units, modifier JZ |
| 2 | E0143-NU × 1 |
| 3 | A4253 × 4 units, A4259 × 1 unit; diagnoses E11.9, Z79.4 |

${HCPCS_SOURCE}

${ICD10CM_SOURCE}

${FICTIONAL_CASE}`,
        },
        {
          title: 'Practice Quiz: Supplies, DME and Drugs',
          estimatedMinutes: 10,
          body: `## Check yourself

Six untimed questions on the codes and modifiers of this course. Take it as often as you like: submitting it completes the lesson, and each attempt shows the answers and rationales.

${HCPCS_SOURCE}`,
          quiz: hcpcsPracticeQuiz,
        },
      ],
    },
  ],
};
