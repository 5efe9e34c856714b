import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { contentTypeOfKey, type ObjectStore, type StoredObject } from './object-store';

export interface S3Settings {
  /** The service's address (AWS: https://s3.<region>.amazonaws.com; MinIO, R2, …: theirs). */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO and most others). */
  forcePathStyle: boolean;
}

/**
 * An S3-compatible bucket, through the AWS SDK v3 (loaded on first use, so processes that never
 * touch a file do not pay for it). Only PutObject and GetObject are used.
 */
export class S3Store implements ObjectStore {
  readonly description: string;
  private client: Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | null =
    null;

  constructor(private readonly settings: S3Settings) {
    this.description = `S3 bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
  }

  private connect() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: this.settings.endpoint,
        region: this.settings.region,
        forcePathStyle: this.settings.forcePathStyle,
        credentials: {
          accessKeyId: this.settings.accessKeyId,
          secretAccessKey: this.settings.secretAccessKey,
        },
        // Checksums only where S3 requires them: several S3-compatible services refuse the
        // SDK's default CRC32 trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
      }),
    }));
    return this.client;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    if (!contentTypeOfKey(key)) throw new Error(`Not a storage key: ${key}`);
    const { client, sdk } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    const contentType = contentTypeOfKey(key);
    if (!contentType) return null;
    const { client, sdk } = await this.connect();
    try {
      const result = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }),
      );
      if (!result.Body) return null;
      return {
        body: result.Body as Readable,
        contentType,
        size: result.ContentLength ?? 0,
      };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      if (error instanceof sdk.NoSuchKey || status === 404) return null;
      throw error;
    }
  }
}
