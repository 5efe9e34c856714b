import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
} from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { Breadcrumb } from '../components/breadcrumb';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { LessonTick, SyllabusNav } from '../components/learning';
import { LessonClock, useLessonSeatTime } from '../components/lesson-clock';
import { VideoPlayer } from '../components/video-player';
import {
  CompleteLessonDocument,
  LearnerLessonDocument,
  LearningCourseDocument,
  RecordLessonActivityDocument,
} from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDuration, formatMinutes, lessonKindLabel } from '../utils/format';
import { requireParam } from '../utils/invariant';
import { formatDateTime } from '../utils/learning';
import { intentOf, learnerErrorResponse, redirectWithFlash } from '../utils/learning.server';
import { requireViewer } from '../utils/session.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${data.lesson.title} · ${data.course.title}` : 'Lesson') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewer(request);
  const courseId = requireParam(params, 'courseId');
  const lessonId = requireParam(params, 'lessonId');
  // Showing the page is the OPEN event: it starts the seat-time clock for this lesson.
  const [opened, lessonResult, courseResult] = await Promise.all([
    gql(request, RecordLessonActivityDocument, { lessonId, event: 'OPEN' }),
    gql(request, LearnerLessonDocument, { lessonId }),
    gql(request, LearningCourseDocument, { courseId }),
  ]);
  for (const result of [opened, lessonResult, courseResult]) {
    if (result.errors) throw await learnerErrorResponse(request, result.errors[0], courseId);
  }
  const lesson = lessonResult.data?.learnerLesson;
  const course = courseResult.data?.learningCourse;
  const progress = opened.data?.recordLessonActivity;
  if (!lesson || !progress) throw new Response('Not found', { status: 404 });
  if (lesson.courseId !== courseId) {
    throw redirect(`/learn/${lesson.courseId}/lessons/${lesson.id}`);
  }
  if (!course) throw new Response('Not found', { status: 404 });
  return {
    lesson,
    course: {
      courseId: course.courseId,
      title: course.title,
      slug: course.slug,
      completedAt: course.completedAt,
      modules: course.modules,
    },
    progress: {
      seatSeconds: progress.seatSeconds,
      requiredSeconds: progress.requiredSeconds,
      completedAt: progress.completedAt,
    },
  };
}

interface CompleteRefused {
  completeError: string;
  retryAfterSeconds: number | null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireViewer(request);
  const courseId = requireParam(params, 'courseId');
  const lessonId = requireParam(params, 'lessonId');
  const form = await request.formData();
  if (intentOf(form) !== 'complete') throw new Response('Unknown action', { status: 400 });

  const result = await gql(request, CompleteLessonDocument, { lessonId });
  if (result.errors) {
    const [error] = result.errors;
    if (error.code === 'PRECONDITION_FAILED') {
      // The refused completion credited nothing (it rolled back). Without JavaScript the page
      // is about to reload and send OPEN, which restarts the clock: report the time spent so
      // far first (a heartbeat credits up to 90 s of it).
      await gql(request, RecordLessonActivityDocument, { lessonId, event: 'HEARTBEAT' });
      return data<CompleteRefused>(
        { completeError: error.message, retryAfterSeconds: error.retryAfterSeconds ?? null },
        { status: 409 },
      );
    }
    throw await learnerErrorResponse(request, error, courseId);
  }
  const outcome = result.data.completeLesson;
  if (outcome.courseNewlyCompleted) {
    return redirectWithFlash(`/learn/${courseId}`, 'Congratulations: you completed the course! 🎉');
  }
  const next = form.get('nextLessonId');
  const target =
    typeof next === 'string' && /^[0-9a-f-]{36}$/i.test(next)
      ? `/learn/${courseId}/lessons/${next}`
      : `/learn/${courseId}`;
  return redirectWithFlash(target, 'Lesson marked complete.');
}

