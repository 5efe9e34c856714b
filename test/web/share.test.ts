import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl, verifyPageMeta } from '../../web/app/utils/share';

const certificate = {
  serial: 'CEU-7K3M-9QXD-H2TB',
  participantName: 'Nguyễn Thị Minh Khai',
  programTitle: 'ICD-10-CM Guidelines & Updates',
  sponsoringOrganization: 'CodeCred LMS',
  issuedAt: '2026-11-21T23:30:00.000Z',
  verifyUrl: 'https://lms.example/verify/CEU-7K3M-9QXD-H2TB',
};

describe('sharing a certificate', () => {
  it('builds LinkedIn’s add-to-profile link with name, organisation, issue month, URL and id', () => {
    const url = new URL(linkedInAddToProfileUrl(certificate));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'ICD-10-CM Guidelines & Updates',
      organizationName: 'CodeCred LMS',
      issueYear: '2026',
      issueMonth: '11',
      certUrl: 'https://lms.example/verify/CEU-7K3M-9QXD-H2TB',
      certId: 'CEU-7K3M-9QXD-H2TB',
    });
  });

  it('gives the verify page Open Graph and Twitter tags that state the status', () => {
    const tags = verifyPageMeta({
      siteName: 'CodeCred LMS',
      title: 'Certificate verification · CodeCred LMS',
      status: 'REVOKED',
      certificate,
    });
    const byKey = Object.fromEntries(
      tags.flatMap((tag) =>
        'property' in tag
          ? [[tag.property, tag.content]]
          : 'name' in tag
            ? [[tag.name, tag.content]]
            : [],
      ),
    );
    expect(byKey['og:url']).toBe(certificate.verifyUrl);
    expect(byKey['og:title']).toBe('ICD-10-CM Guidelines & Updates: Certificate of Completion');
    expect(byKey['og:description']).toMatch(
      /^Revoked\. Awarded to Nguyễn Thị Minh Khai by CodeCred LMS/,
    );
    expect(byKey['twitter:card']).toBe('summary');
    expect(byKey['twitter:title']).toBe(byKey['og:title']);
    // An unknown serial gets only the page title.
    expect(
      verifyPageMeta({ siteName: 'x', title: 'T', status: 'NOT_FOUND', certificate: null }),
    ).toEqual([{ title: 'T' }]);
  });
});
