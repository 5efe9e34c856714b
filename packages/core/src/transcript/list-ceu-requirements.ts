import type { Db } from '@lms/db';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { type CeuRequirementView, loadCeuRequirements } from './ceu-requirements';

export interface ListCeuRequirementsOptions {
  db: Db;
  viewer: Viewer | null;
}

export async function listCeuRequirements(
  options: ListCeuRequirementsOptions,
): Promise<CeuRequirementView[]> {
  requireAdmin(options.viewer);
  return loadCeuRequirements(options.db);
}
