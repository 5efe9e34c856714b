import { normalizeSerial } from '@lms/credentials';
import { type Db } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import {
  decodeTimeCursor,
  encodeTimeCursor,
  type Page,
  pageArgsSchema,
} from '../pagination/keyset';
import {
  type CertificateStatus,
  type CertificateView,
  toCertificateView,
} from './certificate-views';
import { selectCertificateSearchPage } from './sql';

/** A certificate in the admin's search: what it says, its status, whose it is, who revoked it. */
export interface CertificateSearchHit {
  certificate: CertificateView;
  holderName: string;
  holderEmail: string;
  revokedByName: string | null;
}

const searchSchema = pageArgsSchema.extend({
  search: z.string().trim().max(200, 'Keep the search under 200 characters.').nullish(),
  status: z.enum(['VALID', 'REVOKED', 'SUPERSEDED']).nullish(),
});

/**
 * Admin: certificates whose learner (name or email), course title (as printed) or serial
 * matches `search` (a serial typed loosely matches exactly; anything else as a fragment,
 * case-insensitive), optionally of one status; newest first, a page at a time.
 */
export async function searchCertificates(options: {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  search?: string | null;
  status?: CertificateStatus | null;
}): Promise<Page<CertificateSearchHit>> {
  requireAdmin(options.viewer);
  const input = parseInput(searchSchema, {
    first: options.first,
    after: options.after,
    search: options.search,
    status: options.status,
  });
  const text = input.search ?? '';
  const serial = text ? normalizeSerial(text) : null;
  const { rows, totalCount } = await selectCertificateSearchPage(options.db, {
    text,
    serial,
    status: input.status ?? null,
    after: input.after ? decodeTimeCursor(input.after) : null,
    first: input.first,
  });
  return {
    edges: rows.slice(0, input.first).map((row) => ({
      cursor: encodeTimeCursor(row.issuedAt, row.id),
      node: {
        certificate: toCertificateView(row),
        holderName: row.holderName,
        holderEmail: row.holderEmail,
        revokedByName: row.revokedByName,
      },
    })),
    hasNextPage: rows.length > input.first,
    hasPreviousPage: Boolean(input.after),
    totalCount,
  };
}
