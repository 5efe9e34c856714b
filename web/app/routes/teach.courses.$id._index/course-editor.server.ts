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
import { parseDollarsToCents, parseWholeNumber } from '../../utils/form-values';
import { requireParam } from '../../utils/invariant';
import { chosenFile, uploadMedia } from '../../utils/media.server';
import { cookieHeaders, setFlash } from '../../utils/session.server';
import {
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../../utils/teach.server';
import { isOneOf, KIND_OPTIONS, LEVEL_OPTIONS } from '../../utils/teach-options';

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

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const here = `/teach/courses/${courseId}`;
  const formData = await request.formData();
  const form = formReader(formData);
  const intent = form.text('intent');
  const revision = form.revision();

  if (intent === 'details') {
    const values = {
      title: form.text('title'),
      summary: form.text('summary'),
      description: form.raw('description'),
      kind: form.text('kind'),
      level: form.text('level'),
      price: form.text('price'),
      free: form.checked('free') ? 'on' : '',
      coverImageUrl: form.checked('removeCover') ? '' : form.text('coverImageUrl'),
      coverImageAlt: form.text('coverImageAlt'),
      minimumLessonTimePercent: form.text('minimumLessonTimePercent'),
      minimumSeatMinutes: form.text('minimumSeatMinutes'),
    };
    const price = values.free ? { ok: true as const, value: 0 } : parseDollarsToCents(values.price);
    // Blank seat-time fields mean "no minimum" (0).
    const lessonPercent =
      values.minimumLessonTimePercent === ''
        ? 0
        : parseWholeNumber(values.minimumLessonTimePercent);
    const seatMinutes =
      values.minimumSeatMinutes === '' ? 0 : parseWholeNumber(values.minimumSeatMinutes);
    const local: Record<string, string[]> = {};
    if (!price.ok) local.price = [price.error];
    if (!isOneOf(KIND_OPTIONS, values.kind)) local.kind = ['Choose a kind.'];
    if (!isOneOf(LEVEL_OPTIONS, values.level)) local.level = ['Choose a level.'];
    if (lessonPercent === null) {
      local.minimumLessonTimePercent = ['Enter a whole percentage from 0 to 100, like 80.'];
    }
    if (seatMinutes === null) local.minimumSeatMinutes = ['Enter whole minutes, like 90.'];
    if (
      !price.ok ||
      !isOneOf(KIND_OPTIONS, values.kind) ||
      !isOneOf(LEVEL_OPTIONS, values.level) ||
      lessonPercent === null ||
      seatMinutes === null
    ) {
      return localFailure({ intent, values, fieldErrors: local, revision });
    }
    // A newly chosen cover goes to the object store first (checked there by its content).
    const coverFile = form.checked('removeCover') ? null : chosenFile(formData, 'coverImage');
    if (coverFile) {
      const uploaded = await uploadMedia(request, 'cover', coverFile);
      if (!uploaded.ok) {
        return localFailure({
          intent,
          values,
          fieldErrors: { coverImage: [uploaded.error] },
          revision,
        });
      }
      values.coverImageUrl = uploaded.url;
    }
    const result = await gql(request, UpdateCourseDetailsDocument, {
      courseId,
      revision,
      input: {
        title: values.title,
        summary: values.summary,
        description: values.description,
        kind: values.kind,
        level: values.level,
        priceCents: price.value,
        coverImageUrl: values.coverImageUrl || null,
        coverImageAlt: values.coverImageAlt,
        minimumLessonTimePercent: lessonPercent,
        minimumSeatMinutes: seatMinutes,
      },
    });
    if (result.errors) {
      return failure(request, result.errors, {
        intent,
        values,
        revision,
        rename: { priceCents: 'price' },
      });
    }
    return redirectWithFlash(here, 'Course details saved.');
  }

  if (
    intent === 'unpublish' ||
    intent === 'relist' ||
    intent === 'archive' ||
    intent === 'restore'
  ) {
    const { document, flash } = LIFECYCLE[intent];
    const result = await gql(request, document, { courseId });
    if (result.errors) return failure(request, result.errors, { intent, revision });
    return redirectWithFlash(here, flash);
  }

  if (intent === 'move-learners') {
    const result = await gql(request, MoveLearnersToLatestVersionDocument, { courseId });
    if (result.errors) return failure(request, result.errors, { intent, revision });
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

  if (intent === 'delete') {
    const result = await gql(request, DeleteCourseDocument, { courseId });
    if (result.errors) return failure(request, result.errors, { intent, revision });
    throw redirect('/teach', {
      headers: cookieHeaders(await setFlash('The draft course is deleted.', 'info')),
    });
  }

  if (intent === 'add-instructor') {
    const values = { email: form.text('email') };
    const result = await gql(request, AddCourseInstructorDocument, {
      courseId,
      email: values.email,
    });
    if (result.errors) return failure(request, result.errors, { intent, values, revision });
    const added = result.data.addCourseInstructor.at(-1);
    return redirectWithFlash(
      here,
      added ? `${added.name} can now edit this course.` : 'Co-instructor added.',
    );
  }

  if (intent === 'remove-instructor') {
    const userId = form.text('userId');
    const name = form.text('name');
    const result = await gql(request, RemoveCourseInstructorDocument, { courseId, userId });
    if (result.errors) return failure(request, result.errors, { intent, target: userId, revision });
    return redirectWithFlash(here, `${name || 'The co-instructor'} no longer edits this course.`);
  }

  throw new Response('Unknown action', { status: 400 });
}
