/** Labels and attribution of the public code sets (docs/domain.md, "Code sets and licensing"). */
export const CODE_SYSTEMS = ['ICD10CM', 'ICD10PCS', 'HCPCS'] as const;
export type CodeSystemValue = (typeof CODE_SYSTEMS)[number];

export const CODE_SYSTEM_LABELS: Record<CodeSystemValue, string> = {
  ICD10CM: 'ICD-10-CM',
  ICD10PCS: 'ICD-10-PCS',
  HCPCS: 'HCPCS Level II',
};

/** Shown wherever code-set content appears. */
export const CODE_SET_SOURCES: Record<CodeSystemValue, string> = {
  ICD10CM:
    'Source: CDC/NCHS, ICD-10-CM. Shown for education only; CDC/NCHS does not endorse this product.',
  ICD10PCS: 'Source: CMS, ICD-10-PCS. Shown for education only; CMS does not endorse this product.',
  HCPCS:
    'Source: CMS, HCPCS Level II (dental D-codes excluded). Shown for education only; CMS does not endorse this product.',
};

export const isCodeSystem = (value: string): value is CodeSystemValue =>
  (CODE_SYSTEMS as readonly string[]).includes(value);
