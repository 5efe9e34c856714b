import type { CodeSystem, Prisma } from '@lms/db';
import { AppError } from '../errors/app-error';
import { authorMessage, checkCodesInRelease } from './check-codes';
import { CODE_SYSTEM_LABELS } from './codes';

/**
 * The quiz builder's release check of a CODE_SET item: the release must be named when one of
 * the system is loaded (required from now on), be of the item's system, and hold every answer
 * code as a billable code. With no release of the system loaded, the format check alone
 * applies (the item stays without a release). Returns the release and its year for the item.
 */
export async function resolveQuestionRelease(
  tx: Prisma.TransactionClient,
  question: {
    type: string;
    codeSystem?: CodeSystem | null;
    codeSetReleaseId?: string | null;
    answerCodes: string[];
  },
): Promise<{ codeSetReleaseId: string | null; codeSetYear?: number }> {
  if (question.type !== 'CODE_SET' || !question.codeSystem) return { codeSetReleaseId: null };
  const system = question.codeSystem;
  const label = CODE_SYSTEM_LABELS[system];
  if (!question.codeSetReleaseId) {
    const loaded = await tx.codeSetRelease.findFirst({
      where: { system },
      orderBy: { effectiveOn: 'desc' },
      select: { name: true },
    });
    if (!loaded) return { codeSetReleaseId: null };
    throw AppError.badInput(
      {
        codeSetReleaseId: [
          `Choose the ${label} release this item is written for (e.g. ${loaded.name}).`,
        ],
      },
      'Choose the code-set release of the item.',
    );
  }
  const release = await tx.codeSetRelease.findUnique({
    where: { id: question.codeSetReleaseId },
    select: { id: true, system: true, name: true, year: true },
  });
  if (!release) {
    throw AppError.badInput({ codeSetReleaseId: ['Unknown code-set release.'] });
  }
  if (release.system !== system) {
    throw AppError.badInput(
      {
        codeSetReleaseId: [
          `${release.name} is an ${CODE_SYSTEM_LABELS[release.system]} release; choose an ${label} release.`,
        ],
      },
      'The release is of another code system.',
    );
  }
  const problems = await checkCodesInRelease(tx, release, question.answerCodes);
  if (problems.length > 0) {
    throw AppError.badInput(
      { answerCodes: problems.map((problem) => authorMessage(problem, release.name)) },
      'Some answer codes are not billable codes of the release.',
    );
  }
  return { codeSetReleaseId: release.id, codeSetYear: release.year };
}
