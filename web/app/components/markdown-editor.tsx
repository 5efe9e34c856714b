import { useEffect, useId, useRef, useState } from 'react';
import { FieldErrors } from './field-frame';

/** How long the preview waits after the last keystroke before asking for the rendered HTML. */
const PREVIEW_DEBOUNCE_MS = 400;

type Edit = (selected: string) => { text: string; select?: [number, number] };

/** Toolbar actions: each wraps or prefixes the selection (or a placeholder) with Markdown. */
const ACTIONS: { label: string; edit: Edit; lineStart?: string }[] = [
  { label: 'Bold', edit: (s) => ({ text: `**${s || 'bold text'}**`, select: [2, 2] }) },
  { label: 'Italic', edit: (s) => ({ text: `*${s || 'italic text'}*`, select: [1, 1] }) },
  { label: 'Heading', lineStart: '## ', edit: (s) => ({ text: s || 'Heading' }) },
  { label: 'List', lineStart: '- ', edit: (s) => ({ text: s || 'List item' }) },
  {
    label: 'Link',
    edit: (s) => ({
      text: `[${s || 'link text'}](https://)`,
      select: [(s || 'link text').length + 3, 1],
    }),
  },
  {
    label: 'Image',
    edit: (s) => ({
      text: `![${s || 'Describe the image'}](https://)`,
      select: [(s || 'Describe the image').length + 4, 1],
    }),
  },
];

function applyAction(textarea: HTMLTextAreaElement, action: (typeof ACTIONS)[number]) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const selected = value.slice(start, end);
  const { text, select } = action.edit(selected);
  let insert = text;
  let from = start;
  if (action.lineStart) {
    // Heading and list apply to the start of the line.
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    from = lineStart;
    insert = `${action.lineStart}${value.slice(lineStart, start)}${text}`;
  }
  textarea.focus();
  textarea.setRangeText(insert, from, end, 'end');
  if (select) {
    const stop = from + insert.length - select[1];
    textarea.setSelectionRange(from + select[0], stop);
  }
  // Tell React and the preview that the text changed.
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * A Markdown textarea with, when JavaScript runs, a formatting toolbar (bold, italic, heading,
 * list, link, image) and a live preview beside it (below it on small screens). The preview is
 * rendered by the API with the learners' renderer and sanitiser (/teach/markdown-preview), so
 * there is one Markdown pipeline. Without JavaScript it is the plain textarea.
 */
export function MarkdownEditor({
  name,
  label,
  defaultValue,
  errors,
  hint,
  rows = 18,
  initialHtml,
}: {
  name: string;
  label: string;
  defaultValue: string;
  errors?: string[];
  hint?: string;
  rows?: number;
  /** The saved text's rendered HTML, shown in the preview until the author types. */
  initialHtml: string;
}) {
  const id = `field-${name}`;
  const previewId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController | null>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [toolIndex, setToolIndex] = useState(0);
  const [html, setHtml] = useState(initialHtml);
  const [previewError, setPreviewError] = useState<string | null>(null);
  useEffect(() => setEnhanced(true), []);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  const refresh = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const markdown = textareaRef.current?.value ?? '';
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      const body = new FormData();
      body.set('markdown', markdown);
      try {
        const response = await fetch('/teach/markdown-preview', {
          method: 'POST',
          body,
          signal: controller.signal,
        });
        const answer = (await response.json()) as { html?: string; error?: string };
        if (answer.html !== undefined) {
          setHtml(answer.html);
          setPreviewError(null);
        } else {
          setPreviewError(answer.error ?? 'The preview could not be updated.');
        }
      } catch (error) {
        if ((error as Error).name !== 'AbortError') {
          setPreviewError('The preview could not be updated; your text is safe. Keep writing.');
        }
      }
    }, PREVIEW_DEBOUNCE_MS);
  };

  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={hasErrors ? 'field field-invalid markdown-editor' : 'field markdown-editor'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {enhanced ? (
        // A toolbar: one Tab stop, arrow keys move between its buttons (WAI-ARIA toolbar pattern).
        <div
          className="markdown-toolbar"
          role="toolbar"
          aria-label="Formatting"
          aria-controls={id}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            event.preventDefault();
            const next = (toolIndex + step + ACTIONS.length) % ACTIONS.length;
            setToolIndex(next);
            event.currentTarget.querySelectorAll('button')[next]?.focus();
          }}
        >
          {ACTIONS.map((action, index) => (
            <button
              key={action.label}
              type="button"
              className="button-secondary button-small"
              tabIndex={index === toolIndex ? 0 : -1}
              onClick={() => {
                setToolIndex(index);
                if (textareaRef.current) applyAction(textareaRef.current, action);
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      ) : null}
      <div className={enhanced ? 'markdown-panes' : undefined}>
        <textarea
          ref={textareaRef}
          id={id}
          name={name}
          rows={rows}
          spellCheck
          className="markdown-input markdown-input-large"
          defaultValue={defaultValue}
          aria-invalid={hasErrors || undefined}
          aria-describedby={describedBy || undefined}
          onInput={enhanced ? refresh : undefined}
        />
        {enhanced ? (
          // Focusable: the preview scrolls, and keyboard users must be able to scroll it.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region (axe scrollable-region-focusable)
          <section className="markdown-live-preview" aria-labelledby={previewId} tabIndex={0}>
            <h3 id={previewId} className="markdown-live-preview-title">
              Live preview
            </h3>
            {previewError ? (
              <p className="field-error" role="status">
                {previewError}
              </p>
            ) : null}
            {html.trim() ? (
              // Rendered and sanitised by the API (packages/core/src/content/render-markdown.ts).
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side HTML
              <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <p className="muted">Nothing to preview yet.</p>
            )}
          </section>
        ) : null}
      </div>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}
