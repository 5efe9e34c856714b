import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOfKey, type ObjectStore, type StoredObject } from './object-store';

/**
 * Files in a folder (development default: `<data folder>/media`). Several API processes on one
 * machine share it: each write goes to a temporary file renamed into place, so a reader never
 * sees half a file.
 */
export class LocalDiskStore implements ObjectStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `local disk ${root}`;
  }

  private pathOf(key: string): string {
    if (!contentTypeOfKey(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  /** The content type follows from the key's extension (see contentTypeOfKey). */
  async put(key: string, body: Buffer, _contentType?: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.partial`;
    try {
      await writeFile(temporary, body);
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const contentType = contentTypeOfKey(key);
    if (!contentType) return null;
    const file = this.pathOf(key);
    try {
      const { size } = await stat(file);
      return { body: createReadStream(file), contentType, size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
