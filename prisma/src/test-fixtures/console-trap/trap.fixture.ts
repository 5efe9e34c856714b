import { expect, it } from 'vitest';
import { allowConsoleWarn, expectConsoleError, expectConsoleWarn } from '../../console-trap';

it('stray console.error', () => {
  console.error('something went wrong');
  expect(1).toBe(1);
});

it('stray console.warn', () => {
  console.warn('deprecated');
});

it('expected console.error', () => {
  expectConsoleError(/went wrong/);
  console.error(new Error('it went wrong'));
});

it('expected console.warn', () => {
  expectConsoleWarn('deprecated');
  console.warn('this option is deprecated');
});

it('expected console.error that never came', () => {
  expectConsoleError('never logged');
});

it('quiet', () => {
  console.log('console.log is fine');
});

it('allowed console.warn that came', () => {
  allowConsoleWarn(/^Future flag/);
  console.warn('Future flag notice');
});

it('allowed console.warn that never came', () => {
  allowConsoleWarn(/^Future flag/);
});

it('allowed console.warn, other warning', () => {
  allowConsoleWarn(/^Future flag/);
  console.warn('deprecated');
});
