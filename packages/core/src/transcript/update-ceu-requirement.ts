import type { Db } from '@lms/db';
import { Prisma } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { isoDay } from './ceu';
import { type CeuRequirementView, select, toRequirementView } from './ceu-requirements';

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

export interface UpdateCeuRequirementOptions {
  db: Db;
  viewer: Viewer | null;
  requirementId: string;
  input: CeuRequirementInput;
  now?: Date;
}

/**
 * Admin: changes a renewal rule (audited). Rules are dated rows: a cycle uses the rule in
 * force when it starts, so a rule already in force (effective on or before today) is never
 * rewritten: the change is saved as a new row effective from the date given, which must be
 * later than the rule's own. A rule not yet in force is edited in place.
 */
export async function updateCeuRequirement(
  options: UpdateCeuRequirementOptions,
): Promise<CeuRequirementView> {
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
