import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useFetcher, useNavigation } from '@remix-run/react';
import { type DragEvent, useState } from 'react';
import { ActionButton } from '../components/action-button';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ConfirmDisclosure, ConflictBanner, SelectField, useHydrated } from '../components/fields';
import { Field, FormError } from '../components/form';
import {
  useActionFailure,
  useFormFailure,
  useRevision,
  useTeachCourse,
} from '../components/teach-course';
import {
  AddLessonDocument,
  AddModuleDocument,
  DeleteLessonDocument,
  DeleteModuleDocument,
  MoveLessonDocument,
  MoveModuleDocument,
  RenameModuleDocument,
  type TeachCourseFragment,
} from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { parseWholeNumber } from '../utils/form-values';
import { formatMinutes, lessonKindLabel } from '../utils/format';
import {
  type ActionFailure,
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../utils/teach.server';
import { isOneOf, LESSON_KIND_OPTIONS } from '../utils/teach-options';

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === 'routes/teach.courses.$id')?.data as
    | { course?: { title: string } }
    | undefined;
  return [{ title: pageTitle(`Syllabus · ${layout?.course?.title ?? 'Course'}`) }];
};

type Module = TeachCourseFragment['modules'][number];
type Lesson = Module['lessons'][number];

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = params.id ?? '';
  const here = `/teach/courses/${courseId}/syllabus`;
  const form = formReader(await request.formData());
  const intent = form.text('intent');
  const revision = form.revision();
  const label = form.text('label');
  const position = parseWholeNumber(form.text('position')) ?? 1;

  switch (intent) {
    case 'add-module': {
      const values = { title: form.text('title') };
      const result = await gql(request, AddModuleDocument, {
        courseId,
        revision,
        title: values.title,
      });
      if (result.errors) return failure(request, result.errors, { intent, values, revision });
      return redirectWithFlash(here, `Module “${values.title}” added.`);
    }
    case 'rename-module': {
      const moduleId = form.text('moduleId');
      const values = { title: form.text('title') };
      const result = await gql(request, RenameModuleDocument, {
        courseId,
        revision,
        moduleId,
        title: values.title,
      });
      if (result.errors) {
        return failure(request, result.errors, { intent, target: moduleId, values, revision });
      }
      return redirectWithFlash(here, `Module renamed to “${values.title}”.`);
    }
    case 'move-module': {
      const moduleId = form.text('moduleId');
      const result = await gql(request, MoveModuleDocument, {
        courseId,
        revision,
        moduleId,
        position,
      });
      if (result.errors)
        return failure(request, result.errors, { intent, target: moduleId, revision });
      return redirectWithFlash(here, `Moved “${label}” to position ${position}.`);
    }
    case 'delete-module': {
      const moduleId = form.text('moduleId');
      const result = await gql(request, DeleteModuleDocument, { courseId, revision, moduleId });
      if (result.errors)
        return failure(request, result.errors, { intent, target: moduleId, revision });
      return redirectWithFlash(here, `Module “${label}” deleted.`);
    }
    case 'add-lesson': {
      const moduleId = form.text('moduleId');
      const values = {
        title: form.text('title'),
        kind: form.text('kind'),
        estimatedMinutes: form.text('estimatedMinutes'),
        videoUrl: form.text('videoUrl'),
      };
      const minutes = parseWholeNumber(values.estimatedMinutes);
      const local: Record<string, string[]> = {};
      if (minutes == null) local.estimatedMinutes = ['Enter the estimated minutes, e.g. 15.'];
      if (!isOneOf(LESSON_KIND_OPTIONS, values.kind)) local.kind = ['Choose text, video or quiz.'];
      if (minutes == null || !isOneOf(LESSON_KIND_OPTIONS, values.kind)) {
        return localFailure({ intent, target: moduleId, values, fieldErrors: local, revision });
      }
      const result = await gql(request, AddLessonDocument, {
        courseId,
        revision,
        moduleId,
        input: {
          title: values.title,
          kind: values.kind,
          estimatedMinutes: minutes,
          videoUrl: values.videoUrl || null,
          body: '',
          required: true,
        },
      });
      if (result.errors) {
        return failure(request, result.errors, { intent, target: moduleId, values, revision });
      }
      return redirectWithFlash(
        here,
        `Lesson “${values.title}” added. Open it to write its content.`,
      );
    }
    case 'move-lesson': {
      const lessonId = form.text('lessonId');
      const moduleId = form.text('moduleId') || null;
      const result = await gql(request, MoveLessonDocument, {
        courseId,
        revision,
        lessonId,
        position,
        moduleId,
      });
      if (result.errors)
        return failure(request, result.errors, { intent, target: lessonId, revision });
      return redirectWithFlash(here, `Moved “${label}”.`);
    }
    case 'delete-lesson': {
      const lessonId = form.text('lessonId');
      const result = await gql(request, DeleteLessonDocument, { courseId, revision, lessonId });
      if (result.errors)
        return failure(request, result.errors, { intent, target: lessonId, revision });
      return redirectWithFlash(here, `Lesson “${label}” deleted.`);
    }
    default:
      throw new Response('Unknown action', { status: 400 });
  }
}

