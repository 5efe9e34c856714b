import { randomBytes } from 'node:crypto';
import type { FormValue } from '../form-encoding';

/** An error the emulator answers in Stripe's JSON error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: { code?: string; param?: string } = {},
  ) {
    super(message);
  }
}

/** Stripe-style ids: a prefix and base-62 characters. */
export function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** Unix seconds, as Stripe's timestamps. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function invalidParam(param: string, message: string): HttpError {
  return new HttpError(400, 'invalid_request_error', message, { code: 'parameter_invalid', param });
}

export function str(value: FormValue | undefined, param: string, required: boolean): string {
  if (value === undefined || value === '') {
    if (required) {
      throw new HttpError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
        code: 'parameter_missing',
        param,
      });
    }
    return '';
  }
  if (typeof value !== 'string') throw invalidParam(param, `Invalid string: ${param}.`);
  return value;
}

export function int(value: FormValue | undefined, param: string, min: number): number {
  const text = str(value, param, true);
  if (!/^-?\d+$/.test(text)) throw invalidParam(param, `Invalid integer: ${text}.`);
  const number = Number(text);
  if (!Number.isSafeInteger(number) || number < min) {
    throw invalidParam(param, `This value must be greater than or equal to ${min}.`);
  }
  return number;
}

export function bool(value: FormValue | undefined): boolean {
  return value === 'true';
}

export function obj(value: FormValue | undefined, param: string): Record<string, FormValue> {
  if (value === undefined || typeof value === 'string' || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
      code: 'parameter_missing',
      param,
    });
  }
  return value;
}

export function metadata(value: FormValue | undefined, param: string): Record<string, string> {
  if (value === undefined || value === '') return {};
  const object = obj(value, param);
  const out: Record<string, string> = {};
  const entries = Object.entries(object);
  if (entries.length > 50) throw invalidParam(param, 'Metadata can have at most 50 keys.');
  for (const [key, entry] of entries) {
    if (typeof entry !== 'string') throw invalidParam(`${param}[${key}]`, 'Invalid string.');
    if (key.length > 40 || entry.length > 500) {
      throw invalidParam(`${param}[${key}]`, 'Metadata keys ≤ 40 and values ≤ 500 characters.');
    }
    if (entry !== '') out[key] = entry;
  }
  return out;
}
