import type { Prisma } from '@lms/db';

/**
 * Creates draft version `number` of a course as a deep copy of `sourceVersionId`: details,
 * modules, lessons and credit approvals, keeping their cross-version keys.
 */
export async function copyVersionAsDraft(
  tx: Prisma.TransactionClient,
  sourceVersionId: string,
  number: number,
  revision: number,
): Promise<string> {
  const source = await tx.courseVersion.findUniqueOrThrow({
    where: { id: sourceVersionId },
    select: {
      courseId: true,
      title: true,
      summary: true,
      description: true,
      kind: true,
      level: true,
      priceCents: true,
      currency: true,
      coverImageUrl: true,
      instructionalMinutes: true,
      modules: {
        orderBy: { position: 'asc' },
        select: {
          key: true,
          position: true,
          title: true,
          lessons: {
            orderBy: { position: 'asc' },
            select: {
              key: true,
              position: true,
              title: true,
              kind: true,
              body: true,
              videoUrl: true,
              videoSeconds: true,
              estimatedMinutes: true,
              required: true,
            },
          },
        },
      },
      creditApprovals: {
        select: {
          key: true,
          body: true,
          bodyName: true,
          approvalNumber: true,
          approvedTitle: true,
          ceuAmount: true,
          category: true,
          validFrom: true,
          validUntil: true,
        },
      },
    },
  });
  const { modules, creditApprovals, ...details } = source;
  const draft = await tx.courseVersion.create({
    data: {
      ...details,
      number,
      revision,
      creditApprovals: { create: creditApprovals },
    },
    select: { id: true },
  });
  for (const module of modules) {
    const { lessons, ...moduleData } = module;
    await tx.module.create({
      data: { ...moduleData, versionId: draft.id, lessons: { create: lessons } },
      select: { id: true },
    });
  }
  return draft.id;
}
