import type { CodeSystem } from '@lms/db';
import type { DbOrTx } from '../db/tx';
import { CODE_SYSTEM_LABELS, codeKey, displayCode } from './codes';
import { selectBillableCodesUnder, selectCodesInRelease, selectCodesOfOtherSystems } from './sql';

/** Why a code cannot be used in a release. */
export type CodeInReleaseProblem =
  | { code: string; problem: 'UNKNOWN' }
  | { code: string; problem: 'WRONG_SYSTEM'; otherSystem: CodeSystem }
  | { code: string; problem: 'HEADER'; billableUnder: string[] };

/** The base code's key: no dot, upper case, modifiers (HCPCS -NU …) dropped. */
const baseKey = (code: string) => codeKey(code).split('-')[0] ?? '';

/**
 * Checks codes against one release: unknown there (and, if it is another system's code, which),
 * or a header (category) code that is not billable (with up to three billable codes under it).
 */
export async function checkCodesInRelease(
  tx: DbOrTx,
  release: { id: string; system: CodeSystem },
  codes: string[],
): Promise<CodeInReleaseProblem[]> {
  if (codes.length === 0) return [];
  const keys = [...new Set(codes.map(baseKey))];
  const found = await selectCodesInRelease(tx, release.id, keys);
  const byKey = new Map(found.map((row) => [row.code, row.billable]));
  const unknown = keys.filter((key) => !byKey.has(key));
  const elsewhere = unknown.length
    ? await selectCodesOfOtherSystems(tx, unknown, release.system)
    : [];
  const problems: CodeInReleaseProblem[] = [];
  for (const code of codes) {
    const key = baseKey(code);
    const shown = displayCode(release.system, code);
    const billable = byKey.get(key);
    if (billable === undefined) {
      const other = elsewhere.find((row) => row.code === key);
      problems.push(
        other
          ? { code: shown, problem: 'WRONG_SYSTEM', otherSystem: other.system }
          : { code: shown, problem: 'UNKNOWN' },
      );
    } else if (!billable) {
      const under = await selectBillableCodesUnder(tx, release.id, key);
      problems.push({
        code: shown,
        problem: 'HEADER',
        billableUnder: under.map((row) => displayCode(release.system, row.code)),
      });
    }
  }
  return problems;
}

/** The quiz builder's message for a problem (the author may see suggestions). */
export function authorMessage(problem: CodeInReleaseProblem, releaseName: string): string {
  switch (problem.problem) {
    case 'UNKNOWN':
      return `${problem.code} is not a code in ${releaseName}.`;
    case 'WRONG_SYSTEM':
      return `${problem.code} is an ${CODE_SYSTEM_LABELS[problem.otherSystem]} code, not a code of ${releaseName}.`;
    case 'HEADER':
      return `${problem.code} is a header (category) in ${releaseName}, not billable: use a code under it${
        problem.billableUnder.length ? `, e.g. ${problem.billableUnder.join(', ')}` : ''
      }.`;
  }
}

/** The learner's message: helpful, without suggesting codes (that could reveal the key). */
export function learnerMessage(
  problem: CodeInReleaseProblem,
  release: { name: string; system: CodeSystem },
): string {
  const label = CODE_SYSTEM_LABELS[release.system];
  switch (problem.problem) {
    case 'UNKNOWN':
      return `${problem.code} is not an ${label} code in ${release.name}. Check it in the code look-up.`;
    case 'WRONG_SYSTEM':
      return `${problem.code} is an ${CODE_SYSTEM_LABELS[problem.otherSystem]} code; this question asks for ${label} codes.`;
    case 'HEADER':
      return `${problem.code} is a category header in ${release.name}, not a billable code: code to the highest level of detail.`;
  }
}
