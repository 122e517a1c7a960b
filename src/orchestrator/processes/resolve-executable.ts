// `bash` → `/usr/bin/bash`, looked up in a given PATH (the run's, not ours), so that the PTY gets
// an absolute path and a missing tool is reported before anything is spawned.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export function resolveExecutable(name: string, path: string | undefined): string | undefined {
  const candidates = isAbsolute(name) ? [name] : (path ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here: next directory.
    }
  }
  return undefined;
}
