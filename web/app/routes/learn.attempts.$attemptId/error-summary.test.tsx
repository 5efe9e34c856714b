// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { QuizErrorSummary } from './error-summary';

afterEach(cleanup);

const questions = [
  { id: 'q1', number: 1 },
  { id: 'q2', number: 2 },
  { id: 'q3', number: 3 },
];

describe('QuizErrorSummary', () => {
  it('links each failing answer to its question, in question order', () => {
    render(
      <QuizErrorSummary
        message="Some answers were not saved."
        errors={{ q3: 'Choose at most two options.', q1: 'Enter a code.' }}
        questions={questions}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Some answers were not saved.')).toBeTruthy();
    const links = within(alert).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Question 1: Enter a code.', '#question-q1'],
      ['Question 3: Choose at most two options.', '#question-q3'],
    ]);
  });

  it('shows the message alone when no question failed', () => {
    render(<QuizErrorSummary message="Time is up." errors={{}} questions={questions} />);
    expect(screen.getByRole('alert').textContent).toBe('Time is up.');
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });
});
