// Marp CLI imports the export engine itself (`--engine <file>`), so the export cannot hand it the
// recordings: they wait on this process-wide slot (on globalThis, so a second copy of this module,
// a test runner's and Node's, still finds them) while the PDF renders. One export at a time.
import type { RecordedDemo } from './recorded-demos.ts';

const SLOT = Symbol.for('demystify.deck.recordedDemos');

type Host = typeof globalThis & { [SLOT]?: ReadonlyMap<string, RecordedDemo> };

/** The recordings of the export in progress, if any. */
export function readRecordedDemos(): ReadonlyMap<string, RecordedDemo> | undefined {
  return (globalThis as Host)[SLOT];
}

export async function withRecordedDemos<T>(demos: ReadonlyMap<string, RecordedDemo>, render: () => Promise<T>): Promise<T> {
  const host = globalThis as Host;
  host[SLOT] = demos;
  try {
    return await render();
  } finally {
    delete host[SLOT];
  }
}
