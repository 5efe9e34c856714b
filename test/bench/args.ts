/**
 * The benchmark drivers' settings, read from `BENCH_*` environment variables in one way:
 * `parseBenchArgs({ connections: 50, requests: 2000 })` reads BENCH_CONNECTIONS and
 * BENCH_REQUESTS (camelCase → upper snake case), each a positive whole number, else the
 * default. A value that is not one stops the run and says which variable to fix (a typo must
 * not quietly benchmark NaN requests).
 */
export function parseBenchArgs<T extends Record<string, number>>(
  defaults: T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const settings: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const variable = `BENCH_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    const raw = env[variable];
    if (raw === undefined || raw === '') {
      settings[name] = fallback;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`${variable} must be a positive whole number (got "${raw}").`);
    }
    settings[name] = value;
  }
  return settings as T;
}
