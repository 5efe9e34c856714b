import { z } from 'zod';
import { AppError } from '../errors/app-error';

const uuid = z.uuid();

/** Row ids are UUIDs; anything else cannot name a row (and must not reach a `::uuid` cast). */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}

/**
 * The id, if it can name a row; else the same NOT_FOUND a missing row gets, so a malformed id
 * tells a client nothing more than a well-formed unknown one.
 */
export function requireId(value: string, thing: string): string {
  if (!isUuid(value)) throw AppError.notFound(thing);
  return value;
}
