import {
  type FieldMetadata,
  type FormMetadata,
  getFormProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import type { ReactNode, RefObject } from 'react';
import { Field, FormError, useFormErrorFocus } from './form';

/**
 * The page side of sign-in and register: the Conform form fed with the action's reply, the
 * ref that moves focus to the first error, and the page to return to.
 */
export function useAuthForm<Schema extends Record<string, unknown>>(id: string) {
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<Schema>({ id, lastResult });
  const formRef = useFormErrorFocus(lastResult);
  return { form, fields, formRef, redirectTo: searchParams.get('redirectTo') ?? '' };
}

type TextMeta = FieldMetadata<string | undefined>;

export function EmailField({ meta }: { meta: TextMeta }) {
  return <Field meta={meta} label="Email" type="email" autoComplete="email" required />;
}

/** The password is never put back after an error (the server does not echo it). */
export function PasswordField({
  meta,
  autoComplete,
  hint,
}: {
  meta: TextMeta;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
}) {
  return (
    <Field
      meta={meta}
      label="Password"
      type="password"
      autoComplete={autoComplete}
      required
      hint={hint}
    />
  );
}

/**
 * The frame sign-in and register share: heading, lead, the form-level error, a card form that
 * carries `redirectTo`, the submit button with its pending label, and the link to the other page.
 */
export function AuthForm<Schema extends Record<string, unknown>>({
  form,
  formRef,
  title,
  lead,
  redirectTo,
  submitLabel,
  pendingLabel,
  children,
  switchPrompt,
  switchTo,
  switchLabel,
}: {
  form: FormMetadata<Schema, string[]>;
  formRef: RefObject<HTMLFormElement>;
  title: string;
  lead: string;
  redirectTo: string;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
  switchPrompt: string;
  switchTo: '/sign-in' | '/register';
  switchLabel: string;
}) {
  const submitting = useNavigation().state === 'submitting';
  const titleId = `${form.id}-title`;
  return (
    <section className="auth-page" aria-labelledby={titleId}>
      <h1 id={titleId}>{title}</h1>
      <p className="lead">{lead}</p>
      <FormError id={form.errorId} message={form.errors?.[0]} />
      <Form
        ref={formRef}
        method="post"
        className="card form"
        aria-labelledby={titleId}
        {...getFormProps(form)}
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {children}
        <button type="submit" className="button button-block" disabled={submitting}>
          {submitting ? pendingLabel : submitLabel}
        </button>
      </Form>
      <p className="auth-switch">
        {switchPrompt}{' '}
        <Link to={redirectTo ? `${switchTo}?${new URLSearchParams({ redirectTo })}` : switchTo}>
          {switchLabel}
        </Link>
      </p>
    </section>
  );
}
