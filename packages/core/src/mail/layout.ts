import { certificateSettings } from '../common/certificate-settings';

/**
 * The one email layout: each template describes its content once (heading, paragraphs, an
 * optional action link and detail rows) and gets an accessible HTML part (lang, one h1, a
 * real link, contrast ≥ 4.5:1, no images) and a plain-text part from it.
 */
export interface EmailContent {
  subject: string;
  heading: string;
  /** Plain text; escaped into the HTML part. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Label/value rows (e.g. order number, amount). */
  details?: [string, string][];
  /** Plain-text lines after the action (e.g. "the link expires in 1 hour"). */
  notes?: string[];
}

/** Replaced by enqueueEmail with the recipient's own unsubscribe address. */
export const UNSUBSCRIBE_URL_PLACEHOLDER = '%%LMS_UNSUBSCRIBE_URL%%';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An absolute address in the web app (PUBLIC_WEB_URL). */
export function webUrl(pathname: string): string {
  return `${certificateSettings().publicWebUrl}${pathname.startsWith('/') ? '' : '/'}${pathname}`;
}

/** What the footer says: why this mail came, and (notifications) how to stop it. */
export type FooterKind = { transactional: true } | { transactional: false; topicLabel: string };

export function renderLayout(
  content: EmailContent,
  footer: FooterKind,
): { html: string; text: string } {
  const sponsor = certificateSettings().sponsoringOrganization;
  const preferencesUrl = webUrl('/profile/email');
  const footerText = footer.transactional
    ? [`You received this service message because of activity on your ${sponsor} account.`]
    : [
        `You received this because ${footer.topicLabel} emails are on in your ${sponsor} account.`,
        `Unsubscribe: ${UNSUBSCRIBE_URL_PLACEHOLDER}`,
        `Email preferences: ${preferencesUrl}`,
      ];
  const text = [
    sponsor,
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.details ?? []).map(([label, value]) => `${label}: ${value}`),
    ...(content.details?.length ? [''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.notes ?? []).flatMap((note) => [note, '']),
    '--',
    ...footerText,
    '',
  ].join('\n');

  const p = (body: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2937">${body}</p>`;
  const details = content.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font-size:16px;color:#1f2937">${content.details
        .map(
          ([label, value]) =>
            `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:600">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;font-weight:600;font-size:16px;text-decoration:underline">${escapeHtml(content.action.label)}</a></p>` +
      p(
        `If the button does not work, copy this address into your browser: <a href="${escapeHtml(content.action.url)}" style="color:#1d4ed8">${escapeHtml(content.action.url)}</a>`,
      )
    : '';
  const footerHtml = footer.transactional
    ? `<p style="margin:0">${escapeHtml(footerText[0] ?? '')}</p>`
    : `<p style="margin:0 0 8px">${escapeHtml(footerText[0] ?? '')}</p><p style="margin:0"><a href="${UNSUBSCRIBE_URL_PLACEHOLDER}" style="color:#1d4ed8">Unsubscribe from ${escapeHtml(footer.topicLabel)} emails</a> · <a href="${escapeHtml(preferencesUrl)}" style="color:#1d4ed8">Email preferences</a></p>`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(content.subject)}" lang="en" style="max-width:600px;margin:0 auto;padding:24px 16px">
<header><p style="margin:0 0 16px;font-size:14px;font-weight:600;color:#374151">${escapeHtml(sponsor)}</p></header>
<main style="background:#ffffff;border-radius:8px;padding:24px">
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;color:#111827">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((paragraph) => p(escapeHtml(paragraph))).join('\n')}
${details}
${action}
${(content.notes ?? []).map((note) => p(escapeHtml(note))).join('\n')}
</main>
<footer style="padding:16px 0;font-size:14px;line-height:1.5;color:#374151">${footerHtml}</footer>
</div>
</body>
</html>
`;
  return { html, text };
}
