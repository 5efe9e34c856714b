import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { isMediaUrl } from './media-limits';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/**
 * What lesson HTML may contain: prose, lists, tables, code, links and images. No scripts,
 * styles, frames, forms, event handlers or non-http(s) URLs.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'del',
    'ins',
    'sub',
    'sup',
    'mark',
    'small',
    'abbr',
    'code',
    'pre',
    'kbd',
    'samp',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'img',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'scope', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    code: ['class'],
    abbr: ['title'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Images come only from our object store (/media/lesson-images/… and covers) or https.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSource(frame.attribs.src),
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    img: sanitizeHtml.simpleTransform('img', { loading: 'lazy' }),
  },
};
SANITIZE.allowedAttributes = {
  ...SANITIZE.allowedAttributes,
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
};

function isAllowedImageSource(src: string | undefined): boolean {
  if (!src) return false;
  if (isMediaUrl(src)) return /^\/media\/(lesson-images|covers)\//.test(src);
  return /^https:\/\/[^\s/]/i.test(src);
}

/** Markdown (GitHub flavour) → sanitised HTML, safe to inject into a page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, SANITIZE);
}
