// The orchestrator in a process of its own, started by the tests inside their network namespace
// (`nsenter --net=… node --import tsx steps-driver.ts <config.json>`). It runs the deck's demo
// definitions through createOrchestrator, one request at a time: requests are JSON lines on stdin
// ({ seq, op, … }), answers are `REPLY {"seq":…, …}` lines on stdout. Ops: run, stop (a demo
// id), images (the talk's images into containerd, offline), cleanup-node, exit.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createOrchestrator, spawnPty } from '../../../../src/orchestrator/index.ts';
import type { SpawnPty } from '../../../../src/orchestrator/index.ts';
import { cleanupNode, createCtrClient, detectNodeFacts, ensureTalkImages } from '../../../../src/workspace/index.ts';
import type { DriverConfig, DriverRequest } from './driver-protocol.ts';

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as DriverConfig;

/** Every process of a run starts with SIGHUP ignored, so it outlives a SIGKILLed orchestrator. */
const spawnIgnoringHangup: SpawnPty = (options) =>
  spawnPty({ ...options, file: 'bash', args: ['-c', 'trap "" HUP; exec "$0" "$@"', options.file, ...options.args] });

const orchestrator = createOrchestrator({
  manifest: config.manifest,
  workspace: config.workspace,
  ...(config.graceMs === undefined ? {} : { graceMs: config.graceMs }),
  ...(config.probeIntervalMs === undefined ? {} : { probeIntervalMs: config.probeIntervalMs }),
  ...(config.ignoreHangup === true ? { spawnPty: spawnIgnoringHangup } : {}),
});

async function handle(request: DriverRequest): Promise<Record<string, unknown>> {
  switch (request.op) {
    case 'run':
      return { snapshot: await orchestrator.run(request.id) };
    case 'stop':
      return { snapshot: await orchestrator.stop(request.id) };
    case 'images': {
      const facts = await detectNodeFacts({ workspace: config.workspace });
      const ctr = createCtrClient({ address: request.address });
      return { images: await ensureTalkImages({ ctr, imagesDir: request.imagesDir, arch: facts.arch, offline: true }) };
    }
    case 'cleanup-node':
      return {
        report: await cleanupNode({
          address: request.address,
          mountRoots: request.mountRoots,
          runDir: request.runDir,
          ...(request.installedConflist === undefined ? {} : { installedConflist: request.installedConflist }),
          ...(request.containerdDemo === undefined ? {} : { stopContainerd: async () => void (await orchestrator.stop(request.containerdDemo as string)) }),
        }),
      };
    case 'exit':
      await orchestrator.dispose();
      return { done: true };
  }
}

const reply = (answer: Record<string, unknown>): void => void process.stdout.write(`REPLY ${JSON.stringify(answer)}\n`);

process.stdout.write('STARTED\n');
let queue: Promise<void> = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as DriverRequest;
  queue = queue.then(async () => {
    try {
      reply({ seq: request.seq, ...(await handle(request)) });
    } catch (error) {
      reply({ seq: request.seq, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    if (request.op === 'exit') process.exit(0);
  });
});
