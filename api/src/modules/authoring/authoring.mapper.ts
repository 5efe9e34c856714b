import type { EditableCourse as CoreEditableCourse } from '@lms/core';
import type { EditableCourse } from './authoring.types';

/** Core's editable course → the GraphQL shape (the draft's fields flattened onto the course). */
export function toEditableCourse(course: CoreEditableCourse): EditableCourse {
  const { draft } = course;
  return {
    id: course.id,
    slug: course.slug,
    status: course.status,
    revision: draft.revision,
    versionNumber: draft.number,
    latestPublishedVersionNumber: course.latestPublishedVersionNumber,
    title: draft.title,
    draftTitle: draft.title,
    summary: draft.summary,
    description: draft.description,
    kind: draft.kind,
    level: draft.level,
    price: { amountCents: draft.priceCents, currency: draft.currency },
    coverImageUrl: draft.coverImageUrl,
    coverImageAlt: draft.coverImageAlt,
    minimumLessonTimePercent: draft.minimumLessonTimePercent,
    minimumSeatMinutes: draft.minimumSeatMinutes,
    instructionalMinutes: course.instructionalMinutes,
    modules: draft.modules,
    creditApprovals: draft.creditApprovals.map((approval) => ({
      ...approval,
      problem: course.approvalProblems[approval.id] ?? null,
      status: course.approvalStatuses[approval.id]!,
    })),
    viewerIsOwner: course.viewerIsOwner,
    publishedAt: course.publishedAt,
    updatedAt: draft.updatedAt,
  };
}
