import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ConfirmDisclosure } from './fields';

/**
 * A destructive post behind a confirmation (delete, remove, archive): the disclosure opens on
 * the question (`children`), then a form of hidden fields and one danger button. Works without
 * JavaScript; the action reads the fields as posted.
 */
export function ConfirmedPost({
  summary,
  className,
  fields,
  button,
  preventScrollReset = false,
  children,
}: {
  /** The disclosure's button, e.g. "Delete…". */
  summary: string;
  className?: string;
  /** Hidden fields in form order: intent first, then ids, revision and label. */
  fields: Record<string, string | number>;
  /** The confirming button's text. */
  button: ReactNode;
  /** Keep the scroll position (edits inside a long list). */
  preventScrollReset?: boolean;
  children: ReactNode;
}) {
  return (
    <ConfirmDisclosure summary={summary} className={className}>
      {children}
      <Form method="post" preventScrollReset={preventScrollReset}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button-danger">
          {button}
        </button>
      </Form>
    </ConfirmDisclosure>
  );
}
