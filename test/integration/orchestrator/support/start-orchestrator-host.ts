// Starts orchestrator-host.ts in a child process and waits for its READY line.
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import type { DemoDefinition, DemoSnapshot } from '../../../../src/shared/index.ts';

export interface OrchestratorHost {
  child: ResultPromise;
  snapshots: DemoSnapshot[];
  /** SIGKILL, and wait until the kernel has reaped it. */
  kill(): Promise<void>;
}

const HOST_READY_TIMEOUT_MS = 30_000;

export async function startOrchestratorHost(workspace: string, demos: DemoDefinition[], run: string[]): Promise<OrchestratorHost> {
  const child = execa('node', ['--import', 'tsx', join(import.meta.dirname, 'orchestrator-host.ts'), JSON.stringify({ workspace, demos, run })], {
    cwd: join(import.meta.dirname, '../../../..'),
    buffer: { stdout: false },
    reject: false,
    stdin: 'ignore',
  });
  const snapshots = await new Promise<DemoSnapshot[]>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`orchestrator host not ready after ${HOST_READY_TIMEOUT_MS} ms: ${text}`)), HOST_READY_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((candidate) => candidate.startsWith('READY '));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('READY '.length)) as DemoSnapshot[]);
      }
    });
    void child.then((result) => reject(new Error(`orchestrator host exited early: ${String(result.stderr ?? '')}`)));
  });
  return {
    child,
    snapshots,
    async kill() {
      child.kill('SIGKILL');
      await child;
    },
  };
}
