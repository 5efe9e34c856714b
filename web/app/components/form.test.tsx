// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from './form';

afterEach(cleanup);

describe('Field', () => {
  it('links its hint and its errors to the input and marks it invalid', () => {
    render(
      <Field
        name="email"
        label="Email"
        hint="We send the receipt here."
        errors={['Enter an email address.', 'Use at most 254 characters.']}
      />,
    );
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([
      'We send the receipt here.',
      'Enter an email address.Use at most 254 characters.',
    ]);
  });

  it('is neither invalid nor described by an error when there is none', () => {
    render(<Field name="email" label="Email" />);
    const input = screen.getByLabelText('Email');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});
