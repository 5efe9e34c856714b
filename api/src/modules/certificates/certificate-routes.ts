import {
  AppError,
  exportCertificateAuditPacket,
  exportMyTranscript,
  getCertificateCredentialJwt,
  getCertificatePdf,
  getIssuerProfile,
  getStatusListCredentialJwt,
  getViewerByToken,
} from '@lms/core';
import type { IssuerKey, IssuerPublicJwk } from '@lms/credentials';
import type { Db } from '@lms/db';
import express, { type Request, type Response } from 'express';
import { bearerToken } from '../../context';
import { routeHandler, sendAttachment } from '../../http/downloads';
import type { Logger } from '../../logger';

function pageSize(value: unknown): 'A4' | 'LETTER' {
  if (value === undefined || value === 'a4' || value === 'A4') return 'A4';
  if (value === 'letter' || value === 'LETTER') return 'LETTER';
  throw AppError.badInput({ size: ['Use size=a4 or size=letter.'] });
}

/**
 * Stable public URLs of the issuer (profile with the public key, revocation status list) and the
 * holder's downloads (certificate PDF and Open Badge, transcript PDF/CSV; bearer token required).
 * Each handler calls one core use case; AppError codes become HTTP statuses.
 */
export function certificateRoutes(options: {
  db: Db;
  issuerKey: IssuerKey;
  retiredIssuerKeys: IssuerPublicJwk[];
  log: Logger;
}) {
  const { db, issuerKey, retiredIssuerKeys, log } = options;
  const router = express.Router();

  const handle = (fn: (req: Request, res: Response) => Promise<void>) => routeHandler(log, fn);

  const viewerOf = (req: Request) => getViewerByToken({ db, token: bearerToken(req) });

  router.get(
    '/issuer',
    handle(async (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.json(getIssuerProfile(issuerKey, retiredIssuerKeys));
    }),
  );

  router.get(
    '/credentials/status/1',
    handle(async (_req, res) => {
      const jwt = await getStatusListCredentialJwt({ db, key: issuerKey });
      res.setHeader('content-type', 'application/vc+jwt');
      res.setHeader('cache-control', 'public, max-age=30');
      res.send(jwt);
    }),
  );

  router.get(
    '/certificates/:file',
    handle(async (req, res) => {
      const file = String(req.params.file);
      if (!file.toLowerCase().endsWith('.pdf')) throw AppError.notFound('Certificate');
      const { filename, pdf } = await getCertificatePdf({
        db,
        viewer: await viewerOf(req),
        serial: file.slice(0, -4),
        pageSize: pageSize(req.query.size),
      });
      sendAttachment(res, filename, 'application/pdf', pdf);
    }),
  );

  router.get(
    '/certificates/:serial/credential.jwt',
    handle(async (req, res) => {
      const { filename, jwt } = await getCertificateCredentialJwt({
        db,
        viewer: await viewerOf(req),
        serial: String(req.params.serial),
        key: issuerKey,
      });
      sendAttachment(res, filename, 'application/vc+jwt', jwt);
    }),
  );

  // The audit packet of one certificate (holder or admin): PDF for people, JSON for machines.
  for (const format of ['pdf', 'json'] as const) {
    router.get(
      `/certificates/:serial/audit-packet.${format}`,
      handle(async (req, res) => {
        const { filename, contentType, body } = await exportCertificateAuditPacket({
          db,
          viewer: await viewerOf(req),
          serial: String(req.params.serial),
          format,
        });
        sendAttachment(res, filename, contentType, body);
      }),
    );
  }

  for (const format of ['pdf', 'csv'] as const) {
    router.get(
      `/transcript.${format}`,
      handle(async (req, res) => {
        const { filename, contentType, body } = await exportMyTranscript({
          db,
          viewer: await viewerOf(req),
          format,
          pageSize: format === 'pdf' ? pageSize(req.query.size) : undefined,
        });
        sendAttachment(res, filename, contentType, body);
      }),
    );
  }

  return router;
}
