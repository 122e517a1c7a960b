// Where a demo's recording lives (`<dir>/<demoId>.cast`) and how its temp file is named
// (`.<demoId>.cast.tmp-<pid>-<n>`: same folder, so the final rename is atomic).

import { join } from 'node:path';
import { DemystifyError, isDemoId } from '../shared/index.ts';
import { CAST_FILE_EXTENSION } from '../shared/index.ts';

const TEMP_NAME_PATTERN = /^\.([a-z][a-z0-9-]{0,47})\.cast\.tmp-(\d+)-(\d+)$/;

let tempSequence = 0;

/** The recording's path; the id is checked so it can never escape `dir`. */
export function resolveCastPath(dir: string, demoId: string): string {
  if (!isDemoId(demoId)) {
    throw new DemystifyError('BAD_INPUT', `Expected a demo id like "etcd" (lowercase letters, digits, dashes), got ${JSON.stringify(demoId)}.`);
  }
  return join(dir, `${demoId}${CAST_FILE_EXTENSION}`);
}

export function createCastTempPath(dir: string, demoId: string, pid = process.pid): string {
  tempSequence += 1;
  return join(dir, `.${demoId}${CAST_FILE_EXTENSION}.tmp-${pid}-${tempSequence}`);
}

/** `{ demoId, pid }` for one of our temp file names, undefined for anything else. */
export function parseCastTempName(name: string): { demoId: string; pid: number } | undefined {
  const match = TEMP_NAME_PATTERN.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { demoId: match[1], pid: Number(match[2]) };
}