type Drag =
  | { type: 'module'; id: string; title: string }
  | { type: 'lesson'; id: string; title: string };

function useSyllabusDrag(revision: number) {
  const hydrated = useHydrated();
  const fetcher = useFetcher<ActionFailure>();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [over, setOver] = useState<string | null>(null);

  const start = (event: DragEvent<HTMLElement>, item: Drag) => {
    event.stopPropagation();
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', item.title);
    const row = event.currentTarget.closest('li');
    if (row) event.dataTransfer.setDragImage(row, 16, 16);
    setDrag(item);
  };
  const end = () => {
    setDrag(null);
    setOver(null);
  };
  const allow = (event: DragEvent<HTMLElement>, type: Drag['type'], key: string) => {
    if (drag?.type !== type) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    if (over !== key) setOver(key);
  };
  const drop = (event: DragEvent<HTMLElement>, target: { moduleId?: string; position: number }) => {
    if (!drag) return;
    event.preventDefault();
    event.stopPropagation();
    const fields: Record<string, string> = {
      revision: String(revision),
      position: String(target.position),
      label: drag.title,
    };
    if (drag.type === 'module') {
      if (drag.id === target.moduleId) return end();
      Object.assign(fields, { intent: 'move-module', moduleId: drag.id });
    } else {
      Object.assign(fields, {
        intent: 'move-lesson',
        lessonId: drag.id,
        moduleId: target.moduleId ?? '',
      });
    }
    fetcher.submit(fields, { method: 'post', preventScrollReset: true });
    end();
  };
  return { enabled: hydrated, drag, over, start, end, allow, drop, fetcher };
}

function ModuleCard({
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
          <span
            className="drag-handle"
            draggable
            aria-hidden="true"
            title="Drag to reorder"
            onDragStart={(event) =>
              dnd.start(event, { type: 'module', id: module.id, title: module.title })
            }
            onDragEnd={dnd.end}
          >
            ⠿
          </span>
        ) : null}
        <h3 id={headingId} className="module-title">
          <span className="module-number">Module {index + 1}:</span> {module.title}{' '}
          <span className="module-minutes">
            · {module.lessons.length} {module.lessons.length === 1 ? 'lesson' : 'lessons'} ·{' '}
            {formatMinutes(minutes)}
          </span>
        </h3>
        <div className="row-actions">
          <ActionButton
            fields={{
              intent: 'move-module',
              moduleId: module.id,
              position: index,
              revision,
              label: module.title,
            }}
            label={`Move “${module.title}” up`}
            disabled={index === 0}
          >
            ↑
          </ActionButton>
          <ActionButton
            fields={{
              intent: 'move-module',
              moduleId: module.id,
              position: index + 2,
              revision,
              label: module.title,
            }}
            label={`Move “${module.title}” down`}
            disabled={index === count - 1}
          >
            ↓
          </ActionButton>
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
          <ConfirmDisclosure summary="Delete module…">
            <p>
              Delete “{module.title}” and its {module.lessons.length}{' '}
              {module.lessons.length === 1 ? 'lesson' : 'lessons'} from the draft? Published
              versions are not affected.
            </p>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="delete-module" />
              <input type="hidden" name="moduleId" value={module.id} />
              <input type="hidden" name="revision" value={revision} />
              <input type="hidden" name="label" value={module.title} />
              <button type="submit" className="button-danger">
                Delete module “{module.title}”
              </button>
            </Form>
          </ConfirmDisclosure>
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

