import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { ApprovalStatusBadge } from '../components/approval-status';
import { Breadcrumb } from '../components/breadcrumb';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CompletedBadge, ProgressBar } from '../components/learning';
import {
  CourseDetailDocument,
  CourseEnrollmentStateDocument,
  EnrollInCourseDocument,
  StartCheckoutDocument,
} from '../graphql/generated/graphql';
import type { loader as rootLoader } from '../root';
import { errorResponse, gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { CODE_SET_SOURCES } from '../utils/code-sets';
import {
  courseKindLabel,
  creditBodyName,
  formatCredentials,
  formatDate,
  formatDay,
  formatMinutes,
  formatPrice,
  lessonKindLabel,
  levelLabel,
} from '../utils/format';
import { requireParam } from '../utils/invariant';
import { redirectWithFlash } from '../utils/learning.server';
import { getViewer, requireViewer } from '../utils/session.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: pageTitle(data.course.title) },
        { name: 'description', content: data.course.summary },
      ]
    : [{ title: pageTitle('Course not found') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = requireParam(params, 'slug');
  const [{ course }, viewer] = await Promise.all([
    gqlData(request, CourseDetailDocument, { slug }),
    getViewer(request),
  ]);
  if (!course) throw new Response('Not found', { status: 404 });
  // The viewer's enrolment (active or not), for the Enrol / Continue area.
  const enrollment = viewer
    ? (await gqlData(request, CourseEnrollmentStateDocument, { courseId: course.id }))
        .learningCourse
    : null;
  const modules = [...course.modules]
    .sort((a, b) => a.position - b.position)
    .map((module) => ({
      ...module,
      minutes: module.lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0),
    }));
  return { course: { ...course, modules }, enrollment };
}

/** "Enrol for free": enrols the viewer, then opens the course outline with a flash message. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireViewer(request);
  const form = await request.formData();
  const courseId = String(form.get('courseId') ?? '');
  if (form.get('intent') === 'buy' && courseId) return buy(request, form, courseId, params.slug);
  if (form.get('intent') !== 'enroll' || !courseId) {
    throw new Response('Unknown action', { status: 400 });
  }
  const result = await gql(request, EnrollInCourseDocument, { courseId });
  if (result.errors) {
    const [error] = result.errors;
    // Paid courses are bought, not enrolled in: say so on the course page.
    if (error.code === 'FORBIDDEN') {
      return redirectWithFlash(`/courses/${requireParam(params, 'slug')}`, error.message, 'error');
    }
    throw errorResponse(request, error);
  }
  return redirectWithFlash(
    `/learn/${courseId}`,
    'You are enrolled. Your progress is saved as you go.',
  );
}

/**
 * "Buy": the API starts (or reuses) a Stripe Checkout at the server's price; the browser is
 * redirected to the hosted checkout page. Errors (outage, already enrolled) come back as a flash.
 */
