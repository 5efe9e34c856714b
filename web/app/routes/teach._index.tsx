import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CheckboxField, SelectField, StatusBadge, TextAreaField } from '../components/fields';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import { Pager } from '../components/pager';
import { useActionFailure } from '../components/teach-course';
import { CreateCourseDocument, ManageableCoursesDocument } from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { checkbox, dollarsToCents, optionOf, text } from '../utils/form-schemas';
import { formatDay } from '../utils/format';
import { failForm, parseForm, rejectFields, rejectForm } from '../utils/forms.server';
import { cookieHeaders, setFlash } from '../utils/session.server';
import { requireAuthor } from '../utils/teach.server';
import { KIND_OPTIONS, LEVEL_OPTIONS } from '../utils/teach-options';
import { useTimeZone } from '../utils/time-zone';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('My courses') }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request);
  const url = new URL(request.url);
  const after = url.searchParams.get('after') || null;
  const { manageableCourses } = await gqlData(request, ManageableCoursesDocument, {
    first: PAGE_SIZE,
    after,
  });
  return {
    isAdmin: viewer.role === 'ADMIN',
    courses: manageableCourses.edges.map((edge) => edge.node),
    totalCount: manageableCourses.totalCount,
    nextAfter: manageableCourses.pageInfo.hasNextPage ? manageableCourses.pageInfo.endCursor : null,
    isFirstPage: !after,
  };
}

const CreateCourseSchema = z.object({
  title: text(),
  summary: text(),
  kind: optionOf(KIND_OPTIONS, 'Choose a kind.'),
  level: optionOf(LEVEL_OPTIONS, 'Choose a level.').default('BEGINNER'),
  price: text(),
  free: checkbox(),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireAuthor(request);
  const submission = parseForm(await request.formData(), CreateCourseSchema);
  const context = { intent: 'create' };
  if (submission.status !== 'success') return rejectForm(submission, context);
  const { price, free, ...input } = submission.value;
  const priceCents = free ? 0 : dollarsToCents(price);
  if (typeof priceCents === 'string')
    return rejectFields(submission, context, { price: [priceCents] });
  const result = await gql(request, CreateCourseDocument, { input: { ...input, priceCents } });
  if (result.errors) {
    return failForm(request, submission, result.errors, {
      ...context,
      rename: { priceCents: 'price' },
    });
  }
  throw redirect(`/teach/courses/${result.data.createCourse.id}`, {
    headers: cookieHeaders(
      await setFlash(`“${input.title}” is created as a draft. Add its syllabus next.`),
    ),
  });
}

export default function TeachIndex() {
  const timeZone = useTimeZone();
  const { courses, totalCount, nextAfter, isFirstPage, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionFailure();
  const navigation = useNavigation();
  const creating = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const formRef = useFormErrorFocus(actionData);
  const values = actionData?.values;
  const errors = actionData?.fieldErrors ?? {};

  return (
    <div className="teach-page">
      <header className="page-header">
        <h1>My courses</h1>
        <p className="lead">
          {isAdmin
            ? 'As an admin you see every course on the platform.'
            : 'Courses you own or co-teach. Edit the draft, then publish it as a new version.'}
        </p>
        <p>
          <Link to="/teach/approvals">Credit approvals: status, expiry and rosters</Link>
        </p>
      </header>

      <div className="teach-index-layout">
        <section aria-labelledby="courses-title" className="section">
          <h2 id="courses-title">
            Courses <span className="count">({totalCount})</span>
          </h2>
          {courses.length === 0 ? (
            <p className="empty">You have no courses yet. Create your first one with the form.</p>
          ) : (
            <DataTable
              columns={[
                'Course',
                'Status',
                'Published version',
                'Last change',
                { hidden: 'Actions' },
              ]}
            >
              {courses.map((course) => (
                <tr key={course.id}>
                  <th scope="row" data-label="Course">
                    <Link to={`/teach/courses/${course.id}`} className="table-title">
                      {course.title || course.slug}
                    </Link>
                    {isAdmin ? <span className="muted small">by {course.ownerName}</span> : null}
                  </th>
                  <td data-label="Status">
                    <StatusBadge status={course.status} />
                    {course.openCodeSetNotices > 0 ? (
                      <Link
                        to={`/teach/courses/${course.id}`}
                        className="badge badge-warning code-set-notice-badge"
                      >
                        {course.openCodeSetNotices} code-set{' '}
                        {course.openCodeSetNotices === 1 ? 'notice' : 'notices'}
                      </Link>
                    ) : null}
                  </td>
                  <td data-label="Published version">
                    {course.latestPublishedVersionNumber
                      ? `Version ${course.latestPublishedVersionNumber}`
                      : 'Never published'}
                  </td>
                  <td data-label="Last change">
                    <time dateTime={course.updatedAt}>{formatDay(course.updatedAt, timeZone)}</time>
                  </td>
                  <td>
                    <Link
                      to={`/teach/courses/${course.id}`}
                      className="button button-secondary button-small"
                      aria-label={`Edit “${course.title || course.slug}”`}
                    >
                      Edit
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pager
            firstHref={!isFirstPage ? '/teach' : null}
            nextHref={nextAfter ? `/teach?${new URLSearchParams({ after: nextAfter })}` : null}
          />
        </section>

        <section aria-labelledby="new-course-title" className="card new-course">
          <h2 id="new-course-title">New course</h2>
          <FormError message={actionData?.formError} />
          <Form
            ref={formRef}
            method="post"
            noValidate
            className="form"
            aria-labelledby="new-course-title"
          >
            <Field
              name="title"
              label="Title"
              required
              maxLength={200}
              defaultValue={values?.title}
              errors={errors.title}
            />
            <TextAreaField
              name="summary"
              label="Summary"
              hint="One paragraph: who it is for and what they will be able to do."
              rows={3}
              required
              defaultValue={values?.summary}
              errors={errors.summary}
            />
            <div className="field-row">
              <SelectField
                name="kind"
                label="Kind"
                options={KIND_OPTIONS}
                defaultValue={values?.kind || 'CE'}
                errors={errors.kind}
              />
              <SelectField
                name="level"
                label="Level"
                options={LEVEL_OPTIONS}
                defaultValue={values?.level || 'BEGINNER'}
                errors={errors.level}
              />
            </div>
            <Field
              name="price"
              label="Price (US dollars)"
              inputMode="decimal"
              hint="For example 49.00. Leave empty or 0 for a free course."
              defaultValue={values?.price}
              errors={errors.price}
            />
            <CheckboxField
              name="free"
              label="This course is free"
              defaultChecked={Boolean(values?.free)}
            />
            <button type="submit" disabled={creating}>
              {creating ? 'Creating…' : 'Create course'}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
