import { AppError, getViewerByToken, MEDIA_MAX_BYTES, readMedia, uploadMedia } from '@lms/core';
import type { Db } from '@lms/db';
import type { ObjectStore } from '@lms/storage';
import express, { type Request, type Router } from 'express';
import { bearerToken } from '../../context';
import { routeHandler } from '../../http/downloads';
import { readMultipart } from '../../http/multipart';
import type { Logger } from '../../logger';

/** One multipart upload read into memory (at most MEDIA_MAX_BYTES + 1 bytes are kept). */
async function readUpload(
  req: Request,
): Promise<{ fields: Record<string, string>; file: Buffer | null; truncated: boolean }> {
  let truncated = false;
  const upload = await readMultipart(
    req,
    { fields: 5, fieldSize: 200, fileSize: MEDIA_MAX_BYTES },
    (stream) =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => {
          truncated = true;
        });
        stream.on('error', reject);
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      }),
  );
  return { ...upload, truncated };
}

/**
 * Uploaded files (course covers, lesson images, captions):
 * - POST /media (author's bearer token; multipart field `kind` = cover | lesson-image |
 *   captions, file `file`): checks the content, stores it, answers 201 `{ url, contentType,
 *   bytes }`; 400 with `fieldErrors.file` saying what to upload instead.
 * - GET /media/<folder>/<sha256>.<ext>: the file, public, with its own content type; the
 *   address is its content hash, so it is cached for a year as immutable.
 * The web app proxies both under its own origin (captions tracks must be same-origin).
 */
export function mediaRoutes(options: { db: Db; log: Logger; store: ObjectStore }): Router {
  const { db, log, store } = options;
  const router = express.Router();
  router.post(
    '/media',
    routeHandler(log, async (req, res) => {
      const viewer = await getViewerByToken({ db, token: bearerToken(req) });
      if (Number(req.headers['content-length'] ?? 0) > MEDIA_MAX_BYTES + 64 * 1024) {
        res.setHeader('connection', 'close');
        throw AppError.badInput(
          { file: [`The file is larger than ${MEDIA_MAX_BYTES / 1024 / 1024} MB.`] },
          'The file is too large.',
        );
      }
      const upload = await readUpload(req);
      const media = await uploadMedia({
        store,
        viewer,
        kind: upload.fields.kind ?? '',
        bytes: upload.file,
        truncated: upload.truncated,
      });
      res.status(201).json(media);
    }),
  );
  router.get(
    '/media/:folder/:file',
    routeHandler(log, async (req, res) => {
      const object = await readMedia({
        store,
        path: `${req.params.folder}/${req.params.file}`,
      });
      res.setHeader('content-type', object.contentType);
      if (object.size) res.setHeader('content-length', String(object.size));
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-security-policy', "default-src 'none'; sandbox");
      object.body.on('error', (error) => {
        log.error({ err: error }, 'reading a stored file failed');
        res.destroy(error);
      });
      object.body.pipe(res);
    }),
  );
  return router;
}
