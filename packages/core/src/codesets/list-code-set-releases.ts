import type { CodeSystem, Db } from '@lms/db';
import { type CodeSetReleaseView, RELEASE_SELECT, toView } from './releases';

export interface ListCodeSetReleasesOptions {
  db: Db;
  system?: CodeSystem | null;
}

/** Every loaded release (a few per system and year), newest first. Public: the codes are. */
export async function listCodeSetReleases(
  options: ListCodeSetReleasesOptions,
): Promise<CodeSetReleaseView[]> {
  const rows = await options.db.codeSetRelease.findMany({
    where: options.system ? { system: options.system } : {},
    orderBy: [{ system: 'asc' }, { effectiveOn: 'desc' }],
    select: RELEASE_SELECT,
  });
  return rows.map(toView);
}
