import Bowser from 'bowser';

/** "Firefox on Windows", "Safari on iOS (mobile)" from a User-Agent header; null when unknown. */
export function deviceLabel(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  const os = parser.getOSName();
  const platform = parser.getPlatformType();
  if (!browser && !os) return null;
  const kind = platform === 'mobile' || platform === 'tablet' ? ` (${platform})` : '';
  if (browser && os) return `${browser} on ${os}${kind}`;
  return `${browser || os}${kind}`;
}
