import { renderMarkdown } from '@lms/core';
import { describe, expect, it } from 'vitest';
import { createLessonHtml, lessonHtml } from './lesson-html';

describe('lesson body HTML', () => {
  it('renders each body text once, and an edited text anew', () => {
    const rendered: string[] = [];
    const html = createLessonHtml(
      (source) => {
        rendered.push(source);
        return renderMarkdown(source);
      },
      { maxBytes: 1024 * 1024 },
    );
    const body = '## E11.9\n\nType 2 diabetes mellitus without complications.';
    expect(html(body)).toBe(renderMarkdown(body));
    expect(html(body)).toBe(renderMarkdown(body));
    expect(rendered).toEqual([body]);
    const edited = `${body}\n\nSee also Z79.4.`;
    expect(html(edited)).toContain('Z79.4');
    expect(rendered).toEqual([body, edited]);
  });

  it('keeps at most its byte budget, dropping the least recently used', () => {
    const rendered: string[] = [];
    const html = createLessonHtml(
      (source) => {
        rendered.push(source);
        return `<p>${source}</p>`;
      },
      { maxBytes: 1000 },
    );
    const a = 'a'.repeat(150);
    const b = 'b'.repeat(150);
    html(a);
    html(b); // a and b: 2 × (2 × 307 + 64) bytes > 1000, so a is dropped
    html(b);
    html(a);
    expect(rendered).toEqual([a, b, a]);
    const huge = 'c'.repeat(600);
    expect(html(huge)).toBe(`<p>${huge}</p>`);
    expect(html(huge)).toBe(`<p>${huge}</p>`);
    expect(rendered.filter((source) => source === huge)).toHaveLength(2);
  });

  it('sanitizes like renderMarkdown (the cache changes nothing in the output)', () => {
    const body = 'Hello <script>alert(1)</script> **there**';
    expect(lessonHtml(body)).toBe(renderMarkdown(body));
    expect(lessonHtml(body)).not.toContain('<script>');
  });
});
