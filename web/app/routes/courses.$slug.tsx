import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CourseDetailDocument } from '../graphql/generated/graphql';
import type { loader as rootLoader } from '../root';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import {
  courseKindLabel,
  creditBodyName,
  formatDate,
  formatMinutes,
  formatPrice,
  lessonKindLabel,
  levelLabel,
} from '../utils/format';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: pageTitle(data.course.title) },
        { name: 'description', content: data.course.summary },
      ]
    : [{ title: pageTitle('Course not found') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const { course } = await gqlData(request, CourseDetailDocument, { slug });
  if (!course) throw new Response('Not found', { status: 404 });
  const modules = [...course.modules]
    .sort((a, b) => a.position - b.position)
    .map((module) => ({
      ...module,
      minutes: module.lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0),
    }));
  return { course: { ...course, modules } };
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
  const { course } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const viewer = root?.viewer ?? null;
  const lessonCount = course.modules.reduce((sum, m) => sum + m.lessons.length, 0);
  const price = formatPrice(course.price, course.isFree);

  return (
    <article className="course" aria-labelledby="course-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/courses">Catalog</Link>
          </li>
          <li aria-current="page">{course.title}</li>
        </ol>
      </nav>

      <header className="course-header">
        <p className="card-eyebrow">
          {courseKindLabel(course.kind)} · {levelLabel(course.level)}
        </p>
        <h1 id="course-title">{course.title}</h1>
        <p className="lead">{course.summary}</p>
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
            <h2 id="instructor-title">Your instructor</h2>
            <p className="instructor-name">{course.instructor.name}</p>
            {course.instructor.bio ? <Paragraphs text={course.instructor.bio} /> : null}
          </section>
        </div>

        <aside className="course-aside" aria-labelledby="enrol-title">
          <div className="card">
            <h2 id="enrol-title" className="visually-hidden">
              Price and credit
            </h2>
            <p className="price">{price}</p>
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
                  {course.versionNumber}, published {formatDate(course.publishedAt)}
                </dd>
              </div>
            </dl>
            <h3 className="aside-heading">Continuing-education credit</h3>
            {course.credits.length > 0 ? (
              <ul className="credits">
                {course.credits.map((credit) => (
                  <li key={`${credit.body}-${credit.bodyName ?? ''}-${credit.category}`}>
                    <strong>{creditBodyName(credit)}</strong> · {credit.ceuAmount} CEUs · valid
                    until {formatDate(credit.validUntil)}
                    <span className="muted"> ({credit.category})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">This course does not carry CE credit.</p>
            )}
            {viewer ? (
              <p className="muted">Enrollment opens soon.</p>
            ) : (
              <p>
                <Link
                  to={`/register?${new URLSearchParams({ redirectTo: `/courses/${course.slug}` })}`}
                  className="button button-block"
                >
                  Create an account to enroll
                </Link>
              </p>
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
