import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { ConfirmCheckbox } from '../components/confirm-checkbox';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ConflictBanner } from '../components/fields';
import { FormError } from '../components/form';
import { useActionFailure, useRevision, useTeachCourse } from '../components/teach-course';
import {
  PublishCourseDocument,
  PublishPreviewDocument,
  type TeachCourseFragment,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { confirmed, text } from '../utils/form-schemas';
import { formatMinutes } from '../utils/format';
import { failForm, parseForm, rejectFields, revisionOf } from '../utils/forms.server';
import { requireParam } from '../utils/invariant';
import { redirectWithFlash, requireAuthor } from '../utils/teach.server';
import { z } from '../utils/zod';

/** Publishing asks for the ticked confirmation; the API checks the rest. */
const PublishSchema = z.object({ confirm: confirmed('Tick the box.'), version: text() });

export const meta: MetaFunction = () => [{ title: pageTitle('Publish') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const { publishPreview } = await gqlData(request, PublishPreviewDocument, {
    courseId: requireParam(params, 'id'),
  });
  return { preview: publishPreview };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const formData = await request.formData();
  const submission = parseForm(formData, PublishSchema);
  const revision = revisionOf(formData);
  const context = { intent: 'publish', revision };
  if (submission.status !== 'success') {
    const version = String(formData.get('version') ?? '').trim();
    return rejectFields(submission, context, {
      confirm: [
        `Tick the box to publish version ${version}: learners who enrol from now on get it.`,
      ],
    });
  }
  const result = await gql(request, PublishCourseDocument, { courseId, revision });
  if (result.errors) return failForm(request, submission, result.errors, context);
  const { publishedVersionNumber, changes } = result.data.publishCourse;
  const summary = changes.length === 1 ? ` ${changes[0]}.` : ` ${changes.length} changes.`;
  return redirectWithFlash(
    `/teach/courses/${courseId}`,
    `Version ${publishedVersionNumber} is published.${summary}`,
  );
}

type Problem = Awaited<ReturnType<typeof loader>>['preview']['publishingProblems'][number];

/** Where to go to fix a problem: the record the API says it is about. */
function fixLink(problem: Problem, course: TeachCourseFragment): { to: string; label: string } {
  const base = `/teach/courses/${course.id}`;
  const lesson = problem.lessonId
    ? course.modules.flatMap((module) => module.lessons).find((l) => l.id === problem.lessonId)
    : undefined;
  if (lesson) {
    const quizKinds = [
      'QUIZ_LESSON_WITHOUT_QUIZ',
      'QUIZ_WITHOUT_QUESTIONS',
      'QUIZ_DRAWS_MORE_THAN_POOL',
    ];
    return quizKinds.includes(problem.kind)
      ? { to: `${base}/lessons/${lesson.id}/quiz`, label: `Open the quiz of “${lesson.title}”` }
      : { to: `${base}/lessons/${lesson.id}`, label: `Edit “${lesson.title}”` };
  }
  if (problem.moduleId || problem.kind === 'NO_MODULES' || problem.kind === 'TOO_MANY_POST_TESTS') {
    return { to: `${base}/syllabus`, label: 'Open the syllabus' };
  }
  if (problem.creditApprovalId) return { to: `${base}/approvals`, label: 'Open credit approvals' };
  return { to: base, label: 'Edit the details' };
}

export default function PublishPage() {
  const { preview } = useLoaderData<typeof loader>();
  const { course } = useTeachCourse();
  const failureData = useActionFailure();
  const revision = useRevision(course.revision);
  const navigation = useNavigation();
  const publishing = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const archived = course.status === 'ARCHIVED';

  return (
    <section aria-labelledby="publish-title" className="publish-page">
      <ConflictBanner message={failureData?.conflict} />
      <FormError message={failureData?.formError} id="publish-error" />
      <h2 id="publish-title">Publish version {preview.nextVersionNumber}</h2>
      <p className="lead">
        Publishing freezes the draft as version {preview.nextVersionNumber}: the catalog shows it
        and new learners enrol in it. Learners already enrolled keep the version they started.
      </p>

      <div className="publish-grid">
        <section aria-labelledby="changes-title" className="card">
          <h3 id="changes-title">
            {course.latestPublishedVersionNumber
              ? `Changes since version ${course.latestPublishedVersionNumber}`
              : 'What will be published'}
          </h3>
          {preview.changes.length === 0 ? (
            <p className="muted">No changes.</p>
          ) : (
            <ul className="change-list">
              {preview.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          )}
          <p className="muted small">
            Instructional time: {formatMinutes(preview.instructionalMinutes)}
          </p>
        </section>

        <section aria-labelledby="problems-title" className="card">
          <h3 id="problems-title">
            {preview.publishingProblems.length === 0 ? 'Ready to publish' : 'Fix these first'}
          </h3>
          {preview.publishingProblems.length === 0 ? (
            <p className="ready">✓ Nothing prevents publishing.</p>
          ) : (
            <ul className="problem-list">
              {preview.publishingProblems.map((problem) => {
                const fix = fixLink(problem, course);
                return (
                  <li key={problem.message}>
                    <span>{problem.message}</span> <Link to={fix.to}>{fix.label}</Link>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      {archived ? (
        <p className="alert alert-info">This course is archived. Restore it before publishing.</p>
      ) : (
        <Form method="post" className="publish-form">
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="version" value={preview.nextVersionNumber} />
          {preview.canPublish ? (
            <ConfirmCheckbox
              id="publish-confirm"
              error={
                failureData?.intent === 'publish' ? failureData.fieldErrors.confirm?.[0] : null
              }
            >
              Publish version {preview.nextVersionNumber} now: the catalog shows it and new learners
              enrol in it. A published version cannot be changed.
            </ConfirmCheckbox>
          ) : null}
          <button
            type="submit"
            className="button-large"
            disabled={!preview.canPublish || publishing}
            aria-describedby={preview.canPublish ? undefined : 'problems-title'}
          >
            {publishing ? 'Publishing…' : `Publish version ${preview.nextVersionNumber}`}
          </button>
          <Link to={`/teach/courses/${course.id}/preview`}>Preview the draft first</Link>
        </Form>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
