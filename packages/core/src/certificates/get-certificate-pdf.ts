import { type PageSize, renderCertificatePdf } from '@lms/credentials';
import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { providerTimeZone } from '../time/provider-day';
import { ownCertificate, refuseRevoked } from './documents';

export interface GetCertificatePdfOptions {
  db: Db;
  viewer: Viewer | null;
  serial: string;
  pageSize: PageSize;
}

/**
 * The certificate as a PDF (A4 or US Letter), rendered from the stored snapshot, so a download
 * years later is identical. Holder or admin only (it shows the name); a revoked certificate is
 * refused to the holder.
 */
export async function getCertificatePdf(
  options: GetCertificatePdfOptions,
): Promise<{ filename: string; pdf: Buffer }> {
  const row = await ownCertificate(options.db, options.viewer, options.serial);
  refuseRevoked(row);
  const pdf = await renderCertificatePdf(row.snapshot, {
    pageSize: options.pageSize,
    timeZone: providerTimeZone(),
  });
  return { filename: `certificate-${row.serial}-${options.pageSize.toLowerCase()}.pdf`, pdf };
}
