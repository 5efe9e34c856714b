// `prisma generate` needs no schema engine, but the CLI checks for the native binary first
// and tries to download it (impossible offline). Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file skips that check; generation itself is pure Wasm.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('pnpm', ['exec', 'prisma', 'generate'], {
  cwd,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
