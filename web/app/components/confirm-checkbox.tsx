import type { ReactNode } from 'react';
import { CONFIRM_FIELD } from '../utils/confirm';

/**
 * The required "I mean it" checkbox of an irreversible act (see utils/confirm.ts); its error,
 * when the action refused an unticked submit, is tied to it.
 */
export function ConfirmCheckbox({
  id,
  children,
  error,
}: {
  id: string;
  children: ReactNode;
  error?: string | null;
}) {
  const errorId = `${id}-error`;
  return (
    <div
      className={
        error
          ? 'field field-checkbox confirm-field field-invalid'
          : 'field field-checkbox confirm-field'
      }
    >
      <input
        id={id}
        type="checkbox"
        name={CONFIRM_FIELD}
        value="yes"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <label htmlFor={id}>{children}</label>
      {error ? (
        <ul id={errorId} className="field-errors">
          <li className="field-error">{error}</li>
        </ul>
      ) : null}
    </div>
  );
}
