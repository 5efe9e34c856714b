import { describe, expect, it } from 'vitest';
import { readFlash, redirectWithFlash } from './session.server';

/** The request the browser sends after following `response` (its cookies, to `Location`). */
function follow(response: Response): Request {
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return new Request(`http://web.test${response.headers.get('Location')}`, {
    headers: { Cookie: cookie },
  });
}

describe('flash messages', () => {
  it('carry one message, with its kind, to the next page only', async () => {
    const response = await redirectWithFlash('/transcript', 'Credential removed.', 'info');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/transcript');
    const { flash, setCookie } = await readFlash(follow(response));
    expect(flash).toEqual({ kind: 'info', message: 'Credential removed.' });
    // Reading it expires the cookie, so a reload does not show it again.
    expect(setCookie).toMatch(/Max-Age=0/i);
  });

  it('default to success, and ignore a cookie that was tampered with', async () => {
    const ok = await readFlash(follow(await redirectWithFlash('/learn', 'Saved.')));
    expect(ok.flash).toEqual({ kind: 'success', message: 'Saved.' });
    const forged = new Request('http://web.test/learn', {
      headers: { Cookie: `lms_flash=${btoa(JSON.stringify({ kind: 'error', message: 'Hi' }))}` },
    });
    expect((await readFlash(forged)).flash).toBeNull();
  });
});