function LessonRow({
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
        <span
          className="drag-handle"
          draggable
          aria-hidden="true"
          title="Drag to reorder"
          onDragStart={(event) =>
            dnd.start(event, { type: 'lesson', id: lesson.id, title: lesson.title })
          }
          onDragEnd={dnd.end}
        >
          ⠿
        </span>
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
        <ActionButton
          fields={{
            intent: 'move-lesson',
            lessonId: lesson.id,
            moduleId,
            position: index,
            revision,
            label: lesson.title,
          }}
          label={`Move “${lesson.title}” up`}
          disabled={index === 0}
        >
          ↑
        </ActionButton>
        <ActionButton
          fields={{
            intent: 'move-lesson',
            lessonId: lesson.id,
            moduleId,
            position: index + 2,
            revision,
            label: lesson.title,
          }}
          label={`Move “${lesson.title}” down`}
          disabled={index === count - 1}
        >
          ↓
        </ActionButton>
        <Link
          to={`/teach/courses/${course.id}/lessons/${lesson.id}`}
          className="button button-secondary button-small"
          aria-label={`Edit “${lesson.title}”`}
        >
          Edit
        </Link>
        <ConfirmDisclosure summary="Delete…" className="confirm-compact">
          <p>Delete the lesson “{lesson.title}” from the draft?</p>
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="delete-lesson" />
            <input type="hidden" name="lessonId" value={lesson.id} />
            <input type="hidden" name="revision" value={revision} />
            <input type="hidden" name="label" value={lesson.title} />
            <button type="submit" className="button-danger">
              Delete lesson “{lesson.title}”
            </button>
          </Form>
        </ConfirmDisclosure>
      </div>
    </li>
  );
}

export default function SyllabusPage() {
  const { course } = useTeachCourse();
  const pageFailure = useActionFailure();
  const revision = useRevision(course.revision);
  const dnd = useSyllabusDrag(revision);
  const addModule = useFormFailure('add-module');
  const navigation = useNavigation();
  const addingModule =
    navigation.state !== 'idle' && navigation.formData?.get('intent') === 'add-module';
  const conflict = pageFailure?.conflict ?? dnd.fetcher.data?.conflict ?? null;
  const otherError =
    pageFailure &&
    !pageFailure.conflict &&
    !['add-module', 'rename-module', 'add-lesson'].includes(pageFailure.intent)
      ? pageFailure.formError
      : (dnd.fetcher.data?.formError ?? null);
  const archived = course.status === 'ARCHIVED';
  const lessonCount = course.modules.reduce((sum, module) => sum + module.lessons.length, 0);

  return (
    <section aria-labelledby="syllabus-title">
      <ConflictBanner message={conflict} />
      <FormError message={otherError} id="syllabus-error" />
      <div className="section-header">
        <h2 id="syllabus-title">Syllabus</h2>
        <p className="syllabus-total">
          <strong>{formatMinutes(course.instructionalMinutes)}</strong> of instruction in{' '}
          {course.modules.length} {course.modules.length === 1 ? 'module' : 'modules'} and{' '}
          {lessonCount} {lessonCount === 1 ? 'lesson' : 'lessons'}
        </p>
      </div>
      {archived ? (
        <p className="alert alert-info">
          This course is archived: restore it to edit the syllabus.
        </p>
      ) : null}
      <p className="muted small" role="status">
        {dnd.fetcher.state !== 'idle'
          ? 'Saving the new order…'
          : dnd.enabled
            ? 'Drag modules and lessons by their handle (⠿), or use the ↑ and ↓ buttons.'
            : 'Use the ↑ and ↓ buttons to reorder.'}
      </p>

      {course.modules.length === 0 ? (
        <p className="empty">No modules yet. A course needs at least one module with a lesson.</p>
      ) : (
        <ol className={`module-list${dnd.fetcher.state !== 'idle' ? ' is-saving' : ''}`}>
          {course.modules.map((module, index) => (
            <ModuleCard
              key={module.id}
              module={module}
              index={index}
              count={course.modules.length}
              revision={revision}
              dnd={dnd}
            />
          ))}
        </ol>
      )}

      <section aria-labelledby="add-module-title" className="card add-module">
        <h3 id="add-module-title">Add a module</h3>
        <Form key={revision} method="post" noValidate className="inline-edit" preventScrollReset>
          <input type="hidden" name="intent" value="add-module" />
          <input type="hidden" name="revision" value={revision} />
          <Field
            name="title"
            id="new-module-title"
            label="Module title"
            required
            maxLength={200}
            defaultValue={addModule.values?.title}
            errors={addModule.errors.title}
          />
          <button type="submit" disabled={addingModule}>
            {addingModule ? 'Adding…' : 'Add module'}
          </button>
        </Form>
        <FormError
          message={
            addModule.failure && !addModule.errors.title ? addModule.failure.formError : null
          }
          id="add-module-error"
        />
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
