import type { Db } from '@lms/db';
import { CODE_SYSTEM_LABELS } from './codes';
import { selectVersionCodeSetRows } from './sql';

/**
 * Which code-set years a course version teaches, for its learner-facing page: the releases its
 * CODE_SET items are written for ("ICD-10-CM FY2027"), or, for items without a release, their
 * system and code-set year. Sorted, distinct.
 */
export async function listVersionCodeSets(options: {
  db: Db;
  versionId: string;
}): Promise<string[]> {
  const rows = await selectVersionCodeSetRows(options.db, options.versionId);
  const names = new Set<string>();
  for (const row of rows) {
    if (row.name) names.add(row.name);
    else if (row.system && row.year) {
      names.add(
        row.system === 'HCPCS'
          ? `${CODE_SYSTEM_LABELS.HCPCS} ${row.year}`
          : `${CODE_SYSTEM_LABELS[row.system]} FY${row.year}`,
      );
    }
  }
  return [...names].sort();
}
