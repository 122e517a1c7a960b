// Starts server-host.ts in a child process, waits for its READY line; stop() ends it and waits.
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import type { DemoDefinition } from '../../../../src/shared/index.ts';

export interface ServerHost {
  pid: number;
  port: number;
  cookie: string;
  secret: string;
  child: ResultPromise;
  stop(): Promise<void>;
}

const HOST_READY_TIMEOUT_MS = 30_000;

export async function startServerHost(demos: DemoDefinition[]): Promise<ServerHost> {
  const child = execa(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server-host.ts'), JSON.stringify({ demos })], {
    cwd: join(import.meta.dirname, '../../../..'),
    buffer: { stdout: false },
    reject: false,
    stdin: 'pipe',
  });
  try {
    const ready = await new Promise<{ port: number; cookie: string; secret: string }>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`server host not ready after ${HOST_READY_TIMEOUT_MS} ms: ${text}`)), HOST_READY_TIMEOUT_MS);
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const line = text.split('\n').find((candidate) => candidate.startsWith('READY '));
        if (line !== undefined) {
          clearTimeout(timer);
          resolve(JSON.parse(line.slice('READY '.length)) as { port: number; cookie: string; secret: string });
        }
      });
      void child.then((result) => reject(new Error(`server host exited early: ${String(result.stderr ?? '')}`)));
    });
    return {
      ...ready,
      pid: child.pid ?? 0,
      child,
      async stop() {
        child.kill('SIGTERM');
        await child;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await child;
    throw error;
  }
}
