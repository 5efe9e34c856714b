import type { IssuerInfo } from '@lms/credentials';

/**
 * What a deployment says about the certificates it issues. Set once at process start
 * (`configureCertificates`, from the API's env module); plain values, no state.
 */
export interface CertificateSettings {
  /** Printed as the sponsoring organization and used as the issuer's name. */
  sponsoringOrganization: string;
  /** Base URL of the web app: verify links are `${publicWebUrl}/verify/${serial}`. */
  publicWebUrl: string;
  /** Base URL of the API: the issuer profile and the status list are served under it. */
  publicApiUrl: string;
}

const DEFAULTS: CertificateSettings = {
  sponsoringOrganization: 'CodeCred LMS',
  publicWebUrl: 'http://127.0.0.1:3000',
  publicApiUrl: 'http://127.0.0.1:4000',
};

let current: CertificateSettings = DEFAULTS;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Sets the deployment's certificate settings (missing fields keep their defaults). */
export function configureCertificates(settings: Partial<CertificateSettings>): void {
  const merged = { ...DEFAULTS, ...current, ...settings };
  current = {
    sponsoringOrganization: merged.sponsoringOrganization.trim() || DEFAULTS.sponsoringOrganization,
    publicWebUrl: trimSlash(merged.publicWebUrl),
    publicApiUrl: trimSlash(merged.publicApiUrl),
  };
}

export function certificateSettings(): CertificateSettings {
  return current;
}

/** The public verification page of a serial. */
export function verifyUrlFor(serial: string): string {
  return `${current.publicWebUrl}/verify/${serial}`;
}

/**
 * Where the holder downloads the signed Open Badge (VC-JWT) from the API, with their bearer
 * token. The web app serves the same path (its proxy adds the token from the session).
 */
export function openBadgeUrlFor(serial: string): string {
  return `${current.publicApiUrl}/certificates/${serial}/credential.jwt`;
}

/** Who signs: the profile is served at its id (GET /issuer). */
export function issuerInfo(): IssuerInfo {
  return {
    id: `${current.publicApiUrl}/issuer`,
    name: current.sponsoringOrganization,
    url: current.publicWebUrl,
  };
}

/** The one revocation list (GET /credentials/status/1). */
export function statusListUrl(): string {
  return `${current.publicApiUrl}/credentials/status/1`;
}
