import { Form, useNavigation } from '@remix-run/react';
import { Field, FormError } from '../../components/form';
import { useActionFailure, useFormFailure, useTeachCourse } from '../../components/teach-course';
import { roleLabel } from '../../utils/format';

export function TeamPanel() {
  const { course, canManageTeam, viewer } = useTeachCourse();
  const { failure, values, errors } = useFormFailure('add-instructor');
  const removeFailure = useActionFailure();
  const navigation = useNavigation();
  const adding =
    navigation.state !== 'idle' && navigation.formData?.get('intent') === 'add-instructor';
  return (
    <section aria-labelledby="team-title" className="card">
      <h2 id="team-title">Instructors</h2>
      {removeFailure?.intent === 'remove-instructor' && !removeFailure.conflict ? (
        <FormError message={removeFailure.formError} id="team-error" />
      ) : null}
      <ul className="team-list">
        {course.instructors.map((person) => (
          <li key={person.userId}>
            <div>
              <strong>{person.name}</strong>
              {person.userId === viewer.id ? <span className="muted"> (you)</span> : null}
              <br />
              <span className="muted small">
                {person.email} · {person.role === 'OWNER' ? 'Owner' : 'Co-instructor'}
              </span>
            </div>
            {canManageTeam && person.role !== 'OWNER' ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-instructor" />
                <input type="hidden" name="userId" value={person.userId} />
                <input type="hidden" name="name" value={person.name} />
                <button type="submit" className="button-secondary button-small">
                  Remove<span className="visually-hidden"> {person.name}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canManageTeam ? (
        <Form method="post" noValidate className="form inline-add" aria-label="Add a co-instructor">
          <input type="hidden" name="intent" value="add-instructor" />
          <Field
            name="email"
            id="co-instructor-email"
            label="Add a co-instructor by email"
            type="email"
            autoComplete="off"
            hint="They need an instructor account."
            defaultValue={values?.email}
            errors={errors.email}
          />
          {failure?.formError && !errors.email ? (
            <FormError message={failure.formError} id="add-instructor-error" />
          ) : null}
          <button type="submit" className="button-secondary" disabled={adding}>
            {adding ? 'Adding…' : 'Add co-instructor'}
          </button>
        </Form>
      ) : (
        <p className="muted small">
          Only the owner ({course.instructors[0]?.name}) or an admin can change who teaches this
          course. Your role: {roleLabel(viewer.role)}.
        </p>
      )}
    </section>
  );
}
