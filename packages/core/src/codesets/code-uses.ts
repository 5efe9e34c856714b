import type { CodeSystem } from '@lms/db';
import type { DbOrTx } from '../db/tx';
import { selectCodeUseRows } from './sql';

/** Where a course version uses a code: a quiz key, or a code-shaped token in a lesson's text. */
export interface CodeUse {
  courseId: string;
  versionId: string;
  versionNumber: number;
  /** true: the draft (what instructors edit); false: the published version learners see. */
  draft: boolean;
  lessonId: string;
  lessonTitle: string;
  /** Set for a quiz key; null for lesson text. */
  questionId: string | null;
  questionPosition: number | null;
  /** The code as written there. */
  written: string;
  /** Its key form (upper case, no dot, no modifiers). */
  key: string;
}

/**
 * Code-shaped tokens per system, as PostgreSQL regular expressions (\m, \M: word boundaries).
 * ICD-10-CM with or without the dot; HCPCS without modifiers (the hyphen ends the word).
 */
const TOKEN_PATTERNS: Record<CodeSystem, string> = {
  ICD10CM: '\\m([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?)\\M',
  ICD10PCS: '\\m([0-9A-HJ-NP-Z]{7})\\M',
  HCPCS: '\\m([A-V][0-9]{4})\\M',
};

/**
 * Every use of the given code keys in the draft and latest published versions of courses
 * (all courses, or `courseIds`): CODE_SET quiz keys of the system, and code-shaped tokens in
 * lesson text. Set-based: the matching happens in PostgreSQL.
 */
export async function findCodeUses(
  tx: DbOrTx,
  options: { system: CodeSystem; keys: string[]; courseIds?: string[]; draftOnly?: boolean },
): Promise<CodeUse[]> {
  if (options.keys.length === 0) return [];
  const rows = await selectCodeUseRows(tx, {
    ...options,
    tokenPattern: TOKEN_PATTERNS[options.system],
  });
  // One entry per place and code (a token repeated in one lesson counts once).
  const seen = new Set<string>();
  return rows.filter((row) => {
    const id = `${row.versionId}|${row.lessonId}|${row.questionId}|${row.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
