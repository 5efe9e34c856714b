import { Form, useNavigation } from '@remix-run/react';
import { CheckboxField, CurrentUpload, SelectField, TextAreaField } from '../../components/fields';
import { Field, FormError, useFormErrorFocus } from '../../components/form';
import { useFormFailure, useRevision, useTeachCourse } from '../../components/teach-course';
import { centsToDollars, formatDay } from '../../utils/format';
import { KIND_OPTIONS, LEVEL_OPTIONS } from '../../utils/teach-options';
import { useTimeZone } from '../../utils/time-zone';

export function DetailsForm() {
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
            currentUrl={
              values
                ? values.removeCover
                  ? ''
                  : (values.coverImageUrl ?? '')
                : (course.coverImageUrl ?? '')
            }
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

export function CoverImageFields({
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
      <CurrentUpload
        url={currentUrl}
        urlName="coverImageUrl"
        removeName="removeCover"
        removeLabel="Remove the cover image"
        className="cover-current"
      >
        <img src={currentUrl} alt={alt} className="cover-thumb" width={160} height={90} />
      </CurrentUpload>
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
