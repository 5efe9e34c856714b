import { cpcExamPrep } from './courses/cpc-exam-prep';
import { hcpcsLevelII } from './courses/hcpcs-level-ii';
import { icd10Guidelines } from './courses/icd10-guidelines';
import { medicalTerminology } from './courses/medical-terminology';
import { riskAdjustmentDraft } from './courses/risk-adjustment-draft';
import type { DemoCourse } from './types';

export const DEMO_COURSES: DemoCourse[] = [
  cpcExamPrep,
  icd10Guidelines,
  hcpcsLevelII,
  medicalTerminology,
  riskAdjustmentDraft,
];
