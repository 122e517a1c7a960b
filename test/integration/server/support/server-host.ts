// The live harness in its own process, so that a test can measure the server's memory alone
// (/proc/<pid>/status) while it floods it. argv[2] is JSON: { demos: DemoDefinition[] }.
// Prints one line "READY {port, cookie, secret}", then serves until SIGTERM or stdin closes.
import type { DemoDefinition } from '../../../../src/shared/index.ts';
import { startLiveHarness } from './live-harness.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as { demos: DemoDefinition[] };
const harness = await startLiveHarness({ demos: config.demos });
process.stdout.write(`READY ${JSON.stringify({ port: harness.port, cookie: harness.cookie, secret: harness.server.secret })}\n`);

let closing = false;
const close = (): void => {
  if (closing) return;
  closing = true;
  void harness.close().finally(() => process.exit(0));
};
process.on('SIGTERM', close);
process.stdin.on('end', close);
process.stdin.resume();
