// The console trap: a console.error or console.warn during a test fails that test, unless the
// test said it expects one (expectConsoleError / expectConsoleWarn). Installed for every Vitest
// project by console-trap-setup.ts (listed in each project's setupFiles in vitest.config.ts).
import { format } from 'node:util';
import { afterAll, afterEach } from 'vitest';

type Level = 'error' | 'warn';

interface Expectation {
  level: Level;
  pattern: RegExp;
  seen: number;
  /** false: allowed, not required (allowConsoleWarn). */
  required: boolean;
}

interface TrapState {
  installed: boolean;
  expected: Expectation[];
  unexpected: string[];
}

// On globalThis: the setup file and a test's import of @lms/db/testing must share one state
// even if a bundler hands them two module instances.
const KEY = Symbol.for('lms.consoleTrap');
const store = globalThis as Record<symbol, TrapState | undefined>;
store[KEY] ??= { installed: false, expected: [], unexpected: [] };
const state: TrapState = store[KEY];
// Marks a console object whose error and warn are already replaced.
const PATCHED = Symbol.for('lms.consoleTrap.patched');

function expectConsole(level: Level, pattern: RegExp | string, required = true): void {
  if (!state.installed) {
    throw new Error(
      'The console trap is not installed in this Vitest project (see vitest.config.ts).',
    );
  }
  const regexp = typeof pattern === 'string' ? new RegExp(escapeRegExp(pattern)) : pattern;
  state.expected.push({ level, pattern: regexp, seen: 0, required });
}

/**
 * The current test expects console.error output matching `pattern` (at least once): such output
 * is then allowed (and not printed), and the test fails if none came.
 */
export function expectConsoleError(pattern: RegExp | string): void {
  expectConsole('error', pattern);
}

/** As expectConsoleError, for console.warn. */
export function expectConsoleWarn(pattern: RegExp | string): void {
  expectConsole('warn', pattern);
}

/**
 * The current test tolerates console.warn output matching `pattern` without requiring it: for a
 * library's notice that appears only on its first use in a file and cannot be switched off.
 */
export function allowConsoleWarn(pattern: RegExp | string): void {
  expectConsole('warn', pattern, false);
}

/**
 * Replaces console.error and console.warn (once per console object) and checks after each test
 * and after the file. Call it once per test file, from a setup file: Vitest runs setup files
 * again before every file even when files share a worker and its modules (`isolate: false`),
 * and hooks registered for one file do not carry over to the next.
 */
export function installConsoleTrap(): void {
  state.installed = true;
  const target = console as Console & { [PATCHED]?: true };
  if (!target[PATCHED]) {
    target[PATCHED] = true;
    for (const level of ['error', 'warn'] as const) {
      const original = target[level].bind(target);
      target[level] = (...args: unknown[]) => {
        const text = format(...args);
        const expectation = state.expected.find((e) => e.level === level && e.pattern.test(text));
        if (expectation) {
          expectation.seen += 1;
          return;
        }
        state.unexpected.push(`console.${level}: ${text}`);
        original(...args);
      };
    }
  }
  // Output of beforeAll hooks and module loading is reported with the next test to finish;
  // output after the last one, when the file's hooks are done. In a shared worker, output that
  // comes after a file's end (a late callback) is reported with the next file's first test.
  afterEach(check);
  afterAll(check);
}

function check(): void {
  const unexpected = state.unexpected.splice(0);
  const missing = state.expected.filter((e) => e.required && e.seen === 0);
  state.expected = [];
  const problems = [
    ...unexpected.map((line) => `unexpected ${truncate(line)}`),
    ...missing.map((e) => `expected console.${e.level} matching ${e.pattern}, but none came`),
  ];
  if (problems.length > 0) {
    throw new Error(
      `Console trap: ${problems.join('\n')}\n(Fix the cause, or say the test expects it with expectConsoleError/expectConsoleWarn from @lms/db/testing.)`,
    );
  }
}

function truncate(text: string): string {
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
