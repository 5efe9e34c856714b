import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStore } from './local-disk-store';
import type { ObjectStore } from './object-store';
import { S3Store } from './s3-store';
import { sniffImage } from './sniff';

/**
 * The network edge of S3: a tiny HTTP server that answers the two calls S3Store makes
 * (path-style PutObject and GetObject), refusing unsigned requests the way S3 does.
 */
async function startFakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: { method: string; url: string; authorization: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const authorization = String(req.headers.authorization ?? '');
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorization });
      if (!authorization.startsWith('AWS4-HMAC-SHA256 Credential=test-key/')) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<Error><Code>AccessDenied</Code><Message>Unsigned</Message></Error>');
        return;
      }
      const key = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      if (req.method === 'PUT') {
        objects.set(key, {
          body: Buffer.concat(chunks),
          contentType: String(req.headers['content-type']),
        });
        res.writeHead(200, { etag: '"1"' });
        res.end();
        return;
      }
      const object = objects.get(key);
      if (req.method === 'GET' && object) {
        res.writeHead(200, {
          'content-type': object.contentType,
          'content-length': object.body.length,
        });
        res.end(object.body);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');

let folder: string;
let fakeS3: Awaited<ReturnType<typeof startFakeS3>>;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'lms-storage-'));
  fakeS3 = await startFakeS3();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await fakeS3?.close();
});

const stores: [string, () => ObjectStore][] = [
  ['LocalDiskStore', () => new LocalDiskStore(folder)],
  [
    'S3Store',
    () =>
      new S3Store({
        endpoint: fakeS3.url,
        region: 'us-east-1',
        bucket: 'lms-media',
        accessKeyId: 'test-key',
        secretAccessKey: 'test-secret',
        forcePathStyle: true,
      }),
  ],
];

describe.each(stores)('%s', (name, makeStore) => {
  it('stores an object and reads it back with its content type and size', async () => {
    const store = makeStore();
    const body = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n');
    const key = `captions/${sha(body)}.vtt`;
    await store.put(key, body, 'text/vtt; charset=utf-8');
    const object = await store.get(key);
    expect(object).not.toBeNull();
    expect(object?.contentType).toBe('text/vtt; charset=utf-8');
    expect(object?.size).toBe(body.length);
    expect(await text(object?.body as NodeJS.ReadableStream)).toBe(body.toString());
    // A second instance (another API process) sees the same object: nothing lives in memory.
    expect(await text((await makeStore().get(key))?.body as NodeJS.ReadableStream)).toBe(
      body.toString(),
    );
    if (name === 'S3Store') {
      const put = fakeS3.requests.find((request) => request.method === 'PUT');
      expect(put?.url.split('?')[0]).toBe(`/lms-media/${key}`);
      expect(fakeS3.objects.get(`/lms-media/${key}`)?.contentType).toBe('text/vtt; charset=utf-8');
    }
  });

  it('answers null for a missing object and for anything that is not a storage key', async () => {
    const store = makeStore();
    expect(await store.get(`covers/${'0'.repeat(64)}.png`)).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.get(`covers/${'0'.repeat(64)}.html`)).toBeNull();
    await expect(store.put('../escape.png', Buffer.from('x'), 'image/png')).rejects.toThrow(
      /Not a storage key/,
    );
  });
});

describe('LocalDiskStore', () => {
  it('leaves no partial files behind when writes of the same key race', async () => {
    const store = new LocalDiskStore(folder);
    const body = Buffer.alloc(256 * 1024, 7);
    const key = `covers/${sha(body)}.png`;
    await Promise.all(Array.from({ length: 8 }, () => store.put(key, body, 'image/png')));
    expect(await readdir(path.join(folder, 'covers'))).toEqual([`${sha(body)}.png`]);
    expect((await store.get(key))?.size).toBe(body.length);
  });
});

describe('S3Store', () => {
  it('reports a refused request as an error, not as a missing object', async () => {
    const store = new S3Store({
      endpoint: fakeS3.url,
      region: 'us-east-1',
      bucket: 'lms-media',
      accessKeyId: 'wrong-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
    await expect(store.get(`covers/${'1'.repeat(64)}.png`)).rejects.toThrow();
  });
});

describe('sniffImage', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  it('recognises an image by its bytes, whatever its name', async () => {
    expect(await sniffImage(png)).toEqual({ contentType: 'image/png', extension: 'png' });
  });
  it('refuses SVG, HTML and text even when they claim to be images', async () => {
    expect(await sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(
      null,
    );
    expect(await sniffImage(Buffer.from('<html><script>alert(1)</script></html>'))).toBe(null);
    expect(await sniffImage(Buffer.from('just text'))).toBe(null);
  });
});
