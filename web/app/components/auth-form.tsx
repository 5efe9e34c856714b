import { type FormMetadata, getFormProps } from '@conform-to/react';
import { Form, Link, useNavigation } from '@remix-run/react';
import type { ReactNode, RefObject } from 'react';
import { FormError } from './form';

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
