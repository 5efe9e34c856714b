import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, Outlet, useLoaderData, useMatches } from '@remix-run/react';
import { Breadcrumb } from '../components/breadcrumb';
import { CodeSetNotices } from '../components/code-set-notices';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { StatusBadge } from '../components/fields';
import { NavList } from '../components/nav-list';
import { CourseCodeSetNoticesDocument, TeachCourseDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatMinutes } from '../utils/format';
import { requireParam } from '../utils/invariant';
import { requireAuthor } from '../utils/teach.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Edit “${data.course.title}”` : 'Edit course') },
];

/** The course's working draft, shared by every page of the editor (details, syllabus, …). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request);
  const [{ editableCourse }, { courseCodeSetNotices }] = await Promise.all([
    gqlData(request, TeachCourseDocument, { id: requireParam(params, 'id') }),
    gqlData(request, CourseCodeSetNoticesDocument, { courseId: requireParam(params, 'id') }),
  ]);
  return {
    course: editableCourse,
    codeSetNotices: courseCodeSetNotices,
    viewer: { id: viewer.id, role: viewer.role },
    canManageTeam: editableCourse.viewerIsOwner || viewer.role === 'ADMIN',
  };
}

export default function TeachCourseLayout() {
  const { course, codeSetNotices } = useLoaderData<typeof loader>();
  const base = `/teach/courses/${course.id}`;
  // A lesson's editor belongs to the syllabus: keep that tab marked.
  const matches = useMatches();
  const onLesson = matches.some(
    (match) =>
      match.id === 'routes/teach.courses.$id.lessons.$lessonId' ||
      match.id === 'routes/teach.courses.$id.lessons.$lessonId_.quiz',
  );
  // A quiz's statistics belong to the gradebook.
  const onQuizStats = matches.some(
    (match) => match.id === 'routes/teach.courses.$id.quizzes.$quizId',
  );
  const lessons = course.modules.reduce((sum, module) => sum + module.lessons.length, 0);
  return (
    <div className="teach-page">
      <Breadcrumb trail={[{ to: '/teach', label: 'My courses' }]} current={course.title} />
      <header className="editor-header">
        <div>
          <h1>{course.title}</h1>
          <p className="editor-meta">
            <StatusBadge status={course.status} />
            <span>Draft of version {course.versionNumber}</span>
            <span>
              {course.latestPublishedVersionNumber
                ? `Version ${course.latestPublishedVersionNumber} is the latest published`
                : 'Never published'}
            </span>
            <span>
              {course.modules.length} {course.modules.length === 1 ? 'module' : 'modules'} ·{' '}
              {lessons} {lessons === 1 ? 'lesson' : 'lessons'} ·{' '}
              {formatMinutes(course.instructionalMinutes)}
            </span>
          </p>
        </div>
        {course.status === 'PUBLISHED' ? (
          <Link to={`/courses/${course.slug}`} className="button button-secondary">
            View in catalog
          </Link>
        ) : null}
      </header>
      <CodeSetNotices courseId={course.id} notices={codeSetNotices} />
      <nav aria-label="Course editor" className="tabs">
        <NavList
          items={[
            { to: base, label: 'Details', end: true },
            {
              to: `${base}/syllabus`,
              label: 'Syllabus',
              className: onLesson ? 'is-parent' : undefined,
            },
            {
              to: `${base}/approvals`,
              label: (
                <>
                  Credit approvals
                  {course.creditApprovals.some((approval) => approval.problem) ? (
                    <span className="tab-warning" role="img" aria-label="(needs attention)">
                      !
                    </span>
                  ) : null}
                </>
              ),
            },
            { to: `${base}/preview`, label: 'Preview' },
            { to: `${base}/publish`, label: 'Publish' },
            {
              to: `${base}/gradebook`,
              label: 'Gradebook',
              className: onQuizStats ? 'is-parent' : undefined,
            },
          ]}
        />
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
