import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { Form, Link, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import {
  CheckboxField,
  ConfirmDisclosure,
  ConflictBanner,
  SelectField,
  TextAreaField,
} from '../components/fields';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import {
  useActionFailure,
  useFormFailure,
  useRevision,
  useTeachCourse,
} from '../components/teach-course';
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
} from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { centsToDollars, parseDollarsToCents, parseWholeNumber } from '../utils/form-values';
import { formatDay, roleLabel } from '../utils/format';
import { chosenFile, uploadMedia } from '../utils/media.server';
import { cookieHeaders, setFlash } from '../utils/session.server';
import {
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../utils/teach.server';
import { isOneOf, KIND_OPTIONS, LEVEL_OPTIONS } from '../utils/teach-options';
import { useTimeZone } from '../utils/time-zone';

type LifecycleDocument = TypedDocumentNode<unknown, { courseId: string }>;

const LIFECYCLE: Record<
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
  const courseId = params.id ?? '';
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

function DetailsForm() {
  const timeZone = useTimeZone();
  const { course } = useTeachCourse();
  const { failure, values, errors } = useFormFailure('details');
  const revision = useRevision(course.revision);
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'details';
  const formRef = useFormErrorFocus(failure);
  const archived = course.status === 'ARCHIVED';
  const isFree = values ? Boolean(values.free) : course.price.amountCents === 0;

  return (
    <section aria-labelledby="details-title" className="card">
      <h2 id="details-title">Details</h2>
      {archived ? (
        <p className="alert alert-info">This course is archived: restore it to edit the details.</p>
      ) : null}
      <FormError message={failure?.formError} id="details-error" />
      <Form
        ref={formRef}
        method="post"
        encType="multipart/form-data"
        noValidate
        className="form"
        aria-labelledby="details-title"
        // New server values after a save: remount so the fields show them.
        key={course.revision}
      >
        <input type="hidden" name="intent" value="details" />
        <input type="hidden" name="revision" value={revision} />
        <fieldset disabled={archived} className="plain-fieldset form">
          <Field
            name="title"
            label="Title"
            required
            maxLength={200}
            defaultValue={values?.title ?? course.title}
            errors={errors.title}
            hint="AAPC approves an exact program title: keep it identical to your approval."
          />
          <TextAreaField
            name="summary"
            label="Summary"
            rows={3}
            required
            defaultValue={values?.summary ?? course.summary}
            errors={errors.summary}
          />
          <TextAreaField
            name="description"
            label="Description (Markdown)"
            className="markdown-input"
            rows={10}
            defaultValue={values?.description ?? course.description}
            errors={errors.description}
            hint="Shown on the course page. Markdown: ## headings, **bold**, - lists, [links](https://…)."
          />
          <div className="field-row">
            <SelectField
              name="kind"
              label="Kind"
              options={KIND_OPTIONS}
              defaultValue={values?.kind ?? course.kind}
              errors={errors.kind}
            />
            <SelectField
              name="level"
              label="Level"
              options={LEVEL_OPTIONS}
              defaultValue={values?.level ?? course.level}
              errors={errors.level}
            />
          </div>
          <div className="field-row">
            <Field
              name="price"
              label="Price (US dollars)"
              inputMode="decimal"
              hint="For example 49.00."
              defaultValue={values?.price ?? centsToDollars(course.price.amountCents)}
              errors={errors.price}
            />
            <CheckboxField name="free" label="This course is free" defaultChecked={isFree} />
          </div>
          <CoverImageFields
            currentUrl={values?.coverImageUrl ?? course.coverImageUrl ?? ''}
            alt={values?.coverImageAlt ?? course.coverImageAlt}
            errors={errors}
          />
          <fieldset className="plain-fieldset">
            <legend>Seat time (completion rules)</legend>
            <p className="field-hint">
              Certificates rest on these rules: a learner can mark a lesson complete only after
              spending the share of its estimated time you set, and completes the course only after
              the total study time. Adding the first credit approval sets 80 % per lesson when
              neither rule is set. 0 or blank: no minimum.
            </p>
            <div className="field-row">
              <Field
                name="minimumLessonTimePercent"
                label="Minimum time per lesson (% of its estimated time)"
                inputMode="numeric"
                defaultValue={
                  values?.minimumLessonTimePercent ?? String(course.minimumLessonTimePercent)
                }
                errors={errors.minimumLessonTimePercent}
              />
              <Field
                name="minimumSeatMinutes"
                label="Minimum total study time (minutes)"
                inputMode="numeric"
                defaultValue={values?.minimumSeatMinutes ?? String(course.minimumSeatMinutes)}
                errors={errors.minimumSeatMinutes}
              />
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save details'}
            </button>
            <span className="muted small">Last change {formatDay(course.updatedAt, timeZone)}</span>
          </div>
        </fieldset>
      </Form>
    </section>
  );
}

/* learner: course cover image (issue 13) */
function CoverImageFields({
  currentUrl,
  alt,
  errors,
}: {
  currentUrl: string;
  alt: string;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <fieldset className="plain-fieldset cover-fields">
      <legend>Cover image</legend>
      {currentUrl ? (
        <div className="cover-current">
          <img src={currentUrl} alt={alt} className="cover-thumb" width={160} height={90} />
          <CheckboxField name="removeCover" label="Remove the cover image" />
        </div>
      ) : null}
      <input type="hidden" name="coverImageUrl" value={currentUrl} />
      <Field
        name="coverImage"
        label={currentUrl ? 'Replace with another picture' : 'Picture'}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        hint="Optional. PNG, JPEG, WebP or GIF, at most 2 MB; about 1200 × 675 pixels (16:9) looks best on cards."
        errors={errors.coverImage ?? errors.coverImageUrl}
      />
      <Field
        name="coverImageAlt"
        label="Alt text (what the picture shows)"
        maxLength={250}
        hint="Required with a cover, for people who cannot see it: e.g. “A coder reviewing an inpatient chart”."
        defaultValue={alt}
        errors={errors.coverImageAlt}
      />
    </fieldset>
  );
}

function LifecycleButton({ intent, label }: { intent: string; label: string }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="button-secondary" disabled={busy}>
        {busy ? 'Working…' : label}
      </button>
    </Form>
  );
}

