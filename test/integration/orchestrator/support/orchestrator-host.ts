// An orchestrator in its own process, for the tests that SIGKILL it. argv[2] is JSON:
// { workspace, demos: DemoDefinition[], run: string[] }. Runs the demos in order, prints one line
// "READY <snapshots as JSON>", then idles until it is killed.
import { createOrchestrator } from '../../../../src/orchestrator/index.ts';
import type { DemoDefinition } from '../../../../src/shared/index.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as { workspace: string; demos: DemoDefinition[]; run: string[] };
const orchestrator = createOrchestrator({ workspace: config.workspace, manifest: { version: 1, deck: 'host.md', demos: config.demos }, reapOnStart: false, probeIntervalMs: 20 });
const snapshots = [];
for (const id of config.run) snapshots.push(await orchestrator.run(id));
process.stdout.write(`READY ${JSON.stringify(snapshots)}\n`);
setInterval(() => undefined, 1 << 30);
