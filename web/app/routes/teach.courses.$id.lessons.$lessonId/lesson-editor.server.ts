import type { ActionFunctionArgs } from '@remix-run/node';
import { UpdateLessonDocument } from '../../graphql/generated/graphql';
import { gql } from '../../utils/api.server';
import {
  checkbox,
  durationSeconds,
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
import { placeholderAlt, placeLessonImage } from '../../utils/lesson-image';
import { chosenFile, uploadedOrKept, uploadMedia } from '../../utils/media.server';
import { redirectWithFlash, requireAuthor } from '../../utils/teach.server';
import { LESSON_KIND_OPTIONS } from '../../utils/teach-options';
import { z } from '../../utils/zod';

const LessonSchema = z.object({
  revision: revision(),
  title: text(),
  kind: optionOf(LESSON_KIND_OPTIONS, 'Choose text, video or quiz.'),
  body: rawText(),
  videoUrl: text(),
  videoLength: durationSeconds(),
  estimatedMinutes: wholeNumber('Enter the estimated minutes, e.g. 15.', 'required'),
  required: checkbox(),
  captionsUrl: text(),
  removeCaptions: checkbox(),
  captionsLanguage: text(),
  captionsLabel: text(),
  imageAlt: text(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const lessonId = requireParam(params, 'lessonId');
  const formData = await request.formData();
  const submission = parseForm(formData, LessonSchema);
  const context = { intent: 'save-lesson', revision: revisionOf(formData) };
  if (submission.status !== 'success') return rejectForm(submission, context);
  const form = submission.value;
  let { body } = form;
  // Files go to the object store first; the lesson then refers to their /media/… URLs.
  const image = chosenFile(formData, 'image');
  const imageAlt = form.imageAlt || placeholderAlt(body);
  if (image && !imageAlt) {
    return rejectFields(submission, context, {
      imageAlt: ['Describe the image for people who cannot see it.'],
    });
  }
  let imagePlaced = false;
  if (image) {
    const uploaded = await uploadMedia(request, 'lesson-image', image);
    if (!uploaded.ok) return rejectFields(submission, context, { image: [uploaded.error] });
    // Into the text's image placeholder, or at the end when it has none.
    body = placeLessonImage(body, imageAlt ?? '', uploaded.url);
    imagePlaced = true;
  }
  const captions = await uploadedOrKept(request, formData, {
    kind: 'captions',
    fileField: 'captionsFile',
    keptUrl: form.captionsUrl,
    remove: form.removeCaptions,
  });
  if (!captions.ok) return rejectFields(submission, context, { captionsFile: [captions.error] });
  const captionsUrl = captions.url;
  const result = await gql(request, UpdateLessonDocument, {
    courseId,
    revision: form.revision,
    lessonId,
    input: {
      title: form.title,
      kind: form.kind,
      body,
      videoUrl: form.videoUrl || null,
      videoSeconds: form.videoLength,
      estimatedMinutes: form.estimatedMinutes,
      required: form.required,
      captionsUrl: captionsUrl || null,
      captionsLanguage: captionsUrl ? form.captionsLanguage || null : null,
      captionsLabel: captionsUrl ? form.captionsLabel || null : null,
    },
  });
  if (result.errors) {
    // The form shows what the lesson would have held: the uploaded image and captions in place.
    const echo = { body, captionsUrl, ...(imagePlaced ? { imageAlt: '' } : {}) };
    return failForm(request, submission, result.errors, {
      ...context,
      echo,
      rename: { videoSeconds: 'videoLength' },
    });
  }
  return redirectWithFlash(
    `/teach/courses/${courseId}/lessons/${lessonId}`,
    `Lesson “${form.title}” saved.`,
  );
}
