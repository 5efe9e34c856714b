// Vitest setupFiles entry of every project (vitest.config.ts): see console-trap.ts.
import { installConsoleTrap } from './console-trap';

installConsoleTrap();
