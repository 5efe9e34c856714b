import type { Db } from '@lms/db';
import { Prisma } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import {
  BODIES,
  day,
  notInFuture,
  type SelfReportedCreditView,
  selfReportedSelect,
  selfReportedView,
} from './learner-credentials';

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

export interface AddSelfReportedCreditOptions {
  db: Db;
  viewer: Viewer | null;
  input: SelfReportedCreditInput;
  now?: Date;
}

/** Records CEUs earned elsewhere; the transcript marks them self-reported. */
export async function addSelfReportedCredit(
  options: AddSelfReportedCreditOptions,
): Promise<SelfReportedCreditView> {
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
