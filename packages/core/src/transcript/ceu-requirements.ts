import type { CreditBody, CycleAnchor, Db } from '@lms/db';
import { Prisma } from '@lms/db';
import { isoDay } from './ceu';

/** A body's dated renewal rule (see the CeuRequirement model). Amounts as "36.00". */
export interface CeuRequirementView {
  id: string;
  body: CreditBody;
  credential: string;
  effectiveFrom: string;
  cycleMonths: number;
  cycleAnchor: CycleAnchor;
  baseCeus: string;
  additionalCeus: string;
  maxAdditional: number | null;
  coreMinimum: string | null;
  coreCategory: string;
  /** At most this many CEUs from `capCategory` count toward the cycle (null: no cap). */
  capCeus: string | null;
  capCategory: string;
  /**
   * CEUs this credential needs in its own category (entries whose category is the credential's
   * name, e.g. "CRC") per cycle, beside the cycle total (AAPC specialty credentials); null: none.
   */
  credentialMinimum: string | null;
  note: string;
  updatedAt: Date;
}

export const select = {
  id: true,
  body: true,
  credential: true,
  effectiveFrom: true,
  cycleMonths: true,
  cycleAnchor: true,
  baseCeus: true,
  additionalCeus: true,
  maxAdditional: true,
  coreMinimum: true,
  coreCategory: true,
  capCeus: true,
  capCategory: true,
  credentialMinimum: true,
  note: true,
  updatedAt: true,
} as const;

type Row = Prisma.CeuRequirementGetPayload<{ select: typeof select }>;

export function toRequirementView(row: Row): CeuRequirementView {
  return {
    ...row,
    effectiveFrom: isoDay(row.effectiveFrom),
    baseCeus: row.baseCeus.toFixed(2),
    additionalCeus: row.additionalCeus.toFixed(2),
    coreMinimum: row.coreMinimum ? row.coreMinimum.toFixed(2) : null,
    capCeus: row.capCeus ? row.capCeus.toFixed(2) : null,
    credentialMinimum: row.credentialMinimum ? row.credentialMinimum.toFixed(2) : null,
  };
}

/** Every rule, for the transcript computation (no policy: rules are public facts). */
export async function loadCeuRequirements(db: Db): Promise<CeuRequirementView[]> {
  const rows = await db.ceuRequirement.findMany({
    orderBy: [{ body: 'asc' }, { credential: 'asc' }, { effectiveFrom: 'asc' }],
    select,
  });
  return rows.map(toRequirementView);
}
