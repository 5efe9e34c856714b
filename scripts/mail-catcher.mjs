// `pnpm mail-catcher`: the local mail catcher (`@lms/mail`: SMTP server + web inbox, emails kept
// in memory) as its own service, for staging and demo stacks (compose.yaml's `mail`, with
// `--profile demo`). Production sends through a real SMTP relay (SMTP_URL) instead.
// MAIL_CATCHER_HOST (default 127.0.0.1; 0.0.0.0 in a container), MAIL_CATCHER_SMTP_PORT (1025),
// MAIL_CATCHER_PORT (1080, the web inbox). Stops on SIGTERM/SIGINT.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// tsx resolves from the mail package, which depends on it (also in the image's copy).
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src/catcher-main.ts',
    '--host',
    process.env.MAIL_CATCHER_HOST ?? '127.0.0.1',
    '--smtp-port',
    process.env.MAIL_CATCHER_SMTP_PORT ?? '1025',
    '--inbox-port',
    process.env.MAIL_CATCHER_PORT ?? '1080',
  ],
  { cwd: path.join(root, 'packages/mail'), stdio: ['ignore', 'inherit', 'inherit'] },
);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
