import { renderMarkdown } from '@lms/core';
import { LRUCache } from 'lru-cache';

/**
 * A lesson body's HTML, rendered once per process for each body text (ARCHITECTURE.md, "The
 * lesson player renders each lesson body once"). Rendering (marked, then sanitize-html) costs
 * about 1-3 ms of CPU for a page of text, more than the rest of a lesson view; its output
 * depends on the text alone, so the text is the key: an edited lesson is a new text and a new
 * entry, nothing is ever stale, and no process needs to tell another.
 */
export function createLessonHtml(
  render: (source: string) => string,
  options: { maxBytes: number },
): (source: string) => string {
  const rendered = new LRUCache<string, string>({
    maxSize: options.maxBytes,
    // UTF-16: two bytes a character, key and value.
    sizeCalculation: (html, source) => 2 * (html.length + source.length) + 64,
  });
  return (source) => {
    let html = rendered.get(source);
    if (html === undefined) {
      html = render(source);
      // Larger than the whole cache: rendered each time, never stored.
      if (2 * (html.length + source.length) + 64 <= options.maxBytes) rendered.set(source, html);
    }
    return html;
  };
}

/** The lesson player's renderer: at most 16 MB of bodies and their HTML per process. */
export const lessonHtml = createLessonHtml(renderMarkdown, { maxBytes: 16 * 1024 * 1024 });
