import { ICD10CM_SOURCE } from '../attribution';
import type { DemoCourse } from '../types';

export const medicalTerminology: DemoCourse = {
  slug: 'medical-terminology-and-anatomy-for-coders',
  ownerEmail: 'dana.whitfield@example.com',
  title: 'Medical Terminology and Anatomy for Coders',
  summary:
    'A free primer on word parts and body systems, so that clinical documentation reads like plain language.',
  description:
    'Coders read clinical documentation all day. This free course teaches the word parts that ' +
    'make up most medical terms and tours the body systems coders meet most often, with the ' +
    'laterality and anatomical detail that diagnosis codes ask for.',
  kind: 'EXAM_PREP',
  level: 'BEGINNER',
  priceCents: 0,
  published: true,
  modules: [
    {
      title: 'Word Building',
      lessons: [
        {
          title: 'Roots, Prefixes and Suffixes',
          estimatedMinutes: 20,
          body: `## Three building blocks

Most medical terms are built from a **root** (the body part or idea), an optional **prefix** (where, when, how many) and a **suffix** (procedure, condition or disease).

| Part | Example | Meaning |
|---|---|---|
| cardi/o | cardiology | heart |
| gastr/o | gastritis | stomach |
| nephr/o | nephropathy | kidney |
| brady- | bradycardia | slow |
| tachy- | tachypnea | fast |
| -itis | arthritis | inflammation |
| -ectomy | appendectomy | surgical removal |
| -otomy | tracheotomy | cutting into |
| -ostomy | colostomy | creating an opening |

## Read from the end

Start with the suffix, then the prefix, then the root: *gastro-enter-itis* is inflammation (-itis) of the stomach (gastr/o) and intestine (enter/o).

## Practice

Break these terms into parts: **hepatomegaly**, **dyspnea**, **osteoarthritis**, **pericarditis**.`,
        },
        {
          title: 'Reading Clinical Documentation',
          estimatedMinutes: 15,
          body: `## Directional terms

| Term | Meaning |
|---|---|
| anterior / posterior | front / back |
| medial / lateral | toward / away from the midline |
| proximal / distal | nearer / farther from the point of attachment |
| superior / inferior | above / below |

## Abbreviations to handle with care

Abbreviations save time for clinicians and cost time for coders. When an abbreviation could mean two things, such as **MS** (multiple sclerosis or mitral stenosis), do not guess: read the rest of the note or query the provider.

## From note to code-ready facts

Before you open a code book, list: the condition, its site and **laterality**, its acuity, its cause, and the encounter type. Diagnosis codes ask for exactly these facts.`,
        },
      ],
    },
    {
      title: 'Body Systems for Coders',
      lessons: [
        {
          title: 'Cardiovascular and Respiratory Systems',
          estimatedMinutes: 20,
          body: `## The heart and vessels

Blood returns to the **right atrium**, passes to the **right ventricle**, through the lungs, back to the **left atrium** and out of the **left ventricle** into the aorta. Four valves keep it moving one way: tricuspid, pulmonary, mitral and aortic.

Terms you will code often:

- **Hypertension**: persistently raised blood pressure (I10 for essential hypertension).
- **Heart failure**: the heart cannot pump enough blood for the body's needs; documentation should say systolic, diastolic or both, and acute or chronic.

## The airways

Air flows through the nose, pharynx, larynx, trachea and bronchi to the bronchioles and alveoli, where gas exchange happens.

- **Asthma**: reversible airway narrowing (J45.909 when unspecified and uncomplicated).
- **COPD**: chronic, largely irreversible airflow limitation.
- **Pneumonia**: infection of the lung tissue; the organism changes the code.

${ICD10CM_SOURCE}`,
        },
        {
          title: 'Musculoskeletal System and Laterality',
          estimatedMinutes: 20,
          body: `## Bones and joints

The skeleton has an axial part (skull, spine, ribs, sternum) and an appendicular part (limbs and girdles). Long bones have a shaft (**diaphysis**) and ends (**epiphyses**); fractures are classified by where they occur.

## Fracture vocabulary

| Term | Meaning |
|---|---|
| Closed | The skin is intact |
| Open | The bone has broken through the skin |
| Displaced | The fragments are out of alignment |
| Comminuted | The bone is broken into several pieces |

## Laterality in codes

Many musculoskeletal codes specify **right**, **left** or **bilateral**. The lower end of the radius is the wrist end of the forearm's lateral bone; a closed fracture of it on the right, at the first encounter, is **S52.501A** when the fracture type is not specified.

${ICD10CM_SOURCE}`,
        },
      ],
    },
  ],
};
