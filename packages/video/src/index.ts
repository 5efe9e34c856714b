/** How a lesson video is shown: an embeddable player URL, or a plain MP4 file. */
export interface VideoEmbed {
  provider: 'YOUTUBE' | 'VIMEO' | 'MP4';
  src: string;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'm.youtube.com', 'youtube-nocookie.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'player.vimeo.com']);
const YOUTUBE_ID = /^[\w-]{6,64}$/;

function youtube(videoId: string | null | undefined): VideoEmbed | null {
  return videoId && YOUTUBE_ID.test(videoId)
    ? { provider: 'YOUTUBE', src: `https://www.youtube-nocookie.com/embed/${videoId}` }
    : null;
}

/**
 * Turns a YouTube, Vimeo or .mp4 URL into what the player embeds; null if unrecognised. The
 * one rule for authoring (a lesson's video URL must pass it) and for learners (the embed they
 * get), so an instructor cannot save a video that learners then cannot play. YouTube plays
 * through youtube-nocookie.com, Vimeo with do-not-track.
 */
export function videoEmbed(url: string | null | undefined): VideoEmbed | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.replace(/^www\./, '').toLowerCase();
  if (YOUTUBE_HOSTS.has(host)) {
    const fromPath = /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(parsed.pathname)?.[1];
    return youtube(parsed.searchParams.get('v') ?? fromPath);
  }
  if (host === 'youtu.be') return youtube(parsed.pathname.slice(1).split('/')[0]);
  if (VIMEO_HOSTS.has(host)) {
    const videoId = /^\/(?:video\/)?(\d{3,12})(?:\/|$)/.exec(parsed.pathname)?.[1];
    return videoId
      ? { provider: 'VIMEO', src: `https://player.vimeo.com/video/${videoId}?dnt=1` }
      : null;
  }
  if (/\.mp4$/i.test(parsed.pathname)) return { provider: 'MP4', src: parsed.href };
  return null;
}
