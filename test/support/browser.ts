import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { instrumentBrowser } from './timings';

/** Debian's Chromium, headless, with the flags that work as root on a closed network. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await instrumentBrowser(browser);
  return browser;
}

/** Connects to a Chromium started elsewhere (the stack broker's). */
export async function connectBrowser(endpoint: string): Promise<Browser> {
  const browser = await chromium.connect(endpoint);
  await instrumentBrowser(browser);
  return browser;
}
