// The record of every process we started, on disk, so that the next start can reap what a killed
// orchestrator left behind. One small JSON file per run (<stateDir>/runs/<runId>.json), written
// atomically, removed when the run's processes are gone. Identity is pid + start time, for the
// run's leader and for the orchestrator that owns it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessStamp {
  pid: number;
  /** Clock ticks since boot (/proc/<pid>/stat field 22). */
  startTime: number;
}

export interface RunRecord extends ProcessStamp {
  runId: string;
  demoId: string;
  /** Wall clock (ms since epoch) of the start. */
  startedAt: number;
  /** The orchestrator process that started it. */
  owner: ProcessStamp;
  /** Started through sudo (we may need sudo to stop it). */
  viaSudo: boolean;
}

export interface PidRegistry {
  readonly directory: string;
  record(entry: RunRecord): void;
  remove(runId: string): void;
  list(): RunRecord[];
}

function isRunRecord(value: unknown): value is RunRecord {
  const record = value as Partial<RunRecord> | null;
  return (
    typeof record === 'object' && record !== null &&
    typeof record.runId === 'string' && typeof record.demoId === 'string' &&
    Number.isInteger(record.pid) && Number.isInteger(record.startTime) &&
    typeof record.owner === 'object' && record.owner !== null && Number.isInteger(record.owner.pid)
  );
}

export function createPidRegistry(stateDir: string): PidRegistry {
  const directory = join(stateDir, 'runs');
  const fileOf = (runId: string): string => join(directory, `${runId}.json`);
  return {
    directory,
    record(entry) {
      mkdirSync(directory, { recursive: true });
      const temporary = `${fileOf(entry.runId)}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(entry)}\n`);
      renameSync(temporary, fileOf(entry.runId));
    },
    remove(runId) {
      try {
        rmSync(fileOf(runId), { force: true });
      } catch {
        // Unwritable state folder: the record stays; the next reaping finds nothing of it alive.
      }
    },
    list() {
      let names: string[];
      try {
        names = readdirSync(directory);
      } catch {
        return [];
      }
      const records: RunRecord[] = [];
      for (const name of names.filter((file) => file.endsWith('.json'))) {
        try {
          const parsed: unknown = JSON.parse(readFileSync(join(directory, name), 'utf8'));
          if (isRunRecord(parsed)) records.push(parsed);
        } catch {
          // A half-written or foreign file: not ours to act on.
        }
      }
      return records.sort((a, b) => a.startedAt - b.startedAt);
    },
  };
}
