import { z } from 'zod';
import { isMediaUrl } from '../content/media-limits';
import { videoEmbed } from '../content/video-embed';
import { aapcLastValidDay, utcDay } from './approval-rules';
import { LIMITS } from './limits';

const httpUrl = (field: string) =>
  z
    .string()
    .trim()
    .max(LIMITS.urlLength, `${field} is at most ${LIMITS.urlLength} characters.`)
    .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), {
      message: `${field} must be a full http(s) address, like https://example.org/…`,
    });

export const titleSchema = z
  .string()
  .trim()
  .min(1, 'Enter a title.')
  .max(LIMITS.titleLength, `Titles are at most ${LIMITS.titleLength} characters.`);

export const courseDetailsSchema = z.object({
  title: titleSchema,
  summary: z
    .string()
    .trim()
    .min(1, 'Enter a one-paragraph summary.')
    .max(LIMITS.summaryLength, `Summaries are at most ${LIMITS.summaryLength} characters.`),
  description: z
    .string()
    .max(
      LIMITS.descriptionLength,
      `Descriptions are at most ${LIMITS.descriptionLength} characters.`,
    )
    .default(''),
  kind: z.enum(['EXAM_PREP', 'CE'], { error: 'Choose exam prep or continuing education.' }),
  level: z
    .enum(['BEGINNER', 'INTERMEDIATE', 'ADVANCED'], { error: 'Choose a level.' })
    .default('BEGINNER'),
  priceCents: z
    .number({ error: 'Enter a price in cents (0 for free).' })
    .int('Prices are whole cents.')
    .min(0, 'Prices cannot be negative.')
    .max(LIMITS.priceCents, `Prices are at most $${LIMITS.priceCents / 100}.`)
    .default(0),
  /** An uploaded cover (/media/covers/…) or an image elsewhere (https). */
  coverImageUrl: z
    .string()
    .trim()
    .refine((value) => isMediaUrl(value) || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value), {
      message: 'Upload a cover image, or give the full https address of one.',
    })
    .nullish(),
  coverImageAlt: z
    .string()
    .trim()
    .max(LIMITS.altTextLength, `Alt text is at most ${LIMITS.altTextLength} characters.`)
    .default(''),
  minimumLessonTimePercent: z
    .number()
    .int('Use a whole percentage.')
    .min(0, 'Use 0 to 100.')
    .max(100, 'Use 0 to 100.')
    .optional(),
  minimumSeatMinutes: z
    .number()
    .int('Use whole minutes.')
    .min(0, 'Minutes cannot be negative.')
    .max(100_000, 'That is more than any course needs.')
    .optional(),
});

export type CourseDetailsInput = z.input<typeof courseDetailsSchema>;

/** A cover needs a text alternative: the card and the course page show it as an image. */
export const courseDetailsWithCoverSchema = courseDetailsSchema.superRefine((details, context) => {
  if (details.coverImageUrl && !details.coverImageAlt) {
    context.addIssue({
      code: 'custom',
      path: ['coverImageAlt'],
      message:
        'Describe the cover image in a few words for people who cannot see it (e.g. "A coder reviewing a chart").',
    });
  }
});

export const videoUrlSchema = httpUrl('The video URL').refine(
  (value) => videoEmbed(value) !== null,
  {
    message:
      'Use the link of one YouTube video (youtube.com/watch?v=…) or one Vimeo video (vimeo.com/123456789), or the address of an .mp4 file.',
  },
);

