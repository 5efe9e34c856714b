import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalDiskStore } from '@lms/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger';
import { type ApiServer, createApiServer } from '../../server';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nCode to the highest specificity.\n';

async function upload(
  url: string,
  token: string | null,
  kind: string,
  body: Buffer | string,
  fileName: string,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([body], { type }), fileName);
  const response = await fetch(`${url}/media`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: test helper reading JSON
  return { status: response.status, body: (await response.json()) as any };
}

describe('uploaded files (POST /media, GET /media/…)', () => {
  let folder: string;
  let api: TestApi;
  let second: ApiServer;
  let secondUrl: string;
  let instructor: Actor;
  let student: Actor;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'lms-media-test-'));
    api = await startTestApi({ objectStore: new LocalDiskStore(folder) });
    // A second API process of the same deployment: same database, same store, own memory.
    second = await createApiServer({
      db: api.database.db,
      log: createLogger('silent'),
      objectStore: new LocalDiskStore(folder),
    });
    secondUrl = (await second.listen(0)).url;
    [instructor, student] = await Promise.all([
      registerActor(api, 'INSTRUCTOR', 'Ivy Instructor'),
      registerActor(api, 'STUDENT', 'Sam Student'),
    ]);
  });
  afterAll(async () => {
    await second?.stop();
    await api?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('stores a cover image and serves it from any API process with its type and a long cache', async () => {
    const uploaded = await upload(api.url, instructor.token, 'cover', PNG, 'cover.jpg');
    expect(uploaded.status).toBe(201);
    // Named .jpg, but the bytes are a PNG: the stored type is what the content is.
    expect(uploaded.body.url).toMatch(/^\/media\/covers\/[a-f0-9]{64}\.png$/);
    expect(uploaded.body.contentType).toBe('image/png');

    const served = await fetch(`${secondUrl}${uploaded.body.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a file that only claims to be an image, saying what to upload', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>';
    const refused = await upload(api.url, instructor.token, 'cover', svg, 'cover.png', 'image/png');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fieldErrors.file[0]).toMatch(/must be a PNG, JPEG, WebP or GIF/);
  });

  it('refuses a cover over 2 MB with the limit in the message', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const refused = await upload(api.url, instructor.token, 'cover', big, 'big.png');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fieldErrors.file[0]).toMatch(/larger than 2 MB/);
  });

  it('accepts WebVTT captions and refuses SRT or an oversized file', async () => {
    const stored = await upload(api.url, instructor.token, 'captions', VTT, 'en.vtt');
    expect(stored.status).toBe(201);
    expect(stored.body.url).toMatch(/^\/media\/captions\/[a-f0-9]{64}\.vtt$/);
    const served = await fetch(`${api.url}${stored.body.url}`);
    expect(served.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await served.text()).toBe(VTT);

    const srt = '1\n00:00:00,000 --> 00:00:02,000\nHello\n';
    const refused = await upload(api.url, instructor.token, 'captions', srt, 'en.vtt');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fieldErrors.file[0]).toMatch(/first line must be "WEBVTT"/);

    const huge = `WEBVTT\n\n${'x'.repeat(600 * 1024)}`;
    const tooBig = await upload(api.url, instructor.token, 'captions', huge, 'en.vtt');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.fieldErrors.file[0]).toMatch(/larger than 512 KB/);
  });

  it('lets only authors upload, and serves nothing outside the stored files', async () => {
    expect((await upload(api.url, null, 'cover', PNG, 'a.png')).status).toBe(401);
    expect((await upload(api.url, student.token, 'cover', PNG, 'a.png')).status).toBe(403);
    expect((await fetch(`${api.url}/media/covers/${'0'.repeat(64)}.png`)).status).toBe(404);
    expect((await fetch(`${api.url}/media/covers/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
