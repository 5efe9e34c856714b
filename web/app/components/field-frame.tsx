import type { ReactNode } from 'react';

/** Whether a field's errors are shown: the frame's class and the control's aria-invalid. */
export function hasFieldErrors(errors: string[] | undefined): boolean {
  return Boolean(errors && errors.length > 0);
}

/** The control's aria-describedby: its hint and its errors, by the ids the frame gives them. */
export function describedBy(inputId: string, hint: unknown, hasErrors: boolean) {
  return (
    [hint ? `${inputId}-hint` : null, hasErrors ? `${inputId}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

/** A field's errors, as a list its control names in aria-describedby; nothing when none. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul id={`${id}-error`} className="field-errors">
      {errors.map((message) => (
        <li key={message} className="field-error">
          {message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The frame every labelled field shares (input, textarea, select): the label, the hint, the
 * control (`children`, which sets aria-invalid and aria-describedby), then the errors.
 */
export function FieldFrame({
  inputId,
  label,
  hint,
  errors,
  children,
}: {
  inputId: string;
  label: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className={hasFieldErrors(errors) ? 'field field-invalid' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={inputId} errors={errors} />
    </div>
  );
}
