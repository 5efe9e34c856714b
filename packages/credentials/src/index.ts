export { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts.js';
export { formatCeu, formatLongDate, formatMinutes } from './format.js';
export type { CredentialLike } from './jwt.js';
export {
  signCredentialJwt,
  VC_JWT_TYP,
  verificationMethodId,
  verifyCredentialJwt,
} from './jwt.js';
export type { IssuerKey, IssuerKeyPair, IssuerPrivateJwk, IssuerPublicJwk } from './keys.js';
export {
  generateIssuerKey,
  importIssuerKey,
  loadOrCreateIssuerKey,
  parseRetiredPublicJwks,
} from './keys.js';
export type {
  IssuerInfo,
  OpenBadgeCredential,
  OpenBadgeOptions,
  Profile,
  StatusListRef,
} from './open-badge.js';
export {
  buildOpenBadgeCredential,
  CEU_RESULT_TYPE,
  creditLine,
  hashIdentity,
  issuerProfile,
  learnerSubjectId,
} from './open-badge.js';
export type { AuditPacketDocument } from './pdf/audit-packet.js';
export { renderAuditPacketPdf } from './pdf/audit-packet.js';
export type { CertificatePdfOptions } from './pdf/certificate.js';
export { renderCertificatePdf } from './pdf/certificate.js';
export type { PageSize } from './pdf/shared.js';
export type {
  TranscriptCycle,
  TranscriptEntry,
  TranscriptInput,
  TranscriptPdfOptions,
} from './pdf/transcript.js';
export { renderTranscriptPdf, TRANSCRIPT_ESTIMATE_NOTICE } from './pdf/transcript.js';
export {
  CROCKFORD_ALPHABET,
  generateSerial,
  isCanonicalSerial,
  normalizeSerial,
} from './serial.js';
export type {
  BitstringStatusListCredential,
  StatusListCredentialInput,
} from './status-list.js';
export {
  buildStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  isRevoked,
  listRevokedIndexes,
  MIN_STATUS_LIST_LENGTH,
  readStatusBit,
} from './status-list.js';
export type {
  CertificateCredit,
  CertificateSnapshot,
  CompletionRules,
  CreditBody,
} from './types.js';
export { CREDIT_BODIES } from './types.js';
