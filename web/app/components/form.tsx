import type { FieldMetadata } from '@conform-to/react';
import { type InputHTMLAttributes, useEffect, useRef } from 'react';
import { describedBy, FieldFrame, hasFieldErrors } from './field-frame';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  label: string;
  hint?: string;
  /** A Conform field (`fields.email` of `useForm`): its name, id, errors and value. */
  meta?: FieldMetadata<string | number | undefined>;
  /** Without `meta`: the field's name and its server-side errors. */
  name?: string;
  errors?: string[] | undefined;
}

/**
 * A labelled input whose errors are announced and tied to it (aria-invalid, and
 * aria-describedby naming its hint and its errors). With a Conform `meta`, the name, id, errors
 * and last submitted value come from it.
 */
export function Field({ meta, name, label, errors, hint, id, ...input }: FieldProps) {
  const inputId = id ?? meta?.id ?? `field-${name}`;
  const fieldErrors = meta ? meta.errors : errors;
  const hasErrors = hasFieldErrors(fieldErrors);
  const conform = meta
    ? {
        name: meta.name,
        defaultValue:
          input.type === 'password'
            ? undefined
            : meta.initialValue == null
              ? input.defaultValue
              : String(meta.initialValue),
        required: meta.required || input.required,
      }
    : { name };
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} errors={fieldErrors}>
      <input
        key={meta?.key}
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(inputId, hint, hasErrors)}
        {...input}
        {...conform}
      />
    </FieldFrame>
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
