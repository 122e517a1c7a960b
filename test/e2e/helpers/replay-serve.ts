// `demystify serve` as the speaker starts it (`bin/demystify.js serve …`, as `npm start`), on a free port, its
// deck built into a temp folder: resolves with the printed deck URL, and stop() ends it with
// SIGTERM (it stops what it started) and waits for it to exit.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../fixtures/decks/deck-sources.ts';

export const SERVE_START_TIMEOUT_MS = 90_000;

export interface ServeProcess {
  /** The printed URL, secret included. */
  url: string;
  origin: string;
  /** What it printed on stderr so far (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServe(args: string[]): Promise<ServeProcess> {
  const child: ChildProcess = spawn('./bin/demystify.js', ['serve', '--port', '0', '--no-watch', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within ${SERVE_START_TIMEOUT_MS} ms:\n${stderr}`)), SERVE_START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Deck: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited before printing its URL:\n${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, origin: new URL(url).origin, stderr: () => stderr, stop };
}