/**
 * A refused completion must not reload the page's data: that would send OPEN again and restart
 * the clock. Anything else revalidates as usual.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => {
  if (actionResult && typeof actionResult === 'object' && 'completeError' in actionResult) {
    return false;
  }
  return defaultShouldRevalidate;
};

function LessonVideo({
  video,
  captions,
  title,
}: {
  video: { provider: string; src: string } | null;
  captions: { src: string; language: string; label: string } | null;
  title: string;
}) {
  if (!video) {
    return <p className="alert alert-warning">This video is not available right now.</p>;
  }
  return (
    <VideoPlayer
      video={video}
      captions={captions}
      title={title}
      noCaptionsNote={<p className="muted small">This video has no captions yet.</p>}
    />
  );
}

export default function LessonPlayerPage() {
  const timeZone = useTimeZone();
  const { lesson, course, progress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CompleteRefused | undefined;
  const navigation = useNavigation();
  const completing = navigation.formData?.get('intent') === 'complete';
  const lessonPath = `/learn/${course.courseId}/lessons/${lesson.id}`;
  const seat = useLessonSeatTime({
    activityUrl: `${lessonPath}/activity`,
    intervalSeconds: lesson.heartbeatIntervalSeconds,
    initial: progress,
  });
  const completed = Boolean(lesson.completedAt ?? seat.completedAt);
  const isQuiz = lesson.kind === 'QUIZ';
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (actionData?.completeError) errorRef.current?.focus();
  }, [actionData]);

  const allLessons = course.modules.flatMap((module) => module.lessons);
  const titleOf = (id: string | null) => allLessons.find((l) => l.id === id)?.title ?? null;
  const previousTitle = titleOf(lesson.previousLessonId);
  const nextTitle = titleOf(lesson.nextLessonId);
  const explanationId = 'complete-explanation';
  const refusedNow = actionData?.completeError && navigation.state === 'idle';

  return (
    <div className="player-layout">
      <SyllabusNav
        courseId={course.courseId}
        modules={course.modules}
        currentLessonId={lesson.id}
      />

      <article className="player-main" aria-labelledby="lesson-title">
        <Breadcrumb
          trail={[
            { to: '/learn', label: 'My learning' },
            { to: `/learn/${course.courseId}`, label: course.title },
          ]}
          current={lesson.moduleTitle}
        />
        <header className="lesson-header">
          <p className="card-eyebrow">
            {lessonKindLabel(lesson.kind)} · {formatMinutes(lesson.estimatedMinutes)}
            {lesson.videoSeconds ? ` · video ${formatDuration(lesson.videoSeconds)}` : ''} ·{' '}
            {lesson.required ? 'Required' : 'Optional'} ·{' '}
            <a href="/codes" target="_blank" rel="noopener">
              Code look-up<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
          <h1 id="lesson-title">
            {lesson.title}
            {completed ? (
              <>
                {' '}
                <LessonTick done />
              </>
            ) : null}
          </h1>
        </header>

        {lesson.kind === 'VIDEO' ? (
          <LessonVideo video={lesson.video} captions={lesson.captions} title={lesson.title} />
        ) : null}

        {lesson.bodyHtml ? (
          <div
            className="prose lesson-body"
            // The API renders Markdown to sanitised HTML (allow-listed tags and attributes).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the API
            dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }}
          />
        ) : null}

        <section className="lesson-complete card" aria-labelledby="complete-title">
          <h2 id="complete-title" className="visually-hidden">
            Your progress on this lesson
          </h2>
          {isQuiz ? (
            <>
              <p>
                {completed
                  ? 'You have passed this quiz.'
                  : 'This lesson is completed by taking its quiz.'}
              </p>
              <p>
                <Link
                  to={`/learn/${course.courseId}/quiz/${lesson.id}`}
                  className="button button-large"
                >
                  {completed ? 'Quiz results and retakes' : 'Go to the quiz'}
                </Link>
              </p>
            </>
          ) : (
            <>
              <LessonClock
                seatSeconds={seat.seatSeconds}
                requiredSeconds={seat.requiredSeconds}
                completed={completed}
                live={seat.live}
                explanationId={explanationId}
              />
              {refusedNow ? (
                <div
                  ref={errorRef}
                  tabIndex={-1}
                  id="complete-error"
                  className="alert alert-error"
                  role="alert"
                >
                  <p className="alert-title">Not yet complete</p>
                  <p>{actionData.completeError}</p>
                </div>
              ) : null}
              {completed && lesson.completedAt ? (
                <p className="lesson-done">
                  <LessonTick done /> Completed on{' '}
                  <time dateTime={lesson.completedAt}>
                    {formatDateTime(lesson.completedAt, timeZone)}
                  </time>
                </p>
              ) : completed ? (
                <p className="lesson-done">
                  <LessonTick done /> Completed
                </p>
              ) : (
                <Form method="post" className="complete-form">
                  <input type="hidden" name="nextLessonId" value={lesson.nextLessonId ?? ''} />
                  <button
                    type="submit"
                    name="intent"
                    value="complete"
                    className="button-large"
                    disabled={completing}
                    aria-describedby={
                      [
                        seat.requiredSeconds > 0 ? explanationId : null,
                        refusedNow ? 'complete-error' : null,
                      ]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                  >
                    {completing ? 'Saving…' : 'Mark complete'}
                  </button>
                </Form>
              )}
            </>
          )}
        </section>

        <nav aria-label="Lesson" className="lesson-pager">
          {lesson.previousLessonId ? (
            <Link
              to={`/learn/${course.courseId}/lessons/${lesson.previousLessonId}`}
              rel="prev"
              className="pager-link pager-prev"
            >
              <span className="pager-dir">← Previous</span>
              <span className="pager-title">{previousTitle}</span>
            </Link>
          ) : (
            <span />
          )}
          {lesson.nextLessonId ? (
            <Link
              to={`/learn/${course.courseId}/lessons/${lesson.nextLessonId}`}
              rel="next"
              className="pager-link pager-next"
            >
              <span className="pager-dir">Next →</span>
              <span className="pager-title">{nextTitle}</span>
            </Link>
          ) : (
            <Link to={`/learn/${course.courseId}`} className="pager-link pager-next">
              <span className="pager-dir">Finish →</span>
              <span className="pager-title">Back to the course outline</span>
            </Link>
          )}
        </nav>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
