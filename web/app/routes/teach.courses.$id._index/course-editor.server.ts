import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import {
  AddCourseInstructorDocument,
  ArchiveCourseDocument,
  DeleteCourseDocument,
  MoveLearnersToLatestVersionDocument,
  RelistCourseDocument,
  RemoveCourseInstructorDocument,
  RestoreCourseDocument,
  UnpublishCourseDocument,
  UpdateCourseDetailsDocument,
} from '../../graphql/generated/graphql';
import { gql } from '../../utils/api.server';
import {
  checkbox,
  dollarsToCents,
  optionOf,
  rawText,
  revision,
  text,
  wholeNumber,
} from '../../utils/form-schemas';
import {
  failForm,
  parseForm,
  rejectFields,
  rejectForm,
  revisionOf,
} from '../../utils/forms.server';
import { requireParam } from '../../utils/invariant';
import { uploadedOrKept } from '../../utils/media.server';
import { cookieHeaders, setFlash } from '../../utils/session.server';
import { redirectWithFlash, requireAuthor } from '../../utils/teach.server';
import { KIND_OPTIONS, LEVEL_OPTIONS } from '../../utils/teach-options';
import { z } from '../../utils/zod';

export type LifecycleDocument = TypedDocumentNode<unknown, { courseId: string }>;

export const LIFECYCLE: Record<
  'unpublish' | 'relist' | 'archive' | 'restore',
  { document: LifecycleDocument; flash: string }
> = {
  unpublish: {
    document: UnpublishCourseDocument,
    flash: 'The course is unpublished: it is out of the catalog; enrolled learners keep access.',
  },
  relist: { document: RelistCourseDocument, flash: 'The course is back in the catalog.' },
  archive: {
    document: ArchiveCourseDocument,
    flash: 'The course is archived. Restore it to edit it again.',
  },
  restore: { document: RestoreCourseDocument, flash: 'The course is restored for editing.' },
};

const courseAction = <const Intent extends string>(intent: Intent) =>
  z.object({ intent: z.literal(intent), revision: revision() });

/** The course editor's forms, by intent. Blank seat-time fields mean "no minimum" (0). */
const CourseEditorSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('details'),
    revision: revision(),
    title: text(),
    summary: text(),
    description: rawText(),
    kind: optionOf(KIND_OPTIONS, 'Choose a kind.'),
    level: optionOf(LEVEL_OPTIONS, 'Choose a level.'),
    price: text(),
    free: checkbox(),
    coverImageUrl: text(),
    removeCover: checkbox(),
    coverImageAlt: text(),
    minimumLessonTimePercent: wholeNumber('Enter a whole percentage from 0 to 100, like 80.', 0),
    minimumSeatMinutes: wholeNumber('Enter whole minutes, like 90.', 0),
  }),
  courseAction('unpublish'),
  courseAction('relist'),
  courseAction('archive'),
  courseAction('restore'),
  courseAction('move-learners'),
  courseAction('delete'),
  courseAction('add-instructor').extend({ email: text() }),
  courseAction('remove-instructor').extend({ userId: text(), name: text() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const here = `/teach/courses/${courseId}`;
  const formData = await request.formData();
  const submission = parseForm(formData, CourseEditorSchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    return rejectForm(submission, {
      intent: String(formData.get('intent')),
      revision: revisionOf(formData),
    });
  }
  const form = submission.value;
  const { intent, revision: seen } = form;
  const context = { intent, revision: seen };

  if (form.intent === 'details') {
    const price = form.free ? 0 : dollarsToCents(form.price);
    if (typeof price === 'string') return rejectFields(submission, context, { price: [price] });
    // A newly chosen cover goes to the object store first (checked there by its content).
    const cover = await uploadedOrKept(request, formData, {
      kind: 'cover',
      fileField: 'coverImage',
      keptUrl: form.coverImageUrl,
      remove: form.removeCover,
    });
    if (!cover.ok) return rejectFields(submission, context, { coverImage: [cover.error] });
    const result = await gql(request, UpdateCourseDetailsDocument, {
      courseId,
      revision: seen,
      input: {
        title: form.title,
        summary: form.summary,
        description: form.description,
        kind: form.kind,
        level: form.level,
        priceCents: price,
        coverImageUrl: cover.url || null,
        coverImageAlt: form.coverImageAlt,
        minimumLessonTimePercent: form.minimumLessonTimePercent ?? 0,
        minimumSeatMinutes: form.minimumSeatMinutes ?? 0,
      },
    });
    if (result.errors) {
      return failForm(request, submission, result.errors, {
        ...context,
        rename: { priceCents: 'price' },
      });
    }
    return redirectWithFlash(here, 'Course details saved.');
  }

  if (
    form.intent === 'unpublish' ||
    form.intent === 'relist' ||
    form.intent === 'archive' ||
    form.intent === 'restore'
  ) {
    const { document, flash } = LIFECYCLE[form.intent];
    const result = await gql(request, document, { courseId });
    if (result.errors) return failForm(request, submission, result.errors, context);
    return redirectWithFlash(here, flash);
  }

  if (form.intent === 'move-learners') {
    const result = await gql(request, MoveLearnersToLatestVersionDocument, { courseId });
    if (result.errors) return failForm(request, submission, result.errors, context);
    const { moved, skipped, toVersionNumber } = result.data.moveLearnersToLatestVersion;
    const movedText =
      moved === 0
        ? `No in-progress learner needed moving to version ${toVersionNumber}.`
        : `${moved} in-progress ${moved === 1 ? 'learner moves' : 'learners move'} on in version ${toVersionNumber}, with their progress.`;
    const skippedText = skipped.length
      ? ` Not moved: ${skipped.map((entry) => `${entry.learnerName} (${entry.reason})`).join('; ')}.`
      : '';
    return redirectWithFlash(here, `${movedText}${skippedText}`);
  }

  if (form.intent === 'delete') {
    const result = await gql(request, DeleteCourseDocument, { courseId });
    if (result.errors) return failForm(request, submission, result.errors, context);
    throw redirect('/teach', {
      headers: cookieHeaders(await setFlash('The draft course is deleted.', 'info')),
    });
  }

  if (form.intent === 'add-instructor') {
    const result = await gql(request, AddCourseInstructorDocument, {
      courseId,
      email: form.email,
    });
    if (result.errors) return failForm(request, submission, result.errors, context);
    const added = result.data.addCourseInstructor.at(-1);
    return redirectWithFlash(
      here,
      added ? `${added.name} can now edit this course.` : 'Co-instructor added.',
    );
  }

  const result = await gql(request, RemoveCourseInstructorDocument, {
    courseId,
    userId: form.userId,
  });
  if (result.errors) {
    return failForm(request, submission, result.errors, { ...context, target: form.userId });
  }
  return redirectWithFlash(
    here,
    `${form.name || 'The co-instructor'} no longer edits this course.`,
  );
}
