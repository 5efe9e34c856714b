import type { CreditBody, CycleAnchor, Db } from '@lms/db';
import { Prisma } from '@lms/db';
import { z } from 'zod';
import { recordAudit } from '../admin/audit-log';
import { requireViewer } from '../authoring/course-access';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import type { Viewer } from '../viewer';
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

function requireAdmin(viewer: Viewer | null): Viewer {
  const admin = requireViewer(viewer);
  if (admin.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can do this.');
  return admin;
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
  note: z.string().trim().max(1000),
  effectiveFrom: z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' }),
});

export type CeuRequirementInput = z.input<typeof updateSchema>;

/** Admin: changes a renewal rule (audited). */
export async function updateCeuRequirement(options: {
  db: Db;
  viewer: Viewer | null;
  requirementId: string;
  input: CeuRequirementInput;
}): Promise<CeuRequirementView> {
  const admin = requireAdmin(options.viewer);
  if (!z.uuid().safeParse(options.requirementId).success)
    throw AppError.notFound('CEU requirement');
  const input = parseInput(updateSchema, options.input);
  return options.db.$transaction(async (tx) => {
    const before = await tx.ceuRequirement.findUnique({
      where: { id: options.requirementId },
      select,
    });
    if (!before) throw AppError.notFound('CEU requirement');
    const row = await tx.ceuRequirement.update({
      where: { id: before.id },
      data: {
        cycleMonths: input.cycleMonths,
        cycleAnchor: input.cycleAnchor,
        baseCeus: new Prisma.Decimal(input.baseCeus),
        additionalCeus: new Prisma.Decimal(input.additionalCeus),
        maxAdditional: input.maxAdditional,
        coreMinimum: input.coreMinimum === null ? null : new Prisma.Decimal(input.coreMinimum),
        coreCategory: input.coreCategory,
        note: input.note,
        effectiveFrom: new Date(`${input.effectiveFrom}T00:00:00.000Z`),
        updatedById: admin.id,
      },
      select,
    });
    const view = toRequirementView(row);
    const previous = toRequirementView(before);
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'ceuRequirement.update',
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