function StatusPanel() {
  const timeZone = useTimeZone();
  const { course, canManageTeam } = useTeachCourse();
  const base = `/teach/courses/${course.id}`;
  const failure = useActionFailure();
  const lifecycleError =
    failure &&
    !failure.conflict &&
    ['unpublish', 'relist', 'archive', 'restore', 'delete', 'move-learners'].includes(
      failure.intent,
    )
      ? failure.formError
      : null;
  return (
    <section aria-labelledby="status-title" className="card status-panel">
      <h2 id="status-title">Status and actions</h2>
      <FormError message={lifecycleError} id="status-error" />
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{course.status.charAt(0) + course.status.slice(1).toLowerCase()}</dd>
        </div>
        <div>
          <dt>Published version</dt>
          <dd>{course.latestPublishedVersionNumber ?? 'none yet'}</dd>
        </div>
        <div>
          <dt>Draft</dt>
          <dd>version {course.versionNumber}</dd>
        </div>
        {course.publishedAt ? (
          <div>
            <dt>First published</dt>
            <dd>{formatDay(course.publishedAt, timeZone)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="action-list">
        {course.status !== 'ARCHIVED' ? (
          <div className="action-item">
            <Link to={`${base}/publish`} className="button">
              Publish version {course.versionNumber}…
            </Link>
            <p className="field-hint">Review the changes and any problems first.</p>
          </div>
        ) : null}
        {course.status === 'PUBLISHED' ? (
          <div className="action-item">
            <LifecycleButton intent="unpublish" label="Unpublish" />
            <p className="field-hint">
              Hides it from the catalog. Enrolled learners keep access; you can relist it later.
            </p>
          </div>
        ) : null}
        {(course.latestPublishedVersionNumber ?? 0) > 1 ? (
          <div className="action-item">
            <Form method="post">
              <input type="hidden" name="intent" value="move-learners" />
              <button type="submit" className="button-secondary" aria-describedby="move-hint">
                Move in-progress learners to version {course.latestPublishedVersionNumber}
              </button>
            </Form>
            <p className="field-hint" id="move-hint">
              Learners still studying an older version continue in the latest one (for example to
              earn a renewed approval). Their completed lessons and study time carry over; learners
              who completed the course stay on their version.
            </p>
          </div>
        ) : null}
        {course.status === 'UNPUBLISHED' ? (
          <div className="action-item">
            <LifecycleButton intent="relist" label="Relist in the catalog" />
            <p className="field-hint">Shows version {course.latestPublishedVersionNumber} again.</p>
          </div>
        ) : null}
        {course.status === 'ARCHIVED' ? (
          <div className="action-item">
            <LifecycleButton intent="restore" label="Restore" />
            <p className="field-hint">Brings the course back for editing (not into the catalog).</p>
          </div>
        ) : (
          <div className="action-item">
            <ConfirmDisclosure summary="Archive…">
              <p>
                Archiving retires “{course.title}”: it leaves the catalog and becomes read-only.
                Nothing is deleted and you can restore it.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="archive" />
                <button type="submit" className="button-danger">
                  Archive “{course.title}”
                </button>
              </Form>
            </ConfirmDisclosure>
          </div>
        )}
        {course.latestPublishedVersionNumber == null && canManageTeam ? (
          <div className="action-item">
            <ConfirmDisclosure summary="Delete draft…">
              <p>
                This permanently deletes “{course.title}” with its syllabus and approvals. It was
                never published, so no learner is affected. This cannot be undone.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="button-danger">
                  Delete “{course.title}” permanently
                </button>
              </Form>
            </ConfirmDisclosure>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function TeamPanel() {
  const { course, canManageTeam, viewer } = useTeachCourse();
  const { failure, values, errors } = useFormFailure('add-instructor');
  const removeFailure = useActionFailure();
  const navigation = useNavigation();
  const adding =
    navigation.state !== 'idle' && navigation.formData?.get('intent') === 'add-instructor';
  return (
    <section aria-labelledby="team-title" className="card">
      <h2 id="team-title">Instructors</h2>
      {removeFailure?.intent === 'remove-instructor' && !removeFailure.conflict ? (
        <FormError message={removeFailure.formError} id="team-error" />
      ) : null}
      <ul className="team-list">
        {course.instructors.map((person) => (
          <li key={person.userId}>
            <div>
              <strong>{person.name}</strong>
              {person.userId === viewer.id ? <span className="muted"> (you)</span> : null}
              <br />
              <span className="muted small">
                {person.email} · {person.role === 'OWNER' ? 'Owner' : 'Co-instructor'}
              </span>
            </div>
            {canManageTeam && person.role !== 'OWNER' ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-instructor" />
                <input type="hidden" name="userId" value={person.userId} />
                <input type="hidden" name="name" value={person.name} />
                <button type="submit" className="button-secondary button-small">
                  Remove<span className="visually-hidden"> {person.name}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canManageTeam ? (
        <Form method="post" noValidate className="form inline-add" aria-label="Add a co-instructor">
          <input type="hidden" name="intent" value="add-instructor" />
          <Field
            name="email"
            id="co-instructor-email"
            label="Add a co-instructor by email"
            type="email"
            autoComplete="off"
            hint="They need an instructor account."
            defaultValue={values?.email}
            errors={errors.email}
          />
          {failure?.formError && !errors.email ? (
            <FormError message={failure.formError} id="add-instructor-error" />
          ) : null}
          <button type="submit" className="button-secondary" disabled={adding}>
            {adding ? 'Adding…' : 'Add co-instructor'}
          </button>
        </Form>
      ) : (
        <p className="muted small">
          Only the owner ({course.instructors[0]?.name}) or an admin can change who teaches this
          course. Your role: {roleLabel(viewer.role)}.
        </p>
      )}
    </section>
  );
}

export default function CourseEditor() {
  const failure = useActionFailure();
  return (
    <>
      <ConflictBanner message={failure?.conflict} />
      <div className="editor-layout">
        <DetailsForm />
        <div className="editor-aside">
          <StatusPanel />
          <TeamPanel />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
