// Child process for embedded-postgres.test.ts: starts a server, reports its pid, then waits to
// be killed with SIGKILL (which leaves the postmaster running as an orphan).
import { startEmbeddedPostgres } from '../embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port) });
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
