/** Image types accepted for covers and lesson images, by their sniffed MIME type → key extension. */
const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/**
 * What the bytes ARE (PNG, JPEG, WebP, GIF), read from their magic numbers with file-type,
 * whatever the file name or the browser claimed; null for anything else (SVG, HTML, PDF, …).
 */
export async function sniffImage(
  bytes: Buffer,
): Promise<{ contentType: string; extension: string } | null> {
  // Loaded on first use: processes that never receive an upload do not pay for it.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  const extension = detected ? IMAGE_EXTENSIONS[detected.mime] : undefined;
  return detected && extension ? { contentType: detected.mime, extension } : null;
}
