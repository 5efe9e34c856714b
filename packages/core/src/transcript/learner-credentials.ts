import type { CreditBody } from '@lms/db';
import { Prisma } from '@lms/db';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { isoDay } from './ceu';

export const BODIES = ['AAPC', 'AHIMA', 'PMI', 'IACET', 'OTHER'] as const;

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

export const day = z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' });

export function notInFuture(field: string, value: string, today: Date) {
  if (value > isoDay(today)) {
    throw AppError.badInput({ [field]: ['The date cannot be in the future.'] });
  }
}

export function selfReportedView(row: {
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

export const selfReportedSelect = {
  id: true,
  body: true,
  title: true,
  provider: true,
  completedOn: true,
  ceuAmount: true,
  category: true,
  note: true,
} as const;
