import { Link } from '@remix-run/react';
import type { CourseCodeSetNoticesQuery } from '../graphql/generated/graphql';
import { CODE_SET_SOURCES } from '../utils/code-sets';

type Notice = CourseCodeSetNoticesQuery['courseCodeSetNotices'][number];
type Change = Notice['changes'][number];

function state(description: string | null, billable: boolean | null) {
  if (description === null) return 'not in the release';
  return `${description} (${billable ? 'billable' : 'header, not billable'})`;
}

function what(change: Change) {
  if (change.kind === 'DELETED') return 'deleted';
  if (change.oldBillable !== change.newBillable) {
    return change.newBillable ? 'now billable' : 'now a header, no longer billable';
  }
  return 'description changed';
}

/**
 * The open code-set notices of a course: each deleted or changed code with its old and new
 * state, and every place the course uses it (draft places link to their editor). A notice
 * clears by itself once the draft no longer uses its codes (re-checked on every view).
 */
export function CodeSetNotices({ courseId, notices }: { courseId: string; notices: Notice[] }) {
  if (notices.length === 0) return null;
  const base = `/teach/courses/${courseId}`;
  return (
    <section
      className="alert alert-warning code-set-notices"
      aria-labelledby="code-set-notices-title"
    >
      <h2 id="code-set-notices-title">Code-set update notices</h2>
      {notices.map((notice) => (
        <div key={notice.id}>
          <p>
            <strong>{notice.releaseName}</strong> changed codes this course uses. Update the draft;
            the notice clears once the draft no longer uses them (then publish, so learners see it).
          </p>
          <ul>
            {notice.changes.map((change) => (
              <li key={change.code}>
                <code>{change.code}</code> {what(change)}: was{' '}
                {state(change.oldDescription, change.oldBillable)}; now{' '}
                {state(change.newDescription, change.newBillable)}.
                <ul>
                  {change.uses.map((use) => {
                    const place = use.questionId
                      ? `${use.lessonTitle}, question ${use.questionPosition} (answer key: ${use.written})`
                      : `${use.lessonTitle}, lesson text (${use.written})`;
                    const where = use.draft ? 'Draft' : `Published version ${use.versionNumber}`;
                    return (
                      <li key={`${use.draft}-${use.lessonId}-${use.questionId ?? 'text'}`}>
                        {where}:{' '}
                        {use.draft ? (
                          <Link
                            to={
                              use.questionId
                                ? `${base}/lessons/${use.lessonId}/quiz?question=${use.questionId}`
                                : `${base}/lessons/${use.lessonId}`
                            }
                          >
                            {place}
                          </Link>
                        ) : (
                          place
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {notice.system === 'ICD10CM' ? <p className="small">{CODE_SET_SOURCES.ICD10CM}</p> : null}
        </div>
      ))}
    </section>
  );
}
