import { ICD10CM_SOURCE } from '../attribution';
import type { DemoCourse } from '../types';

// A course still being written: its only version is a draft, so it never appears in the catalog.
export const riskAdjustmentDraft: DemoCourse = {
  slug: 'risk-adjustment-coding-fundamentals',
  ownerEmail: 'dana.whitfield@example.com',
  title: 'Risk Adjustment Coding Fundamentals',
  summary:
    'How diagnosis coding drives risk scores, and the documentation that supports each code.',
  description:
    'An introduction to risk adjustment models and the documentation standards that support ' +
    'every reported condition. Draft: lessons are still being written.',
  kind: 'CE',
  level: 'INTERMEDIATE',
  priceCents: 5900,
  published: false,
  modules: [
    {
      title: 'Foundations',
      lessons: [
        {
          title: 'What Risk Adjustment Measures',
          estimatedMinutes: 20,
          body: `## Predicting cost from diagnoses

Risk adjustment models predict the expected cost of care for a population from demographic data and reported diagnoses. Chronic conditions such as **E11.9** (type 2 diabetes without complications) are captured once per year, so every condition must be documented and coded each year.

${ICD10CM_SOURCE}`,
        },
      ],
    },
    {
      title: 'Documentation',
      lessons: [
        {
          title: 'Supporting Each Reported Condition',
          estimatedMinutes: 20,
          body: `## Monitor, evaluate, assess, treat

A reported condition should show evidence that the provider **monitored**, **evaluated**, **assessed** or **treated** it at the encounter. A problem list alone does not support a code.

*Draft: examples to follow.*`,
        },
      ],
    },
  ],
};
