import { Form, useNavigation } from '@remix-run/react';
import { ConfirmedPost } from '../../components/confirmed-post';
import { SelectField } from '../../components/fields';
import { Field, FormError } from '../../components/form';
import { useFormFailure } from '../../components/teach-course';
import { formatMinutes } from '../../utils/format';
import { LESSON_KIND_OPTIONS } from '../../utils/teach-options';
import { LessonRow } from './lesson-row';
import { DragHandle, MoveButtons } from './move-buttons';
import { useSyllabusDrag } from './syllabus-drag';
import { Module } from './types';

export function ModuleCard({
  module,
  index,
  count,
  revision,
  dnd,
}: {
  module: Module;
  index: number;
  count: number;
  revision: number;
  dnd: ReturnType<typeof useSyllabusDrag>;
}) {
  const rename = useFormFailure('rename-module', module.id);
  const addLesson = useFormFailure('add-lesson', module.id);
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state !== 'idle' &&
    navigation.formData?.get('intent') === intent &&
    navigation.formData?.get('moduleId') === module.id;
  const minutes = module.lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0);
  const headingId = `module-${module.id}`;
  const moduleKey = `module:${module.id}`;

  return (
    <li
      className={`module-card card${dnd.over === moduleKey ? ' drop-target' : ''}${dnd.drag?.id === module.id ? ' dragging' : ''}`}
      aria-labelledby={headingId}
      onDragOver={(event) => dnd.allow(event, 'module', moduleKey)}
      onDrop={(event) => dnd.drop(event, { moduleId: module.id, position: index + 1 })}
    >
      <div className="module-head">
        {dnd.enabled ? (
          <DragHandle
            onDragStart={(event) =>
              dnd.start(event, { type: 'module', id: module.id, title: module.title })
            }
            onDragEnd={dnd.end}
          />
        ) : null}
        <h3 id={headingId} className="module-title">
          <span className="module-number">Module {index + 1}:</span> {module.title}{' '}
          <span className="module-minutes">
            · {module.lessons.length} {module.lessons.length === 1 ? 'lesson' : 'lessons'} ·{' '}
            {formatMinutes(minutes)}
          </span>
        </h3>
        <div className="row-actions">
          <MoveButtons
            fields={{ intent: 'move-module', moduleId: module.id, revision }}
            title={module.title}
            index={index}
            count={count}
          />
        </div>
      </div>

      <details className="module-tools" open={Boolean(rename.failure)}>
        <summary>Rename or delete this module</summary>
        <div className="module-tools-body">
          <Form key={revision} method="post" noValidate className="inline-edit" preventScrollReset>
            <input type="hidden" name="intent" value="rename-module" />
            <input type="hidden" name="moduleId" value={module.id} />
            <input type="hidden" name="revision" value={revision} />
            <Field
              name="title"
              id={`rename-${module.id}`}
              label={`New title for “${module.title}”`}
              defaultValue={rename.values?.title ?? module.title}
              errors={rename.errors.title}
              required
              maxLength={200}
            />
            <button type="submit" className="button-secondary" disabled={busy('rename-module')}>
              {busy('rename-module') ? 'Renaming…' : 'Rename'}
            </button>
          </Form>
          <ConfirmedPost
            summary="Delete module…"
            fields={{ intent: 'delete-module', moduleId: module.id, revision, label: module.title }}
            button={`Delete module “${module.title}”`}
            preventScrollReset
          >
            <p>
              Delete “{module.title}” and its {module.lessons.length}{' '}
              {module.lessons.length === 1 ? 'lesson' : 'lessons'} from the draft? Published
              versions are not affected.
            </p>
          </ConfirmedPost>
        </div>
      </details>

      <ol
        className={`lesson-list${dnd.over === `end:${module.id}` ? ' drop-target' : ''}`}
        aria-label={`Lessons of “${module.title}”`}
        onDragOver={(event) => dnd.allow(event, 'lesson', `end:${module.id}`)}
        onDrop={(event) =>
          dnd.drop(event, { moduleId: module.id, position: module.lessons.length + 1 })
        }
      >
        {module.lessons.length === 0 ? (
          <li className="lesson-empty muted">No lessons yet. Add the first one below.</li>
        ) : null}
        {module.lessons.map((lesson, lessonIndex) => (
          <LessonRow
            key={lesson.id}
            lesson={lesson}
            moduleId={module.id}
            index={lessonIndex}
            count={module.lessons.length}
            revision={revision}
            dnd={dnd}
          />
        ))}
      </ol>

      <details className="add-lesson" open={Boolean(addLesson.failure)}>
        <summary>Add a lesson to “{module.title}”</summary>
        <Form
          key={revision}
          method="post"
          noValidate
          className="form add-lesson-form"
          preventScrollReset
        >
          <input type="hidden" name="intent" value="add-lesson" />
          <input type="hidden" name="moduleId" value={module.id} />
          <input type="hidden" name="revision" value={revision} />
          <FormError message={addLesson.failure?.formError} id={`add-lesson-error-${module.id}`} />
          <div className="field-row field-row-3">
            <Field
              name="title"
              id={`lesson-title-${module.id}`}
              label="Lesson title"
              required
              maxLength={200}
              defaultValue={addLesson.values?.title}
              errors={addLesson.errors.title}
            />
            <SelectField
              name="kind"
              id={`lesson-kind-${module.id}`}
              label="Kind"
              options={LESSON_KIND_OPTIONS}
              defaultValue={addLesson.values?.kind ?? 'TEXT'}
              errors={addLesson.errors.kind}
            />
            <Field
              name="estimatedMinutes"
              id={`lesson-minutes-${module.id}`}
              label="Minutes"
              inputMode="numeric"
              required
              defaultValue={addLesson.values?.estimatedMinutes ?? '15'}
              errors={addLesson.errors.estimatedMinutes}
            />
          </div>
          <Field
            name="videoUrl"
            id={`lesson-video-${module.id}`}
            label="Video URL (video lessons only)"
            type="url"
            hint="YouTube, Vimeo or an .mp4 address."
            defaultValue={addLesson.values?.videoUrl}
            errors={addLesson.errors.videoUrl}
          />
          <button type="submit" disabled={busy('add-lesson')}>
            {busy('add-lesson') ? 'Adding…' : 'Add lesson'}
          </button>
        </Form>
      </details>
    </li>
  );
}
