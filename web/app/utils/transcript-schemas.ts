import { z } from './zod';

/** The credit bodies a learner can report CEUs for (the API's CreditBody enum). */
export const CREDIT_BODIES = ['AAPC', 'AHIMA', 'PMI', 'IACET', 'OTHER'] as const;

const required = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message });

/**
 * The "Add CEUs earned elsewhere" form (Conform parses it with this, on the server and in the
 * browser). Category and note are optional: an empty field is simply absent. The API checks
 * the rest (a real date, a CEU amount with at most two decimals, …) and its messages land on
 * the same fields.
 */
export const SelfReportedCreditSchema = z.object({
  intent: z.literal('add-self-reported'),
  body: z.enum(CREDIT_BODIES, { error: 'Choose the credential body.' }),
  title: required('Enter the program title.'),
  provider: required('Enter who provided the program.'),
  completedOn: required('Enter the date you completed it.'),
  ceuAmount: required('Enter the CEUs, e.g. 1.5.'),
  category: z.string().trim().optional(),
  note: z.string().trim().optional(),
});

/** "Add a credential": the API checks the credential and the date. */
export const AddCredentialSchema = z.object({
  intent: z.literal('add-credential'),
  body: z.enum(CREDIT_BODIES, { error: 'Choose the credential body.' }),
  credential: z.string().trim().default(''),
  certifiedOn: z.string().trim().default(''),
});

/** The remove buttons of credentials and self-reported entries. */
export const RemoveByIdSchema = z.object({ id: z.string().trim().default('') });
