import {
  buildStatusListCredential,
  encodeStatusList,
  type IssuerKey,
  MIN_STATUS_LIST_LENGTH,
  signCredentialJwt,
} from '@lms/credentials';
import type { Db } from '@lms/db';
import { issuerInfo, statusListUrl } from '../common/certificate-settings';
import { maxStatusListIndex } from './sql';

export interface GetStatusListCredentialJwtOptions {
  db: Db;
  key: IssuerKey;
  now?: Date;
}

/**
 * The signed BitstringStatusListCredential: one bit per certificate (its statusListIndex), set
 * for every revoked one. Built from the database on each request, so every API process serves
 * the same list. Grows past the 131,072-bit minimum in whole bytes when needed.
 */
export async function getStatusListCredentialJwt(
  options: GetStatusListCredentialJwtOptions,
): Promise<string> {
  const now = options.now ?? new Date();
  const [revoked, max] = await Promise.all([
    options.db.certificate.findMany({
      where: { revokedAt: { not: null } },
      select: { statusListIndex: true },
    }),
    maxStatusListIndex(options.db),
  ]);
  const needed = Math.ceil(((max ?? 0) + 1) / 8) * 8;
  const length = Math.max(MIN_STATUS_LIST_LENGTH, needed);
  const url = statusListUrl();
  const credential = buildStatusListCredential({
    id: url,
    issuer: issuerInfo().id,
    encodedList: encodeStatusList(
      revoked.map((row) => row.statusListIndex),
      length,
    ),
    validFrom: now.toISOString(),
  });
  return signCredentialJwt(credential, options.key, { issuedAt: now });
}
