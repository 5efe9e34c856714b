import { type InputHTMLAttributes, useEffect, useRef } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
}

/** A labelled input whose server-side errors are announced and tied to it. */
export function Field({ name, label, errors, hint, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={hasErrors ? 'field field-invalid' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hasErrors ? (
        <ul id={errorId} className="field-errors">
          {errors?.map((message) => (
            <li key={message} className="field-error">
              {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The form-level message (e.g. rate limiting), announced when it appears. */
export function FormError({
  message,
  id = 'form-error',
}: {
  message?: string | null;
  id?: string;
}) {
  if (!message) return null;
  return (
    <div id={id} className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

/**
 * After a failed submission (new action data): empties password inputs, so a typed password
 * never survives an error even when JavaScript kept the field, and moves focus to the first
 * invalid field. Without JavaScript the server simply never echoes passwords.
 */
export function useFormErrorFocus(actionData: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!actionData || !form) return;
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
      input.value = '';
    }
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [actionData]);
  return formRef;
}
