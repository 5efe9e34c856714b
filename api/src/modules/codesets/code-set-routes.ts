import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AppError,
  CODE_FILE_MAX_BYTES,
  getViewerByToken,
  requireCodeSetAdmin,
  startCodeSetImport,
} from '@lms/core';
import type { Db } from '@lms/db';
import express, { type Request, type Router } from 'express';
import { bearerToken } from '../../context';
import { routeHandler } from '../../http/downloads';
import { readMultipart } from '../../http/multipart';
import type { Logger } from '../../logger';

interface StoredUpload {
  fields: Record<string, string>;
  file: { path: string; fileName: string; bytes: number; sha256: string; lineCount: number } | null;
}

/**
 * Streams a multipart upload (fields + one file named "file") to a temporary file, hashing it
 * and counting its lines on the way. Over the size limit → 413 with what to do.
 */
function storeUpload(req: Request): Promise<StoredUpload> {
  return readMultipart(
    req,
    { fields: 10, fieldSize: 1000, fileSize: CODE_FILE_MAX_BYTES },
    async (stream, info) => {
      const path = join(tmpdir(), `lms-codeset-${randomUUID()}.txt`);
      const hash = createHash('sha256');
      let bytes = 0;
      let lineCount = 0;
      let lastByte = 10;
      let truncated = false;
      stream.on('limit', () => {
        truncated = true;
      });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          bytes += chunk.length;
          for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lineCount += 1;
          if (chunk.length > 0) lastByte = chunk[chunk.length - 1] ?? 10;
          callback(null, chunk);
        },
      });
      await pipeline(stream, counter, createWriteStream(path));
      if (truncated) {
        await unlink(path).catch(() => undefined);
        throw new AppError(
          'BAD_USER_INPUT',
          `The file is larger than ${CODE_FILE_MAX_BYTES / 1024 / 1024} MB. Upload the plain-text order file (or HCPCS file), not an archive of several.`,
          { fieldErrors: { file: ['The file is too large.'] } },
        );
      }
      return {
        path,
        fileName: info.filename || 'upload.txt',
        bytes,
        sha256: hash.digest('hex'),
        lineCount: lineCount + (bytes > 0 && lastByte !== 10 ? 1 : 0),
      };
    },
  );
}

/**
 * Plain HTTP route of code-set imports (GraphQL multipart is awkward; the web app proxies the
 * browser's form here as it is):
 * - POST /code-sets/imports (admin bearer token; multipart fields system, name, effectiveOn and
 *   the file "file"): answers 202 with the import job at once; the import runs in this process
 *   and reports its progress on the job row.
 */
export function codeSetRoutes(options: { db: Db; log: Logger }): Router {
  const { db, log } = options;
  const router = express.Router();
  router.post(
    '/code-sets/imports',
    routeHandler(log, async (req, res) => {
      const viewer = await getViewerByToken({ db, token: bearerToken(req) });
      requireCodeSetAdmin(viewer);
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > CODE_FILE_MAX_BYTES + 64 * 1024) {
        res.setHeader('connection', 'close');
        throw new AppError(
          'BAD_USER_INPUT',
          `The file is larger than ${CODE_FILE_MAX_BYTES / 1024 / 1024} MB.`,
          { fieldErrors: { file: ['The file is too large.'] } },
        );
      }
      const upload = await storeUpload(req);
      if (!upload.file) {
        throw AppError.badInput({ file: ['Choose the code-set file to import.'] });
      }
      const file = upload.file;
      const cleanup = () => unlink(file.path).catch(() => undefined);
      try {
        const { job, done } = await startCodeSetImport({
          db,
          viewer,
          input: {
            system: upload.fields.system as 'ICD10CM',
            name: upload.fields.name,
            effectiveOn: upload.fields.effectiveOn ?? '',
          },
          file: {
            fileName: file.fileName,
            bytes: file.bytes,
            sha256: file.sha256,
            lineCount: file.lineCount,
            lines: () =>
              createInterface({ input: createReadStream(file.path, 'utf8'), crlfDelay: Infinity }),
          },
          onFailure: (error) => {
            if (
              !(error instanceof AppError) &&
              !(error instanceof Error && error.name === 'CodeFileLineError')
            ) {
              log.error({ err: error }, 'code-set import failed');
            }
          },
        });
        void done.finally(cleanup);
        res.status(202).json({ import: job });
      } catch (error) {
        await cleanup();
        throw error;
      }
    }),
  );
  return router;
}
