// The password-strength thread: password-strength.ts starts it on demand and stops it when it
// has been idle. It holds zxcvbn-ts's dictionaries (57,009 words, some 20 MB of RSS)
// in this thread's heap, so the API's garbage collector never marks them, and it runs each check
// (25-150 ms of CPU) off the event loop that serves requests. Plain JavaScript, so Node runs it
// as it is, from the sources (tests, `pnpm dev`) and from the bundle (scripts/build-server.mjs
// gives it an entry point of its own).
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

parentPort.on('message', ({ id, password, userInputs }) => {
  try {
    parentPort.postMessage({ id, score: estimator.check(password, userInputs).score });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