export const lessonSchema = z
  .object({
    title: titleSchema,
    kind: z.enum(['TEXT', 'VIDEO', 'QUIZ'], { error: 'Choose text, video or quiz.' }),
    body: z
      .string()
      .default('')
      .refine((body) => Buffer.byteLength(body, 'utf8') <= LIMITS.lessonBodyBytes, {
        message: `Lesson text is at most ${LIMITS.lessonBodyBytes / 1024} KB.`,
      }),
    videoUrl: videoUrlSchema.nullish(),
    videoSeconds: z
      .number()
      .int()
      .min(1, 'Enter the video length.')
      .max(24 * 3600)
      .nullish(),
    estimatedMinutes: z
      .number({ error: 'Enter the estimated minutes.' })
      .int('Minutes are whole numbers.')
      .min(0, 'Minutes cannot be negative.')
      .max(LIMITS.lessonMinutes, `A lesson is at most ${LIMITS.lessonMinutes} minutes.`),
    required: z.boolean().default(true),
    /** Uploaded WebVTT captions of an MP4 video (/media/captions/….vtt). */
    captionsUrl: z
      .string()
      .trim()
      .refine((value) => isMediaUrl(value) && value.startsWith('/media/captions/'), {
        message: 'Upload the captions as a WebVTT (.vtt) file.',
      })
      .nullish(),
    captionsLanguage: z
      .string()
      .trim()
      .regex(
        /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/,
        'Enter the language as a code like en, es or en-US.',
      )
      .nullish(),
    captionsLabel: z
      .string()
      .trim()
      .max(50, 'The captions label is at most 50 characters.')
      .nullish(),
  })
  .superRefine((lesson, context) => {
    if (lesson.kind === 'VIDEO' && !lesson.videoUrl) {
      context.addIssue({
        code: 'custom',
        path: ['videoUrl'],
        message: 'A video lesson needs a video URL.',
      });
    }
    if (lesson.captionsUrl) {
      if (lesson.kind !== 'VIDEO' || videoEmbed(lesson.videoUrl)?.provider !== 'MP4') {
        context.addIssue({
          code: 'custom',
          path: ['captionsFile'],
          message:
            'Captions files are for .mp4 videos. YouTube and Vimeo show their own captions: add them there.',
        });
      }
      if (!lesson.captionsLanguage) {
        context.addIssue({
          code: 'custom',
          path: ['captionsLanguage'],
          message: 'Enter the language of the captions, like en or es.',
        });
      }
      if (!lesson.captionsLabel) {
        context.addIssue({
          code: 'custom',
          path: ['captionsLabel'],
          message: 'Enter the name players show for the captions, like English.',
        });
      }
    }
  });

export type LessonInput = z.input<typeof lessonSchema>;

const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2026-12-31.`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, `${label} is not a real date.`);

export const creditApprovalSchema = z
  .object({
    body: z.enum(['AAPC', 'AHIMA', 'PMI', 'IACET', 'OTHER'], {
      error: 'Choose the approving body.',
    }),
    bodyName: z.string().trim().max(100).nullish(),
    approvalNumber: z
      .string()
      .trim()
      .min(1, 'Enter the approval or index number.')
      .max(100, 'Approval numbers are at most 100 characters.'),
    approvedTitle: titleSchema,
    ceuAmount: z
      .string()
      .trim()
      .regex(
        /^\d{1,4}(\.\d{1,2})?$/,
        'Enter the CEUs as a number with up to two decimals, like 1.50.',
      )
      .refine((value) => Number(value) > 0, 'CEUs must be more than zero.'),
    category: z.string().trim().min(1, 'Enter a category, e.g. core.').max(60).default('core'),
    validFrom: isoDate('Valid from'),
    validUntil: isoDate('Valid until'),
  })
  .superRefine((approval, context) => {
    if (approval.body === 'OTHER' && !approval.bodyName) {
      context.addIssue({ code: 'custom', path: ['bodyName'], message: 'Name the approving body.' });
    }
    if (approval.validFrom > approval.validUntil) {
      context.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'Valid until must be on or after valid from.',
      });
    } else if (approval.body === 'AAPC') {
      const lastDay = utcDay(aapcLastValidDay(new Date(`${approval.validFrom}T00:00:00Z`)));
      if (approval.validUntil > lastDay) {
        context.addIssue({
          code: 'custom',
          path: ['validUntil'],
          message: `An AAPC approval is valid for one year: from ${approval.validFrom}, its last day can be ${lastDay} at the latest.`,
        });
      }
    }
  });

export type CreditApprovalInput = z.input<typeof creditApprovalSchema>;

export const revisionSchema = z
  .number({ error: 'Send the revision you are editing.' })
  .int()
  .min(0);

/**
 * The draft version's columns from validated details: no cover means no alt text. An omitted
 * completion rule is left out (an update keeps the draft's; a new draft gets its default, 0).
 */
export function draftDetailsData(details: z.output<typeof courseDetailsSchema>) {
  return {
    title: details.title,
    summary: details.summary,
    description: details.description,
    kind: details.kind,
    level: details.level,
    priceCents: details.priceCents,
    coverImageUrl: details.coverImageUrl || null,
    coverImageAlt: details.coverImageUrl ? details.coverImageAlt : '',
    minimumLessonTimePercent: details.minimumLessonTimePercent,
    minimumSeatMinutes: details.minimumSeatMinutes,
  };
}
