// Ready when a line of the run's output matches a regular expression (JS syntax). Lines are
// matched as a reader sees them: colour codes removed, `\r` rewrites resolved. The probe follows
// the output as it arrives (a flood cannot push the line out of a bounded buffer before an attempt
// looks) and wakes the wait at once when it matches.
import { DemystifyError } from '../../shared/index.ts';
import { stripTerminalCodes } from '../output/index.ts';
import type { Probe, ProbeContext } from './probe.ts';
import { probeMessages } from '../stage-messages.ts';

/** A line longer than this is matched on what it has so far, then forgotten. */
const MAX_LINE_CHARS = 64 * 1024;

export function createLogProbe(pattern: string): Probe {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', probeMessages.logInvalid(pattern, (error as Error).message), { cause: error });
  }
  let matched = false;
  let partial = '';
  let unsubscribe: (() => void) | undefined;

  const scan = (text: string, context: ProbeContext): void => {
    if (matched) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    if (partial.length > MAX_LINE_CHARS) partial = partial.slice(-MAX_LINE_CHARS);
    matched = [...lines, partial].some((line) => regex.test(stripTerminalCodes(line)));
    if (matched) context.wake();
  };

  return {
    description: probeMessages.logAwaited(pattern),
    async check(context) {
      if (unsubscribe === undefined) {
        unsubscribe = context.output.subscribe((text) => scan(text, context));
        scan(context.output.text(), context);
      }
      return matched
        ? { ready: true, detail: probeMessages.logFound(pattern) }
        : { ready: false, detail: probeMessages.logMissing(pattern) };
    },
    dispose() {
      unsubscribe?.();
    },
  };
}
