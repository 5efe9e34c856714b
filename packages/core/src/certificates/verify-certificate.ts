import { normalizeSerial } from '@lms/credentials';
import type { Db } from '@lms/db';
import type { DbOrTx } from '../db/tx';
import { chargeInStatement, enforceRateLimits, type RateBucket } from '../rate-limit/rate-limit';
import {
  type CertificateRecordView,
  type CertificateStatus,
  toCertificateRecord,
} from './certificate-views';
import {
  selectCertificateForVerification,
  selectCertificateForVerificationCharged,
  type VerificationRow,
} from './sql';

/** The public answer for a serial: snapshot fields and status, nothing private. */
export interface CertificateVerification {
  status: CertificateStatus | 'NOT_FOUND';
  /** The canonical serial looked up (null when the input cannot be a serial). */
  serial: string | null;
  certificate: CertificateRecordView | null;
}

export interface VerifyCertificateOptions {
  db: DbOrTx;
  serial: string;
  /**
   * The look-up's rate limit (the API's per-address counter), charged in the same statement as
   * the read; over the limit the look-up fails with TOO_MANY_REQUESTS and `message`.
   */
  rateLimit?: { bucket: RateBucket; message: string };
}

/**
 * Public verification: anyone with the serial learns whether the certificate is VALID,
 * REVOKED (when and why) or SUPERSEDED (by which serial), with the snapshot's fields. Never
 * the holder's email or anything else not printed on the certificate.
 */
export async function verifyCertificate(
  options: VerifyCertificateOptions,
): Promise<CertificateVerification> {
  const { db, rateLimit } = options;
  const serial = normalizeSerial(options.serial);
  if (!serial) {
    if (rateLimit) await enforceRateLimits(db as Db, [rateLimit.bucket], rateLimit.message);
    return { status: 'NOT_FOUND', serial: null, certificate: null };
  }
  const row = rateLimit
    ? await chargedLookup(db, serial, rateLimit)
    : (await selectCertificateForVerification(db, serial))[0];
  if (!row) return { status: 'NOT_FOUND', serial, certificate: null };
  const certificate = toCertificateRecord(serial, row);
  return { status: certificate.status, serial, certificate };
}

/** The read and the rate-limit charge in one statement; TOO_MANY_REQUESTS over the limit. */
async function chargedLookup(
  db: DbOrTx,
  serial: string,
  rateLimit: NonNullable<VerifyCertificateOptions['rateLimit']>,
): Promise<VerificationRow | undefined> {
  const charge = chargeInStatement(rateLimit.bucket, rateLimit.message);
  const row = await selectCertificateForVerificationCharged(db, serial, charge.statement);
  if (!row) throw new Error('the rate-limit charge returned no row');
  await charge.enforce(db as Db, {
    key: rateLimit.bucket.key,
    hits: row.rateHits,
    windowEnd: new Date(row.rateWindowEndMs),
  });
  return row.snapshot === null ? undefined : row;
}
