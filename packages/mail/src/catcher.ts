import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the catcher received over SMTP. */
export interface CaughtMail {
  id: number;
  receivedAt: Date;
  /** RCPT TO addresses of the SMTP envelope. */
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port> */
  smtpUrl: string;
  smtpPort: number;
  /** The web inbox (null when started without one). */
  inboxUrl: string | null;
  messages: CaughtMail[];
  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function inboxPage(messages: CaughtMail[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (mail) =>
        `<tr><td>${escapeHtml(mail.receivedAt.toISOString())}</td><td>${escapeHtml(mail.envelopeTo.join(', '))}</td><td><a href="/messages/${mail.id}">${escapeHtml(mail.parsed.subject ?? '(no subject)')}</a></td><td>${mail.parsed.attachments.map((a) => escapeHtml(a.filename ?? 'file')).join(', ')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local inbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ccc}a{color:#1d4ed8}</style></head>
<body><main><h1>Local inbox</h1><p>Every email the app sends in development lands here (nothing leaves this machine). Newest first; reload to refresh.</p>
<table><thead><tr><th scope="col">Received (UTC)</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Attachments</th></tr></thead><tbody>${rows || '<tr><td colspan="4">No email yet.</td></tr>'}</tbody></table></main></body></html>`;
}

function messagePage(mail: CaughtMail): string {
  const headers = ['list-unsubscribe', 'list-unsubscribe-post']
    .map((name) => [name, mail.parsed.headers.get(name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<li>${escapeHtml(name)}: ${escapeHtml(JSON.stringify(value))}</li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(mail.parsed.subject ?? 'Email')}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}iframe{width:100%;height:70vh;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f3f4f6;padding:1rem}a{color:#1d4ed8}</style></head>
<body><main><p><a href="/">← Inbox</a></p><h1>${escapeHtml(mail.parsed.subject ?? '(no subject)')}</h1>
<ul><li>To: ${escapeHtml(mail.envelopeTo.join(', '))}</li><li>From: ${escapeHtml(mail.parsed.from?.text ?? '')}</li>${headers}</ul>
${mail.parsed.attachments.map((a, i) => `<p><a href="/messages/${mail.id}/attachments/${i}">${escapeHtml(a.filename ?? 'attachment')}</a></p>`).join('')}
<h2>HTML part</h2><iframe title="HTML part" sandbox src="/messages/${mail.id}/html"></iframe>
<h2>Text part</h2><pre>${escapeHtml(mail.parsed.text ?? '')}</pre></main></body></html>`;
}

/**
 * A local SMTP server that keeps every message (smtp-server + mailparser), with an optional
 * web inbox. `pnpm start` runs it when no SMTP_URL is set; the tests assert on what it receives.
 */
export async function startMailCatcher(
  options: { host?: string; smtpPort?: number; inboxPort?: number | null } = {},
): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const messages: CaughtMail[] = [];
  const waiters = new Set<{
    match: (mail: CaughtMail) => boolean;
    resolve: (m: CaughtMail) => void;
  }>();
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CaughtMail = {
            id: nextId++,
            receivedAt: new Date(),
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            parsed,
          };
          messages.push(mail);
          for (const waiter of waiters) {
            if (waiter.match(mail)) {
              waiters.delete(waiter);
              waiter.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let http: Server | null = null;
  let inboxUrl: string | null = null;
  if (options.inboxPort !== null && options.inboxPort !== undefined) {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://inbox');
      const match = url.pathname.match(/^\/messages\/(\d+)(?:\/(html|attachments\/(\d+)))?$/);
      const mail = match ? messages.find((m) => m.id === Number(match[1])) : undefined;
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(inboxPage(messages));
      } else if (mail && !match?.[2]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(messagePage(mail));
      } else if (mail && match?.[2] === 'html') {
        res
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          })
          .end(typeof mail.parsed.html === 'string' ? mail.parsed.html : '');
      } else if (mail && match?.[3] !== undefined && mail.parsed.attachments[Number(match[3])]) {
        const file = mail.parsed.attachments[Number(match[3])];
        res
          .writeHead(200, {
            'content-type': file?.contentType ?? 'application/octet-stream',
            'content-disposition': `inline; filename="${(file?.filename ?? 'file').replace(/"/g, '')}"`,
          })
          .end(file?.content);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      }
    });
    await new Promise<void>((resolve, reject) => {
      http?.once('error', reject);
      http?.listen(options.inboxPort ?? 0, host, () => resolve());
    });
    inboxUrl = `http://${host}:${(http.address() as AddressInfo).port}/`;
  }

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    smtpPort,
    inboxUrl,
    messages,
    waitFor(match, timeoutMs = 30_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) {
            reject(
              new Error(`no matching email within ${timeoutMs} ms (${messages.length} received)`),
            );
          }
        }, timeoutMs).unref();
      });
    },
    async stop() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (http) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http?.close(() => resolve()));
      }
    },
  };
}
