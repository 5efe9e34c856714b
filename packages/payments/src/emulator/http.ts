import type { IncomingMessage } from 'node:http';
import { HttpError } from './stripe-params';

const MAX_BODY_BYTES = 1_000_000;

export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The secret key of a request, from a Bearer or a Basic (key as user name) header. */
export function authKey(req: IncomingMessage): string | null {
  const value = header(req, 'authorization');
  if (!value) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1] ?? null;
  const basic = /^Basic\s+(\S+)$/i.exec(value);
  if (basic)
    return (
      Buffer.from(basic[1] ?? '', 'base64')
        .toString()
        .split(':')[0] ?? null
    );
  return null;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'invalid_request_error', 'Body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
