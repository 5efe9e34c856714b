import { Form, Link, useNavigation } from '@remix-run/react';
import { ConfirmedPost } from '../../components/confirmed-post';
import { FormError } from '../../components/form';
import { useActionFailure, useTeachCourse } from '../../components/teach-course';
import { formatDay } from '../../utils/format';
import { useTimeZone } from '../../utils/time-zone';

export function LifecycleButton({ intent, label }: { intent: string; label: string }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="button-secondary" disabled={busy}>
        {busy ? 'Working…' : label}
      </button>
    </Form>
  );
}

export function StatusPanel() {
  const timeZone = useTimeZone();
  const { course, canManageTeam } = useTeachCourse();
  const base = `/teach/courses/${course.id}`;
  const failure = useActionFailure();
  const lifecycleError =
    failure &&
    !failure.conflict &&
    ['unpublish', 'relist', 'archive', 'restore', 'delete', 'move-learners'].includes(
      failure.intent,
    )
      ? failure.formError
      : null;
  return (
    <section aria-labelledby="status-title" className="card status-panel">
      <h2 id="status-title">Status and actions</h2>
      <FormError message={lifecycleError} id="status-error" />
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{course.status.charAt(0) + course.status.slice(1).toLowerCase()}</dd>
        </div>
        <div>
          <dt>Published version</dt>
          <dd>{course.latestPublishedVersionNumber ?? 'none yet'}</dd>
        </div>
        <div>
          <dt>Draft</dt>
          <dd>version {course.versionNumber}</dd>
        </div>
        {course.publishedAt ? (
          <div>
            <dt>First published</dt>
            <dd>{formatDay(course.publishedAt, timeZone)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="action-list">
        {course.status !== 'ARCHIVED' ? (
          <div className="action-item">
            <Link to={`${base}/publish`} className="button">
              Publish version {course.versionNumber}…
            </Link>
            <p className="field-hint">Review the changes and any problems first.</p>
          </div>
        ) : null}
        {course.status === 'PUBLISHED' ? (
          <div className="action-item">
            <LifecycleButton intent="unpublish" label="Unpublish" />
            <p className="field-hint">
              Hides it from the catalog. Enrolled learners keep access; you can relist it later.
            </p>
          </div>
        ) : null}
        {(course.latestPublishedVersionNumber ?? 0) > 1 ? (
          <div className="action-item">
            <Form method="post">
              <input type="hidden" name="intent" value="move-learners" />
              <button type="submit" className="button-secondary" aria-describedby="move-hint">
                Move in-progress learners to version {course.latestPublishedVersionNumber}
              </button>
            </Form>
            <p className="field-hint" id="move-hint">
              Learners still studying an older version continue in the latest one (for example to
              earn a renewed approval). Their completed lessons and study time carry over; learners
              who completed the course stay on their version.
            </p>
          </div>
        ) : null}
        {course.status === 'UNPUBLISHED' ? (
          <div className="action-item">
            <LifecycleButton intent="relist" label="Relist in the catalog" />
            <p className="field-hint">Shows version {course.latestPublishedVersionNumber} again.</p>
          </div>
        ) : null}
        {course.status === 'ARCHIVED' ? (
          <div className="action-item">
            <LifecycleButton intent="restore" label="Restore" />
            <p className="field-hint">Brings the course back for editing (not into the catalog).</p>
          </div>
        ) : (
          <div className="action-item">
            <ConfirmedPost
              summary="Archive…"
              fields={{ intent: 'archive' }}
              button={`Archive “${course.title}”`}
            >
              <p>
                Archiving retires “{course.title}”: it leaves the catalog and becomes read-only.
                Nothing is deleted and you can restore it.
              </p>
            </ConfirmedPost>
          </div>
        )}
        {course.latestPublishedVersionNumber == null && canManageTeam ? (
          <div className="action-item">
            <ConfirmedPost
              summary="Delete draft…"
              fields={{ intent: 'delete' }}
              button={`Delete “${course.title}” permanently`}
            >
              <p>
                This permanently deletes “{course.title}” with its syllabus and approvals. It was
                never published, so no learner is affected. This cannot be undone.
              </p>
            </ConfirmedPost>
          </div>
        ) : null}
      </div>
    </section>
  );
}
