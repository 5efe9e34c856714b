import { z } from 'zod';

/**
 * zod for the web's form schemas, which also run in the browser. zod 4 compiles object parsers
 * with `new Function` and probes whether it may; the Content-Security-Policy forbids eval, so
 * the probe shows as a CSP violation on every page with a form. Jitless mode never probes.
 */
z.config({ jitless: true });

export { z };
