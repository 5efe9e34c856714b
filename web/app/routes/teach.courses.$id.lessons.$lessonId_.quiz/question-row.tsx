import { Link } from '@remix-run/react';
import { ActionButton } from '../../components/action-button';
import { ConfirmedPost } from '../../components/confirmed-post';
import { areaLabel, codeSystemLabel } from '../../utils/learning';
import { promptExcerpt } from '../../utils/quiz-form';
import { questionTypeLabel } from '../../utils/teach-options';
import { Question } from './types';

export function questionKey(question: Question): string {
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
    case 'TRUE_FALSE': {
      const correct = question.options.filter((option) => option.correct);
      return correct.length ? correct.map((option) => option.text).join(' · ') : '—';
    }
    case 'SHORT_TEXT':
      return question.acceptedAnswers.join(' · ') || '—';
    case 'CODE_SET':
      return `${codeSystemLabel(question.codeSystem)}: ${question.answerCodes.join(', ')}`;
    default:
      return '—';
  }
}

export function QuestionRow({
  question,
  count,
  revision,
  editHref,
  editing,
  disabled,
}: {
  question: Question;
  count: number;
  revision: number;
  editHref: string;
  editing: boolean;
  disabled: boolean;
}) {
  const n = question.position;
  const label = `${n}`;
  return (
    <li className={`question-row${editing ? ' is-editing' : ''}`} aria-labelledby={`q-${n}`}>
      <div className="question-row-main">
        <h4 id={`q-${n}`} className="question-row-title">
          <span className="question-number">Q{n}</span>{' '}
          <span className="question-excerpt">{promptExcerpt(question.prompt)}</span>
        </h4>
        <ul className="question-tags" aria-label={`About question ${n}`}>
          <li className="tag">{questionTypeLabel(question.type)}</li>
          <li className="tag">{areaLabel(question.area)}</li>
          <li className="tag">
            {question.points} {question.points === 1 ? 'point' : 'points'}
          </li>
          {question.type === 'CODE_SET' ? (
            <li className={question.codeSetReleaseId ? 'tag' : 'tag tag-warning'}>
              {question.codeSetReleaseName ??
                'No code-set release: edit the item and choose the release it is written for'}
            </li>
          ) : null}
          <li className={question.codeSetStale ? 'tag tag-warning' : 'tag'}>
            {question.codeSetYear ? `Code set ${question.codeSetYear}` : 'No code-set year'}
            {question.codeSetStale ? ' · written for an older code set: review it' : ''}
          </li>
        </ul>
        <p className="question-key small">
          <span className="muted">Key:</span> {questionKey(question)}
        </p>
      </div>
      <div className="row-actions">
        <ActionButton
          fields={{
            intent: 'move-question',
            questionId: question.id,
            position: n - 1,
            revision,
            label,
          }}
          label={`Move question ${n} up`}
          disabled={disabled || n === 1}
        >
          ↑
        </ActionButton>
        <ActionButton
          fields={{
            intent: 'move-question',
            questionId: question.id,
            position: n + 1,
            revision,
            label,
          }}
          label={`Move question ${n} down`}
          disabled={disabled || n === count}
        >
          ↓
        </ActionButton>
        <Link
          to={editHref}
          className="button button-secondary button-small"
          aria-label={`Edit question ${n}`}
          preventScrollReset
        >
          Edit
        </Link>
        {disabled ? null : (
          <ConfirmedPost
            summary="Delete…"
            className="confirm-compact"
            fields={{ intent: 'delete-question', questionId: question.id, revision, label }}
            button={`Delete question ${n}`}
            preventScrollReset
          >
            <p>Delete question {n} from the draft? Published versions keep it.</p>
          </ConfirmedPost>
        )}
      </div>
    </li>
  );
}
