import type { CourseKind, CourseLevel, CreditBody } from '../generated/client';

export interface DemoLesson {
  title: string;
  estimatedMinutes: number;
  /** Markdown. */
  body: string;
  required?: boolean;
}

export interface DemoModule {
  title: string;
  lessons: DemoLesson[];
}

export interface DemoCreditApproval {
  body: CreditBody;
  bodyName?: string;
  approvalNumber: string;
  ceuAmount: string;
  category?: string;
  validFrom: string;
  validUntil: string;
}

export interface DemoCourse {
  slug: string;
  ownerEmail: string;
  title: string;
  summary: string;
  description: string;
  kind: CourseKind;
  level: CourseLevel;
  priceCents: number;
  /** false: a DRAFT course whose only version is unpublished. */
  published: boolean;
  modules: DemoModule[];
  /** The approved title is always the version title (DOMAIN.md: approval is per exact title). */
  creditApprovals?: DemoCreditApproval[];
}
