import { Link } from '@remix-run/react';
import { formatDateTime, lessonKindLabel } from '../utils/format';
import { relativeTime } from '../utils/learning';
import { useTimeZone } from '../utils/time-zone';

/** An accessible progress bar: role=progressbar with its value, plus the number as text. */
export function ProgressBar({
  percent,
  label,
  id,
}: {
  percent: number;
  label: string;
  id?: string;
}) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress">
      <div
        id={id}
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% complete`}
      >
        {/* An SVG bar, not a style attribute: the CSP allows no inline styles. */}
        <svg
          className="progress-fill"
          viewBox="0 0 100 1"
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <rect width={value} height="1" />
        </svg>
      </div>
      <span className="progress-value" aria-hidden="true">
        {value}%
      </span>
    </div>
  );
}

export function CompletedBadge({ label = 'Completed' }: { label?: string }) {
  return (
    <span className="badge badge-completed">
      <span aria-hidden="true">✓ </span>
      {label}
    </span>
  );
}

/** ✓ for a completed lesson (with words for screen readers), an empty circle otherwise. */
export function LessonTick({ done }: { done: boolean }) {
  return done ? (
    <span className="tick tick-done">
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden">completed</span>
    </span>
  ) : (
    <span className="tick tick-open">
      <span aria-hidden="true">○</span>
      <span className="visually-hidden">not completed</span>
    </span>
  );
}

interface SidebarLesson {
  id: string;
  title: string;
  kind: string;
  required: boolean;
  completedAt: string | null;
}

/** The syllabus beside the lesson player: ticks, the current lesson marked aria-current. */
export function SyllabusNav({
  courseId,
  modules,
  currentLessonId,
}: {
  courseId: string;
  modules: { id: string; title: string; lessons: SidebarLesson[] }[];
  currentLessonId: string;
}) {
  return (
    <nav aria-label="Course syllabus" className="player-syllabus">
      <p className="player-syllabus-title">
        <Link to={`/learn/${courseId}`}>Course outline</Link>
      </p>
      <ol className="player-modules">
        {modules.map((module, index) => (
          <li key={module.id}>
            <p className="player-module-title">
              <span className="visually-hidden">Module {index + 1}: </span>
              {module.title}
            </p>
            <ol className="player-lessons">
              {module.lessons.map((lesson) => {
                const current = lesson.id === currentLessonId;
                return (
                  <li key={lesson.id} className={current ? 'is-current' : undefined}>
                    <Link
                      to={`/learn/${courseId}/lessons/${lesson.id}`}
                      aria-current={current ? 'page' : undefined}
                    >
                      <LessonTick done={Boolean(lesson.completedAt)} />
                      <span className="player-lesson-title">{lesson.title}</span>
                      <span className="player-lesson-kind">
                        {lessonKindLabel(lesson.kind)}
                        {lesson.required ? '' : ' · optional'}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "2 days ago", with the exact date and time (in the reader's zone) as its tooltip. */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  const timeZone = useTimeZone();
  return (
    <time dateTime={iso} title={formatDateTime(iso, timeZone)}>
      {relativeTime(iso, now)}
    </time>
  );
}
