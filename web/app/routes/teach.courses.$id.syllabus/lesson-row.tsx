import { Link } from '@remix-run/react';
import { ConfirmedPost } from '../../components/confirmed-post';
import { useTeachCourse } from '../../components/teach-course';
import { formatMinutes, lessonKindLabel } from '../../utils/format';
import { DragHandle, MoveButtons } from './move-buttons';
import { useSyllabusDrag } from './syllabus-drag';
import { Lesson } from './types';

export function LessonRow({
  lesson,
  moduleId,
  index,
  count,
  revision,
  dnd,
}: {
  lesson: Lesson;
  moduleId: string;
  index: number;
  count: number;
  revision: number;
  dnd: ReturnType<typeof useSyllabusDrag>;
}) {
  const { course } = useTeachCourse();
  const key = `lesson:${lesson.id}`;
  return (
    <li
      className={`lesson-row${dnd.over === key ? ' drop-target' : ''}${dnd.drag?.id === lesson.id ? ' dragging' : ''}`}
      onDragOver={(event) => dnd.allow(event, 'lesson', key)}
      onDrop={(event) => dnd.drop(event, { moduleId, position: index + 1 })}
    >
      {dnd.enabled ? (
        <DragHandle
          onDragStart={(event) =>
            dnd.start(event, { type: 'lesson', id: lesson.id, title: lesson.title })
          }
          onDragEnd={dnd.end}
        />
      ) : null}
      <div className="lesson-main">
        <Link to={`/teach/courses/${course.id}/lessons/${lesson.id}`} className="lesson-link">
          {lesson.title}
        </Link>
        <span className="lesson-meta">
          <span className={`kind kind-${lesson.kind.toLowerCase()}`}>
            {lessonKindLabel(lesson.kind)}
          </span>{' '}
          {formatMinutes(lesson.estimatedMinutes)}
          {lesson.required ? '' : ' · optional'}
        </span>
      </div>
      <div className="row-actions">
        <MoveButtons
          fields={{ intent: 'move-lesson', lessonId: lesson.id, moduleId, revision }}
          title={lesson.title}
          index={index}
          count={count}
        />
        <Link
          to={`/teach/courses/${course.id}/lessons/${lesson.id}`}
          className="button button-secondary button-small"
          aria-label={`Edit “${lesson.title}”`}
        >
          Edit
        </Link>
        <ConfirmedPost
          summary="Delete…"
          className="confirm-compact"
          fields={{ intent: 'delete-lesson', lessonId: lesson.id, revision, label: lesson.title }}
          button={`Delete lesson “${lesson.title}”`}
          preventScrollReset
        >
          <p>Delete the lesson “{lesson.title}” from the draft?</p>
        </ConfirmedPost>
      </div>
    </li>
  );
}
