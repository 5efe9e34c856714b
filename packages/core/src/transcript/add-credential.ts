import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { isUniqueViolation, parseInput } from '../errors/validate';
import { isoDay } from './ceu';
import { BODIES, day, type LearnerCredentialView, notInFuture } from './learner-credentials';

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

export interface AddCredentialOptions {
  db: Db;
  viewer: Viewer | null;
  input: LearnerCredentialInput;
  now?: Date;
}

/** Records a credential the viewer holds (one row per body and credential). */
export async function addCredential(options: AddCredentialOptions): Promise<LearnerCredentialView> {
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
