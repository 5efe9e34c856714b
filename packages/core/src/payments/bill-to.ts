import { z } from 'zod';

/** Optional lines a learner adds to a receipt for reimbursement by an employer or body. */
export interface BillToInput {
  name?: string | null;
  employer?: string | null;
  memberId?: string | null;
}

const optionalLine = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value.replace(/\s+/g, ' ') : null));

export const billToSchema = z.object({
  name: optionalLine(120, 'The name'),
  employer: optionalLine(200, 'The employer'),
  memberId: optionalLine(60, 'The member id'),
});

export type BillTo = z.output<typeof billToSchema>;

/** Order columns for a parsed bill-to. */
export function billToColumns(billTo: BillTo) {
  return {
    billToName: billTo.name,
    billToEmployer: billTo.employer,
    memberId: billTo.memberId,
  };
}
