import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { nameSchema } from '../auth/credentials';
import { LIMITS } from '../authoring/limits';
import { parseInput } from '../errors/validate';
import { getMyProfile, type Profile } from './get-my-profile';

const thisYear = () => new Date().getUTCFullYear();

const profileSchema = z.object({
  name: nameSchema,
  bio: z
    .string()
    .trim()
    .max(LIMITS.bioLength, `Bios are at most ${LIMITS.bioLength} characters.`)
    .default(''),
  credentials: z
    .array(
      z.object({
        credential: z
          .string()
          .trim()
          .min(1, 'Name the credential, e.g. CPC.')
          .max(40, 'Credential names are at most 40 characters.'),
        awardedYear: z
          .number({ error: 'Enter the year it was awarded.' })
          .int()
          .min(1950, 'Enter a year after 1950.')
          .refine((year) => year <= thisYear(), 'The year cannot be in the future.'),
      }),
    )
    .max(
      LIMITS.credentialsPerInstructor,
      `List at most ${LIMITS.credentialsPerInstructor} credentials.`,
    )
    // Left out (students' profile form has no such list): the list stays as it is.
    .nullish(),
});

export interface UpdateMyProfileOptions {
  db: Db;
  viewer: Viewer | null;
  input: z.input<typeof profileSchema>;
}

/** Updates the viewer's name, bio and professional credentials (replacing the list). */
export async function updateMyProfile(options: UpdateMyProfileOptions): Promise<Profile> {
  const viewer = requireViewer(options.viewer);
  const input = parseInput(profileSchema, options.input);
  await options.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: viewer.id },
      data: { name: input.name, bio: input.bio || null },
      select: { id: true },
    });
    if (!input.credentials) return;
    const credentials = input.credentials;
    await tx.instructorCredential.deleteMany({ where: { userId: viewer.id } });
    await tx.instructorCredential.createMany({
      data: credentials.map((credential, position) => ({
        ...credential,
        position,
        userId: viewer.id,
      })),
    });
  });
  return getMyProfile(options);
}
