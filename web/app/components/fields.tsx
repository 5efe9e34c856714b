import { useLocation } from '@remix-run/react';
import {
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useState,
} from 'react';
import { describedBy, FieldErrors, FieldFrame, hasFieldErrors } from './field-frame';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
}

/** A labelled textarea; errors and hint tied to it like Field's. */
export function TextAreaField({
  name,
  label,
  errors,
  hint,
  id,
  className,
  ...rest
}: TextAreaFieldProps) {
  const inputId = id ?? `field-${name}`;
  const hasErrors = hasFieldErrors(errors);
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} errors={errors}>
      <textarea
        id={inputId}
        name={name}
        className={className}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(inputId, hint, hasErrors)}
        {...rest}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  errors?: string[] | undefined;
  hint?: ReactNode;
}

export function SelectField({ name, label, options, errors, hint, id, ...rest }: SelectFieldProps) {
  const inputId = id ?? `field-${name}`;
  const hasErrors = hasFieldErrors(errors);
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} errors={errors}>
      <select
        id={inputId}
        name={name}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(inputId, hint, hasErrors)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  id,
  defaultChecked,
  errors,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  id?: string;
  defaultChecked?: boolean;
  errors?: string[] | undefined;
}) {
  const inputId = id ?? `field-${name}`;
  const hasErrors = hasFieldErrors(errors);
  return (
    <div className="field field-checkbox">
      <input
        type="checkbox"
        id={inputId}
        name={name}
        defaultChecked={defaultChecked}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(inputId, hint, hasErrors)}
      />
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={inputId} errors={errors} />
    </div>
  );
}

/**
 * "Someone else changed this course…": the API refused a stale edit. What the user typed is
 * still in the form; reloading shows the other person's changes.
 */
export function ConflictBanner({ message }: { message: string | null | undefined }) {
  const location = useLocation();
  if (!message) return null;
  const stale = /someone else changed/i.test(message);
  return (
    <div className="alert alert-conflict" role="alert">
      <p className="alert-title">
        {stale ? 'Someone else changed this course…' : 'This change was not made.'}
      </p>
      <p>{message}</p>
      {stale ? (
        <p className="alert-note">
          Your input is still in the form below: copy anything you want to keep, then reload.
        </p>
      ) : null}
      <a className="button button-secondary" href={`${location.pathname}${location.search}`}>
        Reload
      </a>
    </div>
  );
}

/** True once React has hydrated in the browser (for JS-only enhancements). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A destructive action behind a disclosure: the first click opens an explanation and the real
 * button. Works without JavaScript (native <details>).
 */
/**
 * The file a form already holds (a cover, a captions track): what it is (`children`), a box to
 * remove it, and a hidden field posting its URL back, so saving without a new file keeps it.
 * The action reads the three: remove wins, then a newly chosen file, then the kept URL.
 */
export function CurrentUpload({
  url,
  urlName,
  removeName,
  removeLabel,
  className,
  children,
}: {
  /** The stored file's URL; empty when there is none. */
  url: string;
  urlName: string;
  removeName: string;
  removeLabel: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <>
      {url ? (
        <div className={className}>
          {children}
          <CheckboxField name={removeName} label={removeLabel} />
        </div>
      ) : null}
      <input type="hidden" name={urlName} value={url} />
    </>
  );
}

export function ConfirmDisclosure({
  summary,
  children,
  className,
}: {
  summary: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <details className={`confirm ${className ?? ''}`}>
      <summary className="button button-danger-outline">{summary}</summary>
      <div className="confirm-body">{children}</div>
    </details>
  );
}

const STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  UNPUBLISHED: 'Unpublished',
  ARCHIVED: 'Archived',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status status-${status.toLowerCase()}`}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
