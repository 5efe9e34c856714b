// `node --import tsx bench/open-loop-client.ts <plan.json>`: runs the open loop an
// `OpenLoopPlan` describes (open-loop.ts) and prints its `OpenLoopReport` as JSON on stdout.
import { readFileSync } from 'node:fs';
import { closeConnections, type OpenLoopPlan, runOpenLoop } from './open-loop';

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as OpenLoopPlan;
const report = await runOpenLoop(plan);
closeConnections();
process.stdout.write(JSON.stringify(report));
