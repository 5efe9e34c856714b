import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CheckboxField, ConflictBanner, SelectField, TextAreaField } from '../components/fields';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import { useFormFailure, useRevision, useTeachCourse } from '../components/teach-course';
import { TeachCourseContentDocument, UpdateLessonDocument } from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDuration, parseDuration, parseWholeNumber } from '../utils/form-values';
import { quizModeLabel } from '../utils/learning';
import {
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../utils/teach.server';
import { isOneOf, LESSON_KIND_OPTIONS } from '../utils/teach-options';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Edit lesson “${data.lesson.title}”` : 'Edit lesson') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const { editableCourse } = await gqlData(request, TeachCourseContentDocument, {
    id: params.id ?? '',
  });
  for (const [moduleIndex, module] of editableCourse.modules.entries()) {
    const lesson = module.lessons.find((candidate) => candidate.id === params.lessonId);
    if (lesson) {
      return { lesson, module: { id: module.id, title: module.title, number: moduleIndex + 1 } };
    }
  }
  throw new Response('Not found', { status: 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = params.id ?? '';
  const lessonId = params.lessonId ?? '';
  const form = formReader(await request.formData());
  const intent = 'save-lesson';
  const revision = form.revision();
  const values = {
    title: form.text('title'),
    kind: form.text('kind'),
    body: form.raw('body'),
    videoUrl: form.text('videoUrl'),
    videoLength: form.text('videoLength'),
    estimatedMinutes: form.text('estimatedMinutes'),
    required: form.checked('required') ? 'on' : '',
  };
  const minutes = parseWholeNumber(values.estimatedMinutes);
  const length = parseDuration(values.videoLength);
  const local: Record<string, string[]> = {};
  if (minutes == null) local.estimatedMinutes = ['Enter the estimated minutes, e.g. 15.'];
  if (!length.ok) local.videoLength = [length.error];
  if (!isOneOf(LESSON_KIND_OPTIONS, values.kind)) local.kind = ['Choose text, video or quiz.'];
  if (minutes == null || !length.ok || !isOneOf(LESSON_KIND_OPTIONS, values.kind)) {
    return localFailure({ intent, values, fieldErrors: local, revision });
  }
  const result = await gql(request, UpdateLessonDocument, {
    courseId,
    revision,
    lessonId,
    input: {
      title: values.title,
      kind: values.kind,
      body: values.body,
      videoUrl: values.videoUrl || null,
      videoSeconds: length.value,
      estimatedMinutes: minutes,
      required: Boolean(values.required),
    },
  });
  if (result.errors) {
    return failure(request, result.errors, {
      intent,
      values,
      revision,
      rename: { videoSeconds: 'videoLength' },
    });
  }
  return redirectWithFlash(
    `/teach/courses/${courseId}/lessons/${lessonId}`,
    `Lesson “${values.title}” saved.`,
  );
}

export default function LessonEditor() {
  const { lesson, module } = useLoaderData<typeof loader>();
  const { course } = useTeachCourse();
  const { failure, values, errors } = useFormFailure('save-lesson');
  const revision = useRevision(course.revision);
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const formRef = useFormErrorFocus(failure);
  const [kind, setKind] = useState(values?.kind ?? lesson.kind);
  const archived = course.status === 'ARCHIVED';

  return (
    <section aria-labelledby="lesson-title">
      <ConflictBanner message={failure?.conflict} />
      <p className="back-link">
        <Link to={`/teach/courses/${course.id}/syllabus`}>← Back to the syllabus</Link>
      </p>
      <h2 id="lesson-title">
        <span className="muted">
          Module {module.number}: {module.title} /
        </span>{' '}
        {lesson.title}
      </h2>
      <FormError message={failure?.formError} id="lesson-error" />
      <Form
        ref={formRef}
        key={revision}
        method="post"
        noValidate
        className="card form lesson-form"
        aria-labelledby="lesson-title"
      >
        <input type="hidden" name="revision" value={revision} />
        <fieldset disabled={archived} className="plain-fieldset form">
          <div className="field-row field-row-wide">
            <Field
              name="title"
              label="Title"
              required
              maxLength={200}
              defaultValue={values?.title ?? lesson.title}
              errors={errors.title}
            />
            <SelectField
              name="kind"
              label="Kind"
              options={LESSON_KIND_OPTIONS}
              defaultValue={values?.kind ?? lesson.kind}
              onChange={(event) => setKind(event.currentTarget.value as typeof kind)}
              errors={errors.kind}
            />
          </div>
          {kind === 'QUIZ' ? (
            <div className="alert alert-info quiz-callout" role="note">
              {lesson.kind !== 'QUIZ' ? (
                <p>Save the lesson as a quiz first, then build its questions.</p>
              ) : lesson.quiz ? (
                <p>
                  <strong>{quizModeLabel(lesson.quiz.mode)}</strong> · pass mark{' '}
                  {lesson.quiz.passPercent}% · {lesson.quiz.questions.length}{' '}
                  {lesson.quiz.questions.length === 1 ? 'question' : 'questions'} in the pool
                  {lesson.quiz.questionsPerAttempt
                    ? `, ${lesson.quiz.questionsPerAttempt} drawn per attempt`
                    : ''}
                  . The text below is shown as the quiz’s instructions.
                </p>
              ) : (
                <p>This quiz lesson has no quiz yet: set it up and add its questions.</p>
              )}
              {lesson.kind === 'QUIZ' ? (
                <Link
                  to={`/teach/courses/${course.id}/lessons/${lesson.id}/quiz`}
                  className="button button-secondary"
                >
                  {lesson.quiz ? 'Open the quiz builder' : 'Set up the quiz'}
                </Link>
              ) : null}
            </div>
          ) : null}
          <TextAreaField
            name="body"
            label="Lesson text (Markdown)"
            className="markdown-input markdown-input-large"
            rows={18}
            spellCheck
            defaultValue={values?.body ?? lesson.body}
            errors={errors.body}
            hint="## Heading, **bold**, *italic*, - list items, > quotes, [link](https://…). At most 200 KB."
          />
          <fieldset className="subfieldset">
            <legend>Video</legend>
            <div className="field-row field-row-wide">
              <Field
                name="videoUrl"
                label="Video URL"
                type="url"
                hint="YouTube, Vimeo, or the address of an .mp4 file. Required for video lessons."
                defaultValue={values?.videoUrl ?? lesson.videoUrl ?? ''}
                errors={errors.videoUrl}
              />
              <Field
                name="videoLength"
                label="Video length"
                inputMode="numeric"
                placeholder="12:30"
                hint="minutes:seconds"
                defaultValue={values?.videoLength ?? formatDuration(lesson.videoSeconds)}
                errors={errors.videoLength}
              />
            </div>
          </fieldset>
          <div className="field-row">
            <Field
              name="estimatedMinutes"
              label="Estimated minutes"
              inputMode="numeric"
              required
              hint="Instructional time; CE credit is based on it."
              defaultValue={values?.estimatedMinutes ?? String(lesson.estimatedMinutes)}
              errors={errors.estimatedMinutes}
            />
            <CheckboxField
              name="required"
              label="Required for completion"
              defaultChecked={values ? Boolean(values.required) : lesson.required}
            />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save lesson'}
            </button>
          </div>
        </fieldset>
      </Form>

      <section aria-labelledby="rendered-title" className="card rendered-preview">
        <h3 id="rendered-title">Preview of the saved text</h3>
        {lesson.bodyHtml.trim() ? (
          // Rendered and sanitised by the API (packages/core/src/content/render-markdown.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side HTML
          <div className="prose" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
        ) : (
          <p className="muted">Nothing yet. Write Markdown above and save to see it rendered.</p>
        )}
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
