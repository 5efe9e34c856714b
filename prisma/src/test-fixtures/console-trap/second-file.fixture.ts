import { it } from 'vitest';
import { expectConsoleError } from '../../console-trap';

// Runs in the same worker as trap.fixture.ts (see vitest.config.ts here), before or after it.

it('stray console.error in a second file', () => {
  console.error('second file went wrong');
});

it('expected console.error in a second file', () => {
  expectConsoleError('second file expected');
  console.error('second file expected this');
});

it('expected console.error in a second file that never came', () => {
  expectConsoleError('second file never logged');
});
