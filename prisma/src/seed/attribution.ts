// Code-set notices required wherever sample codes appear (docs/domain.md, "Code sets and licensing").

export const ICD10CM_SOURCE =
  '> Source: CDC/NCHS, ICD-10-CM. Codes are shown for education only; CDC/NCHS does not endorse this course.';

export const HCPCS_SOURCE =
  '> Source: CMS, HCPCS Level II. Descriptors are paraphrased for teaching; always code from the current official file.';

export const FICTIONAL_CASE =
  '*All case studies are fictional. Any resemblance to real patients is coincidental.*';
