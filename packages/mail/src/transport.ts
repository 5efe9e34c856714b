import nodemailer from 'nodemailer';

/** What the worker hands over per message (structurally the core's MailToSend). */
export interface SmtpMessage {
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export interface SmtpTransport {
  send(message: SmtpMessage): Promise<void>;
  close(): void;
}

/**
 * nodemailer over SMTP (`SMTP_URL`, e.g. smtps://user:pass@smtp.example.com:465 or
 * smtp://127.0.0.1:1025), pooled connections, bounded timeouts so a hung server fails the
 * attempt (the outbox retries it) instead of holding the job forever.
 */
export function createSmtpTransport(options: {
  smtpUrl: string;
  /** The From header, e.g. `"CodeCred LMS" <no-reply@example.com>`. */
  from: string;
  maxConnections?: number;
}): SmtpTransport {
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
        messageId: message.messageId,
        attachments: message.attachments,
      });
    },
    close: () => transporter.close(),
  };
}
