import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { CheckboxField, ConflictBanner, CurrentUpload, SelectField } from '../../components/fields';
import { Field, FormError, useFormErrorFocus } from '../../components/form';
import { MarkdownEditor } from '../../components/markdown-editor';
import { useFormFailure, useRevision, useTeachCourse } from '../../components/teach-course';
import { TeachCourseContentDocument } from '../../graphql/generated/graphql';
import { gqlData } from '../../utils/api.server';
import { pageTitle } from '../../utils/brand';
import { formatDuration } from '../../utils/format';
import { requireParam } from '../../utils/invariant';
import { quizModeLabel } from '../../utils/learning';
import { requireAuthor } from '../../utils/teach.server';
import { LESSON_KIND_OPTIONS } from '../../utils/teach-options';

export { action } from './lesson-editor.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Edit lesson “${data.lesson.title}”` : 'Edit lesson') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const { editableCourse } = await gqlData(request, TeachCourseContentDocument, {
    id: requireParam(params, 'id'),
  });
  for (const [moduleIndex, module] of editableCourse.modules.entries()) {
    const lesson = module.lessons.find((candidate) => candidate.id === params.lessonId);
    if (lesson) {
      return { lesson, module: { id: module.id, title: module.title, number: moduleIndex + 1 } };
    }
  }
  throw new Response('Not found', { status: 404 });
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
        encType="multipart/form-data"
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
          <MarkdownEditor
            name="body"
            label="Lesson text (Markdown)"
            defaultValue={values?.body ?? lesson.body}
            errors={errors.body}
            initialHtml={lesson.bodyHtml}
            hint="## Heading, **bold**, *italic*, - list items, > quotes, [link](https://…), ![image description](https://…). At most 200 KB."
          />
          <fieldset className="subfieldset">
            <legend>Add an image to the text</legend>
            <p className="field-hint">
              The picture is stored with the course and goes where the text has{' '}
              <code>![description](https://)</code> (the Image button writes it), or at the end of
              the text when there is none.
            </p>
            <div className="field-row field-row-wide">
              <Field
                name="image"
                label="Picture"
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                hint="PNG, JPEG, WebP or GIF, at most 2 MB."
                errors={errors.image}
              />
              <Field
                name="imageAlt"
                label="Image description (alt text)"
                maxLength={250}
                hint="What the picture shows, for people who cannot see it."
                defaultValue={values?.imageAlt ?? ''}
                errors={errors.imageAlt}
              />
            </div>
          </fieldset>
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
            <CaptionsFields
              currentUrl={
                values
                  ? values.removeCaptions
                    ? ''
                    : (values.captionsUrl ?? '')
                  : (lesson.captionsUrl ?? '')
              }
              language={values?.captionsLanguage ?? lesson.captionsLanguage ?? 'en'}
              label={values?.captionsLabel ?? lesson.captionsLabel ?? 'English'}
              errors={errors}
            />
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

/* learner: WebVTT captions of MP4 videos (issue 13) */
function CaptionsFields({
  currentUrl,
  language,
  label,
  errors,
}: {
  currentUrl: string;
  language: string;
  label: string;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <fieldset className="subfieldset captions-fields">
      <legend>Captions (for .mp4 videos)</legend>
      <p className="field-hint" id="captions-note">
        Upload a WebVTT (.vtt) captions file for an .mp4 video: learners get it as the video’s
        captions track. YouTube and Vimeo videos show their own captions: add captions on YouTube or
        Vimeo instead.
      </p>
      <CurrentUpload
        url={currentUrl}
        urlName="captionsUrl"
        removeName="removeCaptions"
        removeLabel="Remove the captions"
        className="captions-current"
      >
        <p>
          Captions uploaded (<a href={currentUrl}>view the .vtt file</a>).
        </p>
      </CurrentUpload>
      <div className="field-row field-row-wide">
        <Field
          name="captionsFile"
          label={currentUrl ? 'Replace the captions file' : 'Captions file (.vtt)'}
          type="file"
          accept=".vtt,text/vtt"
          hint="Starts with the line WEBVTT; at most 512 KB."
          errors={errors.captionsFile ?? errors.captionsUrl}
        />
        <Field
          name="captionsLanguage"
          label="Language code"
          maxLength={20}
          hint="For example en, es or en-US."
          defaultValue={language}
          errors={errors.captionsLanguage}
        />
        <Field
          name="captionsLabel"
          label="Captions name"
          maxLength={50}
          hint="What players list, e.g. English."
          defaultValue={label}
          errors={errors.captionsLabel}
        />
      </div>
    </fieldset>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
