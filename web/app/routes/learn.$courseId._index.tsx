import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { Breadcrumb } from '../components/breadcrumb';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ConfirmDisclosure } from '../components/fields';
import { CompletedBadge, LessonTick, ProgressBar, RelativeTime } from '../components/learning';
import { UnenrollFromCourseDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatMinutes, lessonKindLabel } from '../utils/format';
import { requireParam } from '../utils/invariant';
import { completionRule, formatDateTime, formatSpan, missingItems } from '../utils/learning';
import { intentOf, redirectWithFlash, requireLearningCourse } from '../utils/learning.server';
import { requireViewer } from '../utils/session.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? data.course.title : 'Course') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const course = await requireLearningCourse(request, requireParam(params, 'courseId'));
  return { course, missing: missingItems(course), now: Date.now() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireViewer(request);
  const courseId = requireParam(params, 'courseId');
  const form = await request.formData();
  if (intentOf(form) !== 'unenroll') throw new Response('Unknown action', { status: 400 });
  await gqlData(request, UnenrollFromCourseDocument, { courseId });
  return redirectWithFlash(
    '/learn',
    'You have left the course. Your progress is kept if you enrol again.',
    'info',
  );
}

export default function CourseOutlinePage() {
  const timeZone = useTimeZone();
  const { course, missing, now } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const leaving = navigation.formData?.get('intent') === 'unenroll';
  const active = course.status === 'ACTIVE';
  const done = Boolean(course.completedAt);
  const lessons = course.modules.flatMap((module) => module.lessons);
  const next = lessons.find((lesson) => lesson.id === course.nextLessonId);

  return (
    <article aria-labelledby="outline-title" className="outline-page">
      <Breadcrumb trail={[{ to: '/learn', label: 'My learning' }]} current={course.title} />
      <header className="page-header">
        <p className="card-eyebrow">Version {course.versionNumber}</p>
        <h1 id="outline-title">{course.title}</h1>
        <p className="muted">
          Enrolled <RelativeTime iso={course.enrolledAt} now={now} />
          {course.lastActivityAt ? (
            <>
              {' · '}last studied <RelativeTime iso={course.lastActivityAt} now={now} />
            </>
          ) : null}
          {' · '}
          <Link to={`/courses/${course.slug}`}>Course page</Link>
        </p>
      </header>

      {!active ? (
        <div className="alert alert-warning" role="status">
          <p>
            You are no longer enrolled in this course. Your progress below is kept; enrol again from
            the <Link to={`/courses/${course.slug}`}>course page</Link> to continue.
          </p>
        </div>
      ) : null}

      {done && course.completedAt ? (
        <div className="completed-banner" role="status">
          <CompletedBadge label="Course completed" />
          <p>
            You completed this course on{' '}
            <time dateTime={course.completedAt}>
              {formatDateTime(course.completedAt, timeZone)}
            </time>
            . Well done! You can still review every lesson.
          </p>
          <p>
            <Link to="/certificates">View your certificate</Link>
          </p>
        </div>
      ) : null}

      <div className="outline-layout">
        <div className="outline-main">
          <section aria-labelledby="progress-title" className="card outline-progress">
            <h2 id="progress-title" className="panel-title">
              Your progress
            </h2>
            <ProgressBar percent={course.progressPercent} label="Course progress" />
            <p className="small muted">
              Study time so far: {formatSpan(course.seatSeconds)}
              {course.minimumSeatMinutes > 0
                ? ` of the ${course.minimumSeatMinutes} minutes required`
                : ''}
            </p>
            {active && !done && next ? (
              <p>
                <Link
                  to={`/learn/${course.courseId}/lessons/${next.id}`}
                  className="button button-large"
                >
                  {lessons.some((lesson) => lesson.completedAt || lesson.seatSeconds > 0)
                    ? 'Continue'
                    : 'Start'}
                  : {next.title}
                </Link>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="lessons-title" className="section">
            <h2 id="lessons-title">Lessons</h2>
            <ol className="outline-modules">
              {course.modules.map((module, index) => (
                <li key={module.id} className="outline-module">
                  <h3>
                    <span className="module-number">Module {index + 1}:</span> {module.title}
                  </h3>
                  <ol className="outline-lessons">
                    {module.lessons.map((lesson) => (
                      <li
                        key={lesson.id}
                        className={lesson.completedAt ? 'outline-lesson is-done' : 'outline-lesson'}
                      >
                        <LessonTick done={Boolean(lesson.completedAt)} />
                        <span className="outline-lesson-main">
                          {active ? (
                            <Link to={`/learn/${course.courseId}/lessons/${lesson.id}`}>
                              {lesson.title}
                            </Link>
                          ) : (
                            <span>{lesson.title}</span>
                          )}
                          <span className="lesson-meta">
                            <span className={`kind kind-${lesson.kind.toLowerCase()}`}>
                              {lessonKindLabel(lesson.kind)}
                            </span>{' '}
                            {formatMinutes(lesson.estimatedMinutes)} ·{' '}
                            {lesson.required ? 'Required' : 'Optional'}
                            {lesson.seatSeconds > 0
                              ? ` · you spent ${formatSpan(lesson.seatSeconds)}`
                              : ''}
                          </span>
                        </span>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="outline-aside">
          <section aria-labelledby="rule-title" className="card">
            <h2 id="rule-title" className="panel-title">
              How to complete this course
            </h2>
            <ul className="rule-list">
              {completionRule(course).map((rule) => (
                <li key={rule}>{rule}</li>
              ))}
            </ul>
            {done ? null : (
              <>
                <h3>Still to do</h3>
                {missing.length > 0 ? (
                  <ul className="missing-list">
                    {missing.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="small">Nothing left: completion is recorded shortly.</p>
                )}
              </>
            )}
          </section>

          {active ? (
            <section aria-labelledby="leave-title" className="card">
              <h2 id="leave-title" className="panel-title">
                Leave the course
              </h2>
              <ConfirmDisclosure summary="Unenrol…">
                <p>
                  You will leave “{course.title}”. Your progress and quiz history are kept, and you
                  can enrol again later.
                </p>
                <Form method="post">
                  <button
                    type="submit"
                    name="intent"
                    value="unenroll"
                    className="button-danger"
                    disabled={leaving}
                  >
                    {leaving ? 'Leaving…' : 'Yes, unenrol me'}
                  </button>
                </Form>
              </ConfirmDisclosure>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
