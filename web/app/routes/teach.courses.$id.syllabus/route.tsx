import type { MetaFunction } from '@remix-run/node';
import { Form, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { ConflictBanner } from '../../components/fields';
import { Field, FormError } from '../../components/form';
import {
  useActionFailure,
  useFormFailure,
  useRevision,
  useTeachCourse,
} from '../../components/teach-course';
import { pageTitle } from '../../utils/brand';
import { formatMinutes } from '../../utils/format';
import { ModuleCard } from './module-card';
import { useSyllabusDrag } from './syllabus-drag';

export { action } from './syllabus.server';

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === 'routes/teach.courses.$id')?.data as
    | { course?: { title: string } }
    | undefined;
  return [{ title: pageTitle(`Syllabus · ${layout?.course?.title ?? 'Course'}`) }];
};

export default function SyllabusPage() {
  const { course } = useTeachCourse();
  const pageFailure = useActionFailure();
  const revision = useRevision(course.revision);
  const dnd = useSyllabusDrag(revision);
  const addModule = useFormFailure('add-module');
  const navigation = useNavigation();
  const addingModule =
    navigation.state !== 'idle' && navigation.formData?.get('intent') === 'add-module';
  const conflict = pageFailure?.conflict ?? dnd.failure?.conflict ?? null;
  const otherError =
    pageFailure &&
    !pageFailure.conflict &&
    !['add-module', 'rename-module', 'add-lesson'].includes(pageFailure.intent)
      ? pageFailure.formError
      : (dnd.failure?.formError ?? null);
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
