import type { Db } from '@lms/db';
import { isTimeZone } from '@lms/time';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';

const timeZoneSchema = z.object({
  timeZone: z
    .string({ error: 'Choose your time zone.' })
    .trim()
    .min(1, 'Choose your time zone.')
    .refine(isTimeZone, 'Choose a time zone from the list, like America/Chicago.'),
});

/**
 * Sets the IANA time zone the viewer reads dates and times in (pages, PDFs, emails). Only how
 * times are shown changes: credit days follow the provider's zone (docs/domain.md).
 */
export async function setMyTimeZone(options: {
  db: Db;
  viewer: Viewer | null;
  input: { timeZone: string };
}): Promise<{ timeZone: string }> {
  const viewer = requireViewer(options.viewer);
  const { timeZone } = parseInput(timeZoneSchema, options.input);
  await options.db.user.update({
    where: { id: viewer.id },
    data: { timeZone },
    select: { id: true },
  });
  return { timeZone };
}
