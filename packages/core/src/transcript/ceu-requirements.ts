import type { CreditBody, CycleAnchor, Db } from '@lms/db';
import { Prisma } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
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

const select = {
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

export async function listCeuRequirements(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<CeuRequirementView[]> {
  requireAdmin(options.viewer);
  return loadCeuRequirements(options.db);
}

const amount = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,2})?$/, 'Enter a number of CEUs such as 36 or 1.5.');

const updateSchema = z.object({
  cycleMonths: z.number().int().min(1).max(120),
  cycleAnchor: z.enum(['CERTIFICATION_DATE', 'CALENDAR_YEAR']),
  baseCeus: amount,
  additionalCeus: amount,
  maxAdditional: z.number().int().min(0).max(50).nullable(),
  coreMinimum: amount.nullable(),
  coreCategory: z.string().trim().min(1).max(100),
  capCeus: amount.nullish(),
  capCategory: z.string().trim().max(100).optional(),
  credentialMinimum: amount.nullish(),
  note: z.string().trim().max(1000),
  effectiveFrom: z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' }),
});

export type CeuRequirementInput = z.input<typeof updateSchema>;

/**
 * Admin: changes a renewal rule (audited). Rules are dated rows: a cycle uses the rule in
 * force when it starts, so a rule already in force (effective on or before today) is never
 * rewritten: the change is saved as a new row effective from the date given, which must be
 * later than the rule's own. A rule not yet in force is edited in place.
 */
export async function updateCeuRequirement(options: {
  db: Db;
  viewer: Viewer | null;
  requirementId: string;
  input: CeuRequirementInput;
  now?: Date;
}): Promise<CeuRequirementView> {
  const admin = requireAdmin(options.viewer);
  requireId(options.requirementId, 'CEU requirement');
  const input = parseInput(updateSchema, options.input);
  const today = isoDay(options.now ?? new Date());
  return options.db.$transaction(async (tx) => {
    const before = await tx.ceuRequirement.findUnique({
      where: { id: options.requirementId },
      select,
    });
    if (!before) throw AppError.notFound('CEU requirement');
    const previous = toRequirementView(before);
    const inForce = previous.effectiveFrom <= today;
    if (inForce && input.effectiveFrom <= previous.effectiveFrom) {
      throw AppError.badInput(
        {
          effectiveFrom: [
            `This rule is in force since ${previous.effectiveFrom} and past cycles use it. Enter the later date from which the change applies.`,
          ],
        },
        `This rule is in force since ${previous.effectiveFrom} and past cycles use it: enter the later date from which the change applies.`,
      );
    }
    const data = {
      cycleMonths: input.cycleMonths,
      cycleAnchor: input.cycleAnchor,
      baseCeus: new Prisma.Decimal(input.baseCeus),
      additionalCeus: new Prisma.Decimal(input.additionalCeus),
      maxAdditional: input.maxAdditional,
      coreMinimum: input.coreMinimum === null ? null : new Prisma.Decimal(input.coreMinimum),
      coreCategory: input.coreCategory,
      capCeus: input.capCeus == null ? null : new Prisma.Decimal(input.capCeus),
      capCategory: input.capCategory ?? '',
      credentialMinimum:
        input.credentialMinimum == null ? null : new Prisma.Decimal(input.credentialMinimum),
      note: input.note,
      effectiveFrom: new Date(`${input.effectiveFrom}T00:00:00.000Z`),
      updatedById: admin.id,
    };
    if (inForce) {
      const taken = await tx.ceuRequirement.findUnique({
        where: {
          body_credential_effectiveFrom: {
            body: before.body,
            credential: before.credential,
            effectiveFrom: data.effectiveFrom,
          },
        },
        select: { id: true },
      });
      if (taken) {
        throw AppError.badInput(
          {
            effectiveFrom: [`A rule effective from ${input.effectiveFrom} exists: edit that one.`],
          },
          `A ${before.body} ${before.credential} rule effective from ${input.effectiveFrom} exists: edit that one.`,
        );
      }
    }
    const row = inForce
      ? await tx.ceuRequirement.create({
          data: { ...data, body: before.body, credential: before.credential },
          select,
        })
      : await tx.ceuRequirement.update({ where: { id: before.id }, data, select });
    const view = toRequirementView(row);
    await recordAudit(tx, {
      actorId: admin.id,
      action: inForce ? 'ceuRequirement.add' : 'ceuRequirement.update',
      targetType: 'CeuRequirement',
      targetId: row.id,
      details: {
        body: row.body,
        credential: row.credential,
        before: { ...previous, updatedAt: previous.updatedAt.toISOString() },
        after: { ...view, updatedAt: view.updatedAt.toISOString() },
      },
    });
    return view;
  });
}
