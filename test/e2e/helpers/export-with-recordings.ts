// Exports the deck (PDF + standalone HTML) with a given recordings folder, in its own Node process
// (Marp CLI loads the deck engine, a .ts file: tsx must be registered), into a temp folder.
import { execa } from 'execa';
import { PROJECT_ROOT } from '../../fixtures/decks/deck-sources.ts';

const RUNNER = `
const { exportDeck } = await import('./src/deck/index.ts');
const [outDir, recordingsDir] = process.argv.slice(1);
const result = await exportDeck({ root: process.cwd(), outDir, recordingsDir });
console.log(JSON.stringify({ pdf: result.pdf, standalone: result.standalone, recorded: result.recorded, warnings: result.warnings }));
`;

export interface RecordedExport {
  pdf: string;
  standalone: string;
  recorded: string[];
  warnings: string[];
}

export async function exportWithRecordings(outDir: string, recordingsDir: string): Promise<RecordedExport> {
  const result = await execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, '--', outDir, recordingsDir], {
    cwd: PROJECT_ROOT,
    reject: false,
    timeout: 180_000,
    env: { FORCE_COLOR: '0' },
  });
  if (result.exitCode !== 0) throw new Error(`export failed (${result.exitCode}):\n${String(result.stderr)}`);
  return JSON.parse(String(result.stdout).trim().split('\n').at(-1) ?? '{}') as RecordedExport;
}