async function buy(request: Request, form: FormData, courseId: string, slug = '') {
  const line = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const result = await gql(request, StartCheckoutDocument, {
    courseId,
    billTo: { employer: line('billToEmployer'), memberId: line('memberId') },
  });
  if (result.errors) {
    const [error] = result.errors;
    // The address is not confirmed yet: the page that sends a new link, then back here.
    if (error.code === 'PRECONDITION_FAILED') {
      const redirectTo = `/courses/${slug}`;
      return redirectWithFlash(
        `/verify-email?${new URLSearchParams({ redirectTo })}`,
        error.message,
        'error',
      );
    }
    if (['SERVICE_UNAVAILABLE', 'CONFLICT', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(error.code)) {
      const detail = Object.values(error.fieldErrors ?? {}).flat()[0];
      return redirectWithFlash(`/courses/${slug}`, detail ?? error.message, 'error');
    }
    throw errorResponse(request, error);
  }
  return redirect(result.data.startCheckout.url);
}

type CoursePageData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The Enrol / Continue / Buy area. Signed out: sign in first. Enrolled: continue where they
 * left off. Free: enrol with one plain form post. Paid: the checkout slot (a later issue).
 */
function EnrollmentActions({
  course,
  enrollment,
  signedIn,
}: {
  course: CoursePageData['course'];
  enrollment: CoursePageData['enrollment'];
  signedIn: boolean;
}) {
  const navigation = useNavigation();
  const enrolling = navigation.formData?.get('intent') === 'enroll';
  const coursePath = `/courses/${course.slug}`;

  if (!signedIn) {
    return (
      <div className="enrol-actions">
        <Link
          to={`/sign-in?${new URLSearchParams({ redirectTo: coursePath })}`}
          className="button button-block button-large"
        >
          Sign in to enrol
        </Link>
        <p className="small muted">
          New here?{' '}
          <Link to={`/register?${new URLSearchParams({ redirectTo: coursePath })}`}>
            Create an account
          </Link>
        </p>
      </div>
    );
  }

  if (enrollment?.status === 'ACTIVE') {
    const done = Boolean(enrollment.completedAt);
    const next = enrollment.nextLessonId
      ? `/learn/${course.id}/lessons/${enrollment.nextLessonId}`
      : `/learn/${course.id}`;
    return (
      <div className="enrol-actions">
        <p className="enrolled-note">
          {done ? <CompletedBadge /> : <span className="badge">Enrolled</span>}
        </p>
        <ProgressBar percent={enrollment.progressPercent} label="Your progress in this course" />
        <Link to={done ? `/learn/${course.id}` : next} className="button button-block button-large">
          {done ? 'Review the course' : 'Continue learning'}
        </Link>
        <p className="small">
          <Link to={`/learn/${course.id}`}>Course outline and progress</Link>
        </p>
      </div>
    );
  }

  if (!course.isFree && enrollment?.status !== 'UNENROLLED') {
    const buying = navigation.formData?.get('intent') === 'buy';
    const refunded = enrollment?.status === 'ENDED';
    return (
      <Form method="post" className="enrol-actions checkout-slot" data-slot="checkout">
        <input type="hidden" name="courseId" value={course.id} />
        <details className="bill-to">
          <summary className="bill-to-summary">Receipt for your employer (optional)</summary>
          <div className="field">
            <label htmlFor="billToEmployer">Bill to (employer)</label>
            <input
              id="billToEmployer"
              name="billToEmployer"
              maxLength={200}
              autoComplete="organization"
            />
          </div>
          <div className="field">
            <label htmlFor="memberId">Member id</label>
            <input id="memberId" name="memberId" maxLength={60} />
          </div>
        </details>
        <button
          type="submit"
          name="intent"
          value="buy"
          className="button button-block button-large"
          disabled={buying}
          aria-describedby="checkout-note"
        >
          {buying ? 'Opening checkout…' : `Buy – ${formatPrice(course.price, course.isFree)}`}
        </button>
        <p id="checkout-note" className="small muted">
          {refunded
            ? 'Your earlier purchase was refunded. Buy again to get access back.'
            : 'Secure payment by Stripe. The course opens as soon as you have paid.'}
        </p>
      </Form>
    );
  }

  return (
    <Form method="post" className="enrol-actions">
      <input type="hidden" name="courseId" value={course.id} />
      <button
        type="submit"
        name="intent"
        value="enroll"
        className="button button-block button-large"
        disabled={enrolling}
      >
        {enrolling
          ? 'Enrolling…'
          : enrollment
            ? course.isFree
              ? 'Enrol again for free'
              : 'Rejoin the course'
            : 'Enrol for free'}
      </button>
      {enrollment ? (
        <p className="small muted">
          You left this course earlier; your progress was kept
          {course.isFree ? '.' : ', and you do not pay again.'}
        </p>
      ) : null}
    </Form>
  );
}

/** Plain-text description: blank lines separate paragraphs (rendered as text, never HTML). */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, order never changes
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}

