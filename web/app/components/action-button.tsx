import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';

/**
 * A one-button POST form (move up/down and the like): hidden fields, an icon-sized button named
 * by `label`. Works without JavaScript; keeps the scroll position with it.
 */
export function ActionButton({
  fields,
  label,
  children,
  disabled,
  className = 'button-secondary button-icon',
}: {
  fields: Record<string, string | number>;
  label: string;
  children: ReactNode;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <Form method="post" className="inline-form" preventScrollReset>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={className}
        aria-label={label}
        title={label}
        disabled={disabled}
      >
        {children}
      </button>
    </Form>
  );
}
