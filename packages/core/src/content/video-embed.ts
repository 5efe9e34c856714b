/** How a lesson video is shown: an embeddable player URL, or a plain MP4 file. */
export interface VideoEmbed {
  provider: 'YOUTUBE' | 'VIMEO' | 'MP4';
  src: string;
}

/** Turns a YouTube, Vimeo or .mp4 URL into what the player embeds; null if unrecognised. */
export function videoEmbed(url: string | null): VideoEmbed | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^www\./, '').toLowerCase();
  const id = /^[\w-]{6,20}$/;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const videoId =
      parsed.searchParams.get('v') ?? parsed.pathname.split('/').filter(Boolean).at(-1) ?? '';
    return id.test(videoId)
      ? { provider: 'YOUTUBE', src: `https://www.youtube-nocookie.com/embed/${videoId}` }
      : null;
  }
  if (host === 'youtu.be') {
    const videoId = parsed.pathname.slice(1);
    return id.test(videoId)
      ? { provider: 'YOUTUBE', src: `https://www.youtube-nocookie.com/embed/${videoId}` }
      : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const videoId = parsed.pathname.split('/').filter(Boolean).at(-1) ?? '';
    return /^\d{3,12}$/.test(videoId)
      ? { provider: 'VIMEO', src: `https://player.vimeo.com/video/${videoId}` }
      : null;
  }
  if (/^https?:$/.test(parsed.protocol) && /\.mp4$/i.test(parsed.pathname))
    return { provider: 'MP4', src: parsed.href };
  return null;
}