export default function CoursePage() {
  const timeZone = useTimeZone();
  const { course, enrollment } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const viewer = root?.viewer ?? null;
  const lessonCount = course.totalLessons;
  const price = formatPrice(course.price, course.isFree);

  return (
    <article className="course" aria-labelledby="course-title">
      <Breadcrumb trail={[{ to: '/courses', label: 'Catalog' }]} current={course.title} />

      <header className="course-header">
        <p className="card-eyebrow">
          {courseKindLabel(course.kind)} · {levelLabel(course.level)}
        </p>
        <h1 id="course-title">{course.title}</h1>
        <p className="lead">{course.summary}</p>
        {course.coverImageUrl ? (
          <img
            className="course-cover"
            src={course.coverImageUrl}
            alt={course.coverImageAlt}
            width={1200}
            height={675}
          />
        ) : null}
        {course.codeSetsTaught.length > 0 ? (
          <p className="code-sets-taught">
            Teaches the code sets of <strong>{course.codeSetsTaught.join(', ')}</strong>.{' '}
            <a href="/codes">Code look-up</a>
            {course.codeSetsTaught.some((name) => name.startsWith('ICD-10-CM')) ? (
              <span className="small muted"> · {CODE_SET_SOURCES.ICD10CM}</span>
            ) : null}
          </p>
        ) : null}
      </header>

      <div className="course-layout">
        <div className="course-main">
          <section aria-labelledby="about-title" className="section">
            <h2 id="about-title">About this course</h2>
            <Paragraphs text={course.description} />
          </section>

          <section aria-labelledby="syllabus-title" className="section">
            <h2 id="syllabus-title">Syllabus</h2>
            <p className="muted">
              {course.modules.length} {course.modules.length === 1 ? 'module' : 'modules'} ·{' '}
              {lessonCount} {lessonCount === 1 ? 'lesson' : 'lessons'} · Total instructional time:{' '}
              {formatMinutes(course.instructionalMinutes)} ({course.instructionalMinutes} minutes)
            </p>
            <ol className="syllabus">
              {course.modules.map((module, index) => (
                <li key={module.id} className="syllabus-module">
                  <h3>
                    <span className="module-number">Module {index + 1}:</span> {module.title}
                    <span className="module-minutes"> · {formatMinutes(module.minutes)}</span>
                  </h3>
                  <ol className="lessons">
                    {module.lessons.map((lesson) => (
                      <li key={lesson.id} className="lesson">
                        <span className="lesson-title">{lesson.title}</span>
                        <span className="lesson-meta">
                          <span className={`kind kind-${lesson.kind.toLowerCase()}`}>
                            {lessonKindLabel(lesson.kind)}
                          </span>{' '}
                          {lesson.estimatedMinutes} min
                          {lesson.required ? null : ' · optional'}
                        </span>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="instructor-title" className="section">
            <h2 id="instructor-title">
              {course.instructors.length === 1 ? 'Your instructor' : 'Your instructors'}
            </h2>
            <ul className="instructor-list">
              {course.instructors.map((instructor) => (
                <li key={instructor.id} className="instructor">
                  <p className="instructor-name">{instructor.name}</p>
                  {instructor.credentials.length > 0 ? (
                    <p className="instructor-credentials">
                      <span className="visually-hidden">Credentials: </span>
                      {formatCredentials(instructor.credentials)}
                    </p>
                  ) : null}
                  {instructor.bio ? <Paragraphs text={instructor.bio} /> : null}
                </li>
              ))}
            </ul>
          </section>
        </div>

        <aside className="course-aside" aria-labelledby="enrol-title">
          <div className="card">
            <h2 id="enrol-title" className="visually-hidden">
              Price and credit
            </h2>
            <p className="price">{price}</p>
            {course.creditNotices.length > 0 ? (
              <div className="alert alert-warning credit-notices" id="credit-notices">
                <strong>About the credit before you enrol:</strong>
                <ul>
                  {course.creditNotices.map((notice) => (
                    <li key={notice}>{notice}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <EnrollmentActions course={course} enrollment={enrollment} signedIn={Boolean(viewer)} />
            <dl className="facts">
              <div>
                <dt>Instructional time</dt>
                <dd>{formatMinutes(course.instructionalMinutes)}</dd>
              </div>
              <div>
                <dt>Level</dt>
                <dd>{levelLabel(course.level)}</dd>
              </div>
              <div>
                <dt>Version</dt>
                <dd>
                  {course.versionNumber}, published {formatDay(course.publishedAt, timeZone)}
                </dd>
              </div>
            </dl>
            <h3 className="aside-heading">Continuing-education credit</h3>
            {course.credits.length > 0 ? (
              <ul className="credits">
                {course.credits.map((credit) => (
                  <li
                    key={`${credit.body}-${credit.bodyName ?? ''}-${credit.category}`}
                    className={credit.available ? undefined : 'credit-expired'}
                  >
                    <strong>{creditBodyName(credit)}</strong> · {credit.ceuAmount} CEUs ·{' '}
                    {credit.available ? 'valid' : 'expired, not included:'} until{' '}
                    {formatDate(credit.validUntil)}
                    <span className="muted"> ({credit.category})</span>{' '}
                    <ApprovalStatusBadge status={credit.status} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">This course does not carry CE credit.</p>
            )}
          </div>
        </aside>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
