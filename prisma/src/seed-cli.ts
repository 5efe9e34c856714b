// `pnpm --filter @lms/db seed`: apply migrations, then load the demo data into an empty database.
import { createPrismaClient } from './client';
import { migrate } from './migrate';
import { seedDemoData } from './seed';

function readEnv(env: NodeJS.ProcessEnv): { databaseUrl: string } {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL must be set to a postgresql:// URL, e.g. ' +
        'DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/lms pnpm --filter @lms/db seed',
    );
  }
  return { databaseUrl };
}

async function main(): Promise<void> {
  const { databaseUrl } = readEnv(process.env);
  const { applied } = await migrate({ databaseUrl, log: (message) => console.log(message) });
  console.log(applied.length ? `applied ${applied.length} migration(s)` : 'migrations up to date');
  const db = createPrismaClient({ databaseUrl, poolMax: 2 });
  try {
    const { seeded } = await seedDemoData(db);
    console.log(seeded ? 'demo data loaded' : 'database already has users: demo data skipped');
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
