import { writeFile } from 'node:fs/promises';
import { printSdl } from './schema';

const target = new URL('../schema.graphql', import.meta.url);
await writeFile(target, await printSdl());
console.log(`wrote ${target.pathname}`);
