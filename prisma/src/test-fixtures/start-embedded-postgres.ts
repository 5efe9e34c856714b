// Child process for embedded-postgres.test.ts. Starts a server and reports `ready <pid>`, then:
// - `wait` (default): waits to be killed with SIGKILL (which leaves the postmaster orphaned);
// - `stop-then-fail`: stops the server, sets exit code 3 and lets Node end on its own;
// - `exit-running`: calls process.exit(4) with the server still running.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded-postgres';

const [dataDir, port, mode = 'wait'] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port) });
const pid = readFileSync(join(dataDir!, 'postmaster.pid'), 'utf8').split('\n')[0];
process.stdout.write(`ready ${pid}\n`);
if (mode === 'stop-then-fail') {
  await server.stop();
  process.exitCode = 3;
} else if (mode === 'exit-running') {
  process.exit(4);
} else {
  setInterval(() => {}, 60_000);
}
