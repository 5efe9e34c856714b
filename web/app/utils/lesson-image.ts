/**
 * Where an image uploaded with the lesson form (the no-JavaScript path) goes in the Markdown:
 * into the first image placeholder, `![description](https://)` (what the editor's Image button
 * and the field hint write), so the author decides its place; without a placeholder, at the end.
 */
const PLACEHOLDER = /!\[([^\]\n]*)\]\(https?:\/\/\)/;
/** The Image button's own text for a placeholder nobody described. */
const UNDESCRIBED = 'Describe the image';

/** The placeholder's description, when the author wrote one (the alt text then is optional). */
export function placeholderAlt(body: string): string | null {
  const alt = PLACEHOLDER.exec(body)?.[1]?.trim();
  return alt && alt !== UNDESCRIBED ? alt : null;
}

/** The body with `![alt](url)` in the first placeholder, or appended when there is none. */
export function placeLessonImage(body: string, alt: string, url: string): string {
  const image = `![${alt.replace(/[[\]\n]/g, ' ')}](${url})`;
  const match = PLACEHOLDER.exec(body);
  if (match) {
    return `${body.slice(0, match.index)}${image}${body.slice(match.index + match[0].length)}`;
  }
  return `${body.replace(/\s+$/, '')}\n\n${image}\n`;
}
