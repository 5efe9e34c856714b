import { createContext, useContext } from 'react';

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce (web/server.js makes one per request). */
    cspNonce?: string;
  }
}

/**
 * The CSP nonce of the response being rendered, for the inline scripts Remix writes
 * (`<Scripts>`, `<ScrollRestoration>`). Only the server knows it: in the browser the value is
 * undefined, and the scripts it guarded have already run.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
