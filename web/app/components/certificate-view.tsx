import { formatDate, formatDay, formatMinutes } from '../utils/format';
import { useProviderTimeZone } from '../utils/time-zone';

export interface CertificateCreditView {
  body: string;
  bodyName: string;
  indexNumber: string;
  ceuAmount: string;
  category: string;
}

export interface CertificateSummary {
  serial: string;
  participantName: string;
  programTitle: string;
  sponsoringOrganization: string;
  completionDate: string;
  issuedAt: string;
  credits: CertificateCreditView[];
  instructionalMinutes: number;
  status: string;
  revokedAt: string | null;
  revocationReason: string | null;
  supersedesSerial: string | null;
  supersededBySerial: string | null;
}

const STATUS_LABEL: Record<string, string> = {
  VALID: 'Valid',
  REVOKED: 'Revoked',
  SUPERSEDED: 'Superseded',
  NOT_FOUND: 'Not found',
};

export function CertificateStatusBadge({ status }: { status: string }) {
  return (
    <span className={`status status-certificate-${status.toLowerCase()}`}>
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}

/** "AAPC · index number AAPC-DEMO-0001 · 2.00 CEUs (core)" */
export function creditText(credit: CertificateCreditView): string {
  const unit = Number(credit.ceuAmount) === 1 ? 'CEU' : 'CEUs';
  const category = credit.category ? ` (${credit.category})` : '';
  return `${credit.body === 'OTHER' ? credit.bodyName : credit.body} · index number ${credit.indexNumber} · ${credit.ceuAmount} ${unit}${category}`;
}

/** The snapshot's fields as a definition list (what the paper certificate says). */
export function CertificateFacts({ certificate }: { certificate: CertificateSummary }) {
  const providerTimeZone = useProviderTimeZone();
  return (
    <dl className="certificate-facts">
      <div>
        <dt>Participant</dt>
        <dd>{certificate.participantName}</dd>
      </div>
      <div>
        <dt>Program</dt>
        <dd>{certificate.programTitle}</dd>
      </div>
      <div>
        <dt>Sponsoring organization</dt>
        <dd>{certificate.sponsoringOrganization}</dd>
      </div>
      <div>
        <dt>Completion date</dt>
        <dd>{formatDate(certificate.completionDate)}</dd>
      </div>
      <div>
        <dt>Credit</dt>
        <dd>
          {certificate.credits.length === 0 ? (
            'Certificate of completion (no continuing-education credit)'
          ) : (
            <ul className="plain-list">
              {certificate.credits.map((credit) => (
                <li key={`${credit.body}-${credit.indexNumber}`}>{creditText(credit)}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Instruction</dt>
        <dd>{formatMinutes(certificate.instructionalMinutes)}</dd>
      </div>
      <div>
        <dt>Serial</dt>
        <dd>
          <code>{certificate.serial}</code>
        </dd>
      </div>
      <div>
        <dt>Issued</dt>
        <dd>{formatDay(certificate.issuedAt, providerTimeZone)}</dd>
      </div>
      {certificate.supersedesSerial ? (
        <div>
          <dt>Corrects</dt>
          <dd>
            <code>{certificate.supersedesSerial}</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
