import type { CreditBody, Db } from '@lms/db';
import { Prisma } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { isUniqueViolation, parseInput } from '../errors/validate';
import { isoDay } from './ceu';

const BODIES = ['AAPC', 'AHIMA', 'PMI', 'IACET', 'OTHER'] as const;

export interface LearnerCredentialView {
  id: string;
  body: CreditBody;
  credential: string;
  /** YYYY-MM-DD */
  certifiedOn: string;
}

export interface SelfReportedCreditView {
  id: string;
  body: CreditBody;
  title: string;
  provider: string;
  /** YYYY-MM-DD */
  completedOn: string;
  ceuAmount: string;
  category: string;
  note: string;
}

const day = z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' });

function notInFuture(field: string, value: string, today: Date) {
  if (value > isoDay(today)) {
    throw AppError.badInput({ [field]: ['The date cannot be in the future.'] });
  }
}

const credentialSchema = z.object({
  body: z.enum(BODIES, { error: 'Choose the body that awarded the credential.' }),
  credential: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'Enter the credential’s abbreviation, e.g. CPC, CCS, CMC.'),
  certifiedOn: day,
});

export type LearnerCredentialInput = z.input<typeof credentialSchema>;

export async function listMyCredentials(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<LearnerCredentialView[]> {
  const viewer = requireViewer(options.viewer);
  const rows = await options.db.learnerCredential.findMany({
    where: { userId: viewer.id },
    orderBy: [{ body: 'asc' }, { certifiedOn: 'asc' }, { credential: 'asc' }],
    select: { id: true, body: true, credential: true, certifiedOn: true },
  });
  return rows.map((row) => ({ ...row, certifiedOn: isoDay(row.certifiedOn) }));
}

/** Records a credential the viewer holds (one row per body and credential). */
export async function addCredential(options: {
  db: Db;
  viewer: Viewer | null;
  input: LearnerCredentialInput;
  now?: Date;
}): Promise<LearnerCredentialView> {
  const viewer = requireViewer(options.viewer);
  const input = parseInput(credentialSchema, options.input);
  notInFuture('certifiedOn', input.certifiedOn, options.now ?? new Date());
  try {
    const row = await options.db.learnerCredential.create({
      data: {
        userId: viewer.id,
        body: input.body,
        credential: input.credential,
        certifiedOn: new Date(`${input.certifiedOn}T00:00:00.000Z`),
      },
      select: { id: true, body: true, credential: true, certifiedOn: true },
    });
    return { ...row, certifiedOn: isoDay(row.certifiedOn) };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw AppError.badInput({
        credential: [`You already recorded ${input.credential} (${input.body}).`],
      });
    }
    throw error;
  }
}

export async function removeCredential(options: {
  db: Db;
  viewer: Viewer | null;
  credentialId: string;
}): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  requireId(options.credentialId, 'Credential');
  const removed = await options.db.learnerCredential.deleteMany({
    where: { id: options.credentialId, userId: viewer.id },
  });
  if (removed.count === 0) throw AppError.notFound('Credential');
  return true;
}

const selfReportedSchema = z.object({
  body: z.enum(BODIES, { error: 'Choose the body whose CEUs these are.' }),
  title: z.string().trim().min(3, 'Enter the program title.').max(300),
  provider: z.string().trim().min(2, 'Enter who provided it.').max(200),
  completedOn: day,
  ceuAmount: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Enter the CEUs as a number such as 1.5.')
    .refine((value) => Number(value) > 0, 'Enter more than 0 CEUs.'),
  // Optional fields: a form left empty sends null or '' (GraphQL nullable input); both mean
  // "not given": core category, no note.
  category: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((value) => value || 'core'),
  note: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((value) => value ?? ''),
});

export type SelfReportedCreditInput = z.input<typeof selfReportedSchema>;

function selfReportedView(row: {
  id: string;
  body: CreditBody;
  title: string;
  provider: string;
  completedOn: Date;
  ceuAmount: Prisma.Decimal;
  category: string;
  note: string;
}): SelfReportedCreditView {
  return {
    ...row,
    completedOn: isoDay(row.completedOn),
    ceuAmount: row.ceuAmount.toFixed(2),
  };
}

const selfReportedSelect = {
  id: true,
  body: true,
  title: true,
  provider: true,
  completedOn: true,
  ceuAmount: true,
  category: true,
  note: true,
} as const;

export async function listSelfReportedCredits(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<SelfReportedCreditView[]> {
  const viewer = requireViewer(options.viewer);
  const rows = await options.db.selfReportedCredit.findMany({
    where: { userId: viewer.id },
    orderBy: [{ completedOn: 'desc' }, { createdAt: 'desc' }],
    select: selfReportedSelect,
  });
  return rows.map(selfReportedView);
}

/** Records CEUs earned elsewhere; the transcript marks them self-reported. */
export async function addSelfReportedCredit(options: {
  db: Db;
  viewer: Viewer | null;
  input: SelfReportedCreditInput;
  now?: Date;
}): Promise<SelfReportedCreditView> {
  const viewer = requireViewer(options.viewer);
  const input = parseInput(selfReportedSchema, options.input);
  notInFuture('completedOn', input.completedOn, options.now ?? new Date());
  const row = await options.db.selfReportedCredit.create({
    data: {
      userId: viewer.id,
      body: input.body,
      title: input.title,
      provider: input.provider,
      completedOn: new Date(`${input.completedOn}T00:00:00.000Z`),
      ceuAmount: new Prisma.Decimal(input.ceuAmount),
      category: input.category,
      note: input.note,
    },
    select: selfReportedSelect,
  });
  return selfReportedView(row);
}

export async function removeSelfReportedCredit(options: {
  db: Db;
  viewer: Viewer | null;
  creditId: string;
}): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  requireId(options.creditId, 'Self-reported credit');
  const removed = await options.db.selfReportedCredit.deleteMany({
    where: { id: options.creditId, userId: viewer.id },
  });
  if (removed.count === 0) throw AppError.notFound('Self-reported credit');
  return true;
}
