import { parseArgs } from 'node:util';
import { startMailCatcher } from './catcher';

/**
 * The development mail catcher as its own process (`pnpm start` runs it when no SMTP_URL is
 * set): `--smtp-port 1025 --inbox-port 1080`. A busy port falls back to a free one. Prints one
 * JSON line with the SMTP URL and the inbox URL, then keeps every email in memory.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'smtp-port': { type: 'string', default: '1025' },
    'inbox-port': { type: 'string', default: '1080' },
  },
});

async function listen(smtpPort: number, inboxPort: number) {
  try {
    return await startMailCatcher({ host: values.host, smtpPort, inboxPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startMailCatcher({ host: values.host, smtpPort: 0, inboxPort: 0 });
  }
}

const catcher = await listen(Number(values['smtp-port']), Number(values['inbox-port']));
process.stdout.write(
  `${JSON.stringify({ smtpUrl: catcher.smtpUrl, inboxUrl: catcher.inboxUrl })}\n`,
);
const stop = () => void catcher.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
