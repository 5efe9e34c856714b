import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CompletedBadge, ProgressBar, RelativeTime } from '../components/learning';
import { MyLearningDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { requireViewer } from '../utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('My learning') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const { myLearning } = await gqlData(request, MyLearningDocument);
  const courses = myLearning.map((course) => {
    const lessons = course.modules.flatMap((module) => module.lessons);
    const next = lessons.find((lesson) => lesson.id === course.nextLessonId) ?? null;
    const required = lessons.filter((lesson) => lesson.required);
    return {
      courseId: course.courseId,
      slug: course.slug,
      title: course.title,
      progressPercent: course.progressPercent,
      completedAt: course.completedAt,
      lastActivityAt: course.lastActivityAt,
      enrolledAt: course.enrolledAt,
      nextLessonId: course.nextLessonId,
      nextLessonTitle: next?.title ?? null,
      requiredDone: required.filter((lesson) => lesson.completedAt).length,
      requiredTotal: required.length,
    };
  });
  // "now" travels with the data so the server's and the browser's "2 days ago" agree.
  return { courses, now: Date.now() };
}

export default function MyLearningPage() {
  const { courses, now } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="learn-title">
      <header className="page-header">
        <h1 id="learn-title">My learning</h1>
        <p className="lead">Pick up where you left off. Your progress is saved as you study.</p>
      </header>
      {courses.length === 0 ? (
        <div className="empty-state card">
          <h2>You are not enrolled in any course yet</h2>
          <p>Browse the catalog and enrol in a course to start learning.</p>
          <p className="empty-state-actions">
            <Link to="/courses" className="button">
              Browse the catalog
            </Link>
          </p>
        </div>
      ) : (
        <ul className="learning-grid">
          {courses.map((course) => {
            const done = Boolean(course.completedAt);
            const continueTo =
              !done && course.nextLessonId
                ? `/learn/${course.courseId}/lessons/${course.nextLessonId}`
                : `/learn/${course.courseId}`;
            const titleId = `course-${course.courseId}`;
            return (
              <li key={course.courseId}>
                <article className="card learning-card" aria-labelledby={titleId}>
                  <header className="learning-card-header">
                    <h2 id={titleId} className="card-title">
                      <Link to={`/learn/${course.courseId}`}>{course.title}</Link>
                    </h2>
                    {done ? <CompletedBadge /> : null}
                  </header>
                  <ProgressBar
                    percent={course.progressPercent}
                    label={`Progress in ${course.title}`}
                  />
                  <p className="small muted">
                    {course.requiredDone} of {course.requiredTotal} required{' '}
                    {course.requiredTotal === 1 ? 'lesson' : 'lessons'} done
                  </p>
                  <p className="small">
                    {course.lastActivityAt ? (
                      <>
                        Last studied <RelativeTime iso={course.lastActivityAt} now={now} />
                      </>
                    ) : (
                      <>
                        Enrolled <RelativeTime iso={course.enrolledAt} now={now} />, not started yet
                      </>
                    )}
                  </p>
                  {!done && course.nextLessonTitle ? (
                    <p className="small">
                      Next: <strong>{course.nextLessonTitle}</strong>
                    </p>
                  ) : null}
                  <p className="learning-card-actions">
                    <Link to={continueTo} className="button">
                      {done ? 'Review' : course.lastActivityAt ? 'Continue' : 'Start'}
                      <span className="visually-hidden"> {course.title}</span>
                    </Link>
                    <Link to={`/learn/${course.courseId}`}>
                      Outline<span className="visually-hidden"> of {course.title}</span>
                    </Link>
                  </p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
