import type { Readable } from 'node:stream';
import { AppError } from '@lms/core';
import busboy from 'busboy';
import type { Request } from 'express';

export interface MultipartLimits {
  /** Other fields accepted, and the longest value of one. */
  fields: number;
  fieldSize: number;
  /** Bytes of the file kept; past this the file stream reports `limit` and ends. */
  fileSize: number;
}

/**
 * Reads a multipart/form-data upload of text fields and one file part named "file" (other file
 * parts are drained). `onFile` consumes the file stream and resolves with what it made of it
 * (bytes in memory, a temporary file …); it is awaited before this resolves, so its errors
 * reject the upload. A request that is not multipart gets a BAD_USER_INPUT naming the field.
 */
export function readMultipart<File>(
  req: Request,
  limits: MultipartLimits,
  onFile: (stream: Readable & { truncated?: boolean }, info: { filename: string }) => Promise<File>,
): Promise<{ fields: Record<string, string>; file: File | null }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, ...limits } });
    } catch {
      reject(
        AppError.badInput(
          { file: ['Send the file as multipart/form-data with a “file” part.'] },
          'Send the file as multipart/form-data.',
        ),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let file: Promise<File | null> = Promise.resolve(null);
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      file = onFile(stream, info);
      // Settled by the `close` handler; never an unhandled rejection in between.
      file.catch(() => undefined);
    });
    parser.on('error', reject);
    parser.on('close', () => {
      file.then((read) => resolve({ fields, file: read }), reject);
    });
    req.pipe(parser);
  });
}
