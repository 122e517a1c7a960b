// The two ways a recording can be unusable, each naming the file and the command that fixes it.

import { DemystifyError } from '../shared/index.ts';
import { RECORD_COMMAND } from '../shared/index.ts';

/** `Recording <file> is not usable: Expected …, got …. Re-record it with npx demystify rehearse.` */
export function createRecordingInvalidError(file: string, problem: string, cause?: unknown): DemystifyError {
  return new DemystifyError(
    'RECORDING_INVALID',
    `Recording ${file} is not usable: ${problem}. Re-record it with \`${RECORD_COMMAND}\`.`,
    cause === undefined ? undefined : { cause },
  );
}

export function createRecordingMissingError(file: string, cause?: unknown): DemystifyError {
  return new DemystifyError(
    'RECORDING_MISSING',
    `No recording at ${file}: expected the asciicast file a rehearsal writes. Record it with \`${RECORD_COMMAND}\`.`,
    cause === undefined ? undefined : { cause },
  );
}

/** A short, printable preview of a bad line for messages ("got …"). */
export function renderLinePreview(line: string, maxChars = 60): string {
  const shown = line.length > maxChars ? `${line.slice(0, maxChars)}…` : line;
  return JSON.stringify(shown);
}
