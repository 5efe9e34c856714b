import { requireAuthor } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { renderMarkdown } from '../content/render-markdown';
import { AppError } from '../errors/app-error';
import { LIMITS } from './limits';

/**
 * The live preview of the Markdown editor: the same renderer and sanitiser learners get, so
 * what an author sees while typing is what learners will see. Authors only.
 */
export function previewMarkdown(options: { viewer: Viewer | null; markdown: string }): string {
  requireAuthor(options.viewer);
  if (Buffer.byteLength(options.markdown, 'utf8') > LIMITS.lessonBodyBytes) {
    throw AppError.badInput(
      { markdown: [`Lesson text is at most ${LIMITS.lessonBodyBytes / 1024} KB.`] },
      'The text is too long to preview.',
    );
  }
  return renderMarkdown(options.markdown);
}
