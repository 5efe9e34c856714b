/** Sharing a certificate: LinkedIn's "Add to profile" link and the verify page's link preview. */

export interface ShareableCertificate {
  serial: string;
  programTitle: string;
  sponsoringOrganization: string;
  /** ISO date-time of issue. */
  issuedAt: string;
  verifyUrl: string;
}

/**
 * LinkedIn's add-to-profile link for a certification
 * (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&…): the learner lands on
 * the form prefilled with the program, the issuing organisation, the issue month, the public
 * verification URL and the serial as the credential id. Nothing is sent until they save it.
 */
export function linkedInAddToProfileUrl(certificate: ShareableCertificate): string {
  const issued = new Date(certificate.issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: certificate.programTitle,
    organizationName: certificate.sponsoringOrganization,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: certificate.verifyUrl,
    certId: certificate.serial,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

export interface VerifyPageCertificate {
  serial: string;
  participantName: string;
  programTitle: string;
  sponsoringOrganization: string;
  verifyUrl: string;
}

type MetaTag =
  | { title: string }
  | { property: string; content: string }
  | { name: string; content: string };

/**
 * Open Graph and Twitter card tags for the public verify page, so a shared link previews as
 * what it proves. Only what the page itself shows publicly; a revoked or superseded
 * certificate says so in the preview; an unknown serial gets no certificate tags.
 */
export function verifyPageMeta(options: {
  siteName: string;
  title: string;
  status: string;
  certificate: VerifyPageCertificate | null;
}): MetaTag[] {
  const tags: MetaTag[] = [{ title: options.title }];
  const { certificate } = options;
  if (!certificate) return tags;
  const state =
    options.status === 'VALID'
      ? 'Valid'
      : options.status === 'SUPERSEDED'
        ? 'Superseded by a corrected certificate'
        : 'Revoked';
  const headline = `${certificate.programTitle}: Certificate of Completion`;
  const description =
    `${state}. Awarded to ${certificate.participantName} by ${certificate.sponsoringOrganization}` +
    ` (certificate ${certificate.serial}).`;
  return [
    ...tags,
    { name: 'description', content: description },
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: options.siteName },
    { property: 'og:title', content: headline },
    { property: 'og:description', content: description },
    { property: 'og:url', content: certificate.verifyUrl },
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: headline },
    { name: 'twitter:description', content: description },
  ];
}
