import { videoEmbed } from '@lms/video';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { useTeachCourse } from '../components/teach-course';
import { VideoPlayer } from '../components/video-player';
import {
  TeachCourseContentDocument,
  type TeachCourseContentQuery,
} from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import {
  courseKindLabel,
  formatCredit,
  formatDuration,
  formatMinutes,
  formatPrice,
  lessonKindLabel,
  levelLabel,
} from '../utils/format';
import { invariantResponse } from '../utils/invariant';
import { requireAuthor } from '../utils/teach.server';
import { questionTypeLabel, quizModeLabel } from '../utils/teach-options';

export const meta: MetaFunction = () => [{ title: pageTitle('Preview of the draft') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  invariantResponse(params.id, 'Not found', { status: 404 });
  const { editableCourse } = await gqlData(request, TeachCourseContentDocument, {
    id: params.id,
  });
  return { content: editableCourse };
}

function Video({
  url,
  title,
  captions,
}: {
  url: string | null;
  title: string;
  captions: { src: string; language: string; label: string } | null;
}) {
  const embed = videoEmbed(url);
  if (!embed) {
    return url ? (
      <p className="alert alert-warning">This video address cannot be embedded: {url}</p>
    ) : (
      <p className="alert alert-warning">This video lesson has no video yet.</p>
    );
  }
  return (
    <VideoPlayer
      video={embed}
      captions={captions}
      title={title}
      noCaptionsNote={
        <p className="alert alert-warning">
          No captions yet: upload a WebVTT file in the lesson editor so learners who cannot hear the
          audio can follow.
        </p>
      }
    />
  );
}

type PreviewQuiz = NonNullable<
  TeachCourseContentQuery['editableCourse']['modules'][number]['lessons'][number]['quiz']
>;

/** The quiz as the instructor wrote it: each question with its answer marked. */
function QuizPreview({ quiz, editHref }: { quiz: PreviewQuiz | null; editHref: string }) {
  if (!quiz || quiz.questions.length === 0) {
    return (
      <p className="alert alert-warning">
        This quiz has no questions yet. <Link to={editHref}>Add questions</Link>
      </p>
    );
  }
  const drawn =
    quiz.questionsPerAttempt && quiz.questionsPerAttempt < quiz.questions.length
      ? `${quiz.questionsPerAttempt} of these ${quiz.questions.length} questions are drawn for each attempt`
      : `${quiz.questions.length} ${quiz.questions.length === 1 ? 'question' : 'questions'}`;
  return (
    <div className="quiz-preview">
      <p className="muted">
        {quizModeLabel(quiz.mode)} · pass mark {quiz.passPercent}% · {drawn}. Correct answers are
        marked here; learners do not see them.
      </p>
      <ol className="quiz-preview-questions">
        {quiz.questions.map((question) => (
          <li key={question.id}>
            <p>
              <span className="badge">{questionTypeLabel(question.type)}</span> {question.prompt}{' '}
              <span className="muted small">
                ({question.points} {question.points === 1 ? 'point' : 'points'})
              </span>
            </p>
            {question.options.length > 0 ? (
              <ul className="quiz-preview-options">
                {question.options.map((option) => (
                  <li key={option.id} className={option.correct ? 'is-correct' : undefined}>
                    {option.text}
                    {option.correct ? <strong> — correct</strong> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {question.answerCodes.length > 0 ? (
              <p className="small">
                Answer {question.codeSystem ? `(${question.codeSystem}) ` : ''}
                <strong>{question.answerCodes.join(', ')}</strong>
              </p>
            ) : null}
            {question.acceptedAnswers.length > 0 ? (
              <p className="small">
                Accepted answers: <strong>{question.acceptedAnswers.join('; ')}</strong>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="small">
        <Link to={editHref}>Edit the questions</Link>
      </p>
    </div>
  );
}

export default function PreviewPage() {
  const { content } = useLoaderData<typeof loader>();
  const { course } = useTeachCourse();
  return (
    <div className="draft-preview">
      <p className="preview-banner" role="note">
        <strong>Preview of draft version {content.versionNumber} — not published.</strong>{' '}
        {course.latestPublishedVersionNumber
          ? `Learners see version ${course.latestPublishedVersionNumber} until you publish.`
          : 'Nobody but the course’s instructors can see it.'}{' '}
        <Link to={`/teach/courses/${course.id}/publish`}>Review and publish</Link>
      </p>
      <article aria-labelledby="preview-title" className="preview-article">
        <header className="course-header">
          <p className="card-eyebrow">
            {courseKindLabel(course.kind)} · {levelLabel(course.level)}
          </p>
          <h2 id="preview-title" className="preview-title">
            {content.title}
          </h2>
          <p className="lead">{content.summary}</p>
          <dl className="card-facts">
            <div>
              <dt>Time</dt>
              <dd>{formatMinutes(course.instructionalMinutes)}</dd>
            </div>
            <div>
              <dt>Price</dt>
              <dd>{formatPrice(course.price, course.price.amountCents === 0)}</dd>
            </div>
            {course.creditApprovals.length > 0 ? (
              <div>
                <dt>Credit</dt>
                <dd>
                  {course.creditApprovals
                    .map((approval) => formatCredit({ ...approval, bodyName: approval.bodyName }))
                    .join('; ')}
                </dd>
              </div>
            ) : null}
          </dl>
        </header>

        <h3>Syllabus</h3>
        {content.modules.length === 0 ? (
          <p className="empty">The syllabus is empty.</p>
        ) : (
          <ol className="syllabus">
            {content.modules.map((module, index) => (
              <li key={module.id} className="syllabus-module">
                <h4 className="preview-module-title">
                  <span className="module-number">Module {index + 1}:</span> {module.title}
                </h4>
                <ol className="lessons">
                  {module.lessons.map((lesson) => (
                    <li key={lesson.id} className="lesson">
                      <a href={`#lesson-${lesson.id}`}>{lesson.title}</a>
                      <span className="lesson-meta">
                        {lessonKindLabel(lesson.kind)} · {formatMinutes(lesson.estimatedMinutes)}
                      </span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        )}

        <h3 className="preview-lessons-title">Lessons</h3>
        {content.modules.flatMap((module) =>
          module.lessons.map((lesson) => (
            <section
              key={lesson.id}
              id={`lesson-${lesson.id}`}
              className="card preview-lesson"
              aria-labelledby={`lesson-title-${lesson.id}`}
            >
              <p className="card-eyebrow">
                {module.title} · {lessonKindLabel(lesson.kind)} ·{' '}
                {formatMinutes(lesson.estimatedMinutes)}
                {lesson.videoSeconds ? ` · video ${formatDuration(lesson.videoSeconds)}` : ''}
              </p>
              <h4 id={`lesson-title-${lesson.id}`}>{lesson.title}</h4>
              {lesson.kind === 'VIDEO' ? (
                <Video
                  url={lesson.videoUrl}
                  title={lesson.title}
                  captions={
                    lesson.captionsUrl
                      ? {
                          src: lesson.captionsUrl,
                          language: lesson.captionsLanguage ?? 'en',
                          label: lesson.captionsLabel ?? 'Captions',
                        }
                      : null
                  }
                />
              ) : null}
              {lesson.kind === 'QUIZ' ? (
                <QuizPreview
                  quiz={lesson.quiz}
                  editHref={`/teach/courses/${course.id}/lessons/${lesson.id}/quiz`}
                />
              ) : null}
              {lesson.bodyHtml.trim() ? (
                // Sanitised by the API when it renders the Markdown.
                // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side HTML
                <div className="prose" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
              ) : lesson.kind === 'TEXT' ? (
                <p className="muted">This lesson has no text yet.</p>
              ) : null}
              <p className="small">
                <Link to={`/teach/courses/${course.id}/lessons/${lesson.id}`}>
                  Edit “{lesson.title}”
                </Link>
              </p>
            </section>
          )),
        )}
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
