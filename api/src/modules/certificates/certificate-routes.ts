import {
  AppError,
  exportMyTranscript,
  getCertificateCredentialJwt,
  getCertificatePdf,
  getIssuerProfile,
  getStatusListCredentialJwt,
  getViewerByToken,
  isAppError,
} from '@lms/core';
import type { IssuerKey } from '@lms/credentials';
import type { Db } from '@lms/db';
import express, { type Request, type Response } from 'express';
import { bearerToken } from '../../context';
import type { Logger } from '../../logger';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  TOO_MANY_REQUESTS: 429,
};

function pageSize(value: unknown): 'A4' | 'LETTER' {
  if (value === undefined || value === 'a4' || value === 'A4') return 'A4';
  if (value === 'letter' || value === 'LETTER') return 'LETTER';
  throw AppError.badInput({ size: ['Use size=a4 or size=letter.'] });
}

function attachment(res: Response, filename: string, contentType: string, body: Buffer | string) {
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(body);
}

/**
 * Stable public URLs of the issuer (profile with the public key, revocation status list) and the
 * holder's downloads (certificate PDF and Open Badge, transcript PDF/CSV; bearer token required).
 * Each handler calls one core use case; AppError codes become HTTP statuses.
 */
export function certificateRoutes(options: { db: Db; issuerKey: IssuerKey; log: Logger }) {
  const { db, issuerKey, log } = options;
  const router = express.Router();

  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await fn(req, res);
      } catch (error) {
        if (isAppError(error)) {
          res.status(STATUS[error.code] ?? 400).json({
            error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors },
          });
          return;
        }
        log.error({ err: error, requestId: res.locals.requestId }, 'certificate route failed');
        res
          .status(500)
          .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong.' } });
      }
    };

  const viewerOf = (req: Request) => getViewerByToken({ db, token: bearerToken(req) });

  router.get(
    '/issuer',
    handle(async (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.json(getIssuerProfile(issuerKey));
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
      attachment(res, filename, 'application/pdf', pdf);
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
      attachment(res, filename, 'application/vc+jwt', jwt);
    }),
  );

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
        attachment(res, filename, contentType, body);
      }),
    );
  }

  return router;
}
