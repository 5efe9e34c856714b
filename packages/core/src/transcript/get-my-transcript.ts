import type { CertificateSnapshot } from '@lms/credentials';
import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import type { Viewer } from '../access/viewer';
import { certificateSettings } from '../common/certificate-settings';
import { providerDay } from '../time/provider-day';
import { buildTranscript, type Transcript } from './build-transcript';
import { loadCeuRequirements } from './ceu-requirements';
import { listMyCredentials } from './list-my-credentials';
import { listSelfReportedCredits } from './list-self-reported-credits';

/** The viewer's CEU transcript per credential and renewal cycle. */
export interface GetMyTranscriptOptions {
  db: Db;
  viewer: Viewer | null;
  now?: Date;
}

export async function getMyTranscript(options: GetMyTranscriptOptions): Promise<Transcript> {
  const viewer = requireViewer(options.viewer);
  const now = options.now ?? new Date();
  const [credentials, requirements, selfReported, certificates, user] = await Promise.all([
    listMyCredentials({ db: options.db, viewer }),
    loadCeuRequirements(options.db),
    listSelfReportedCredits({ db: options.db, viewer }),
    options.db.certificate.findMany({
      // Revoked (and superseded) certificates earn nothing; a reissue carries the credit on.
      where: { userId: viewer.id, revokedAt: null },
      select: { serial: true, snapshot: true },
    }),
    options.db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } }),
  ]);
  return buildTranscript({
    learnerName: user.name,
    credentials,
    requirements,
    certificates: certificates.map((c) => ({
      serial: c.serial,
      snapshot: c.snapshot as unknown as CertificateSnapshot,
    })),
    selfReported,
    today: providerDay(now),
    generatedAt: now,
    sponsor: certificateSettings().sponsoringOrganization,
  });
}
