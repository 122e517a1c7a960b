// The `demystify` command: one table of commands. Only this entry maps errors to exit codes.
import { isDemystifyError } from '../shared/index.ts';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: {
    summary: 'Build the deck and serve it with the live demos on 127.0.0.1 (npm start)',
    load: async () => (await import('./serve-command.ts')).runServeCommand,
  },
  build: {
    summary: 'Build the live deck into dist/deck (index.html, binaries/, demos.json)',
    load: async () => (await import('./build-command.ts')).runBuildCommand,
  },
  export: {
    summary: 'Export the deck to dist/<deck>.pdf and a standalone dist/<deck>.html',
    load: async () => (await import('./export-command.ts')).runExportCommand,
  },
  fetch: {
    summary: 'Download the pinned binaries, verify their sha256, link them into the workspace',
    load: async () => (await import('./fetch-command.ts')).runFetchCommand,
  },
  images: {
    summary: "Make the talk's images present in containerd (pull, or local stand-ins)",
    load: async () => (await import('./images-command.ts')).runImagesCommand,
  },
  rehearse: {
    summary: 'Run every demo in talk order headless, record each run, report timings; exit 1 at the first failure',
    load: async () => (await import('./rehearse-command.ts')).runRehearseCommand,
  },
  reset: {
    summary: 'Stop every demo process, clean the node and the workspace (keeps your files)',
    load: async () => (await import('./reset-command.ts')).runResetCommand,
  },
  doctor: {
    summary: 'Check binaries, versions, root/sudo, ports, kernel and Chromium, with fixes',
    load: async () => (await import('./doctor-command.ts')).runDoctorCommand,
  },
};

function renderUsage(): string {
  const rows = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return ['Usage: demystify <command> [options]', '', 'Commands:', ...rows].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(renderUsage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(', ')}.`);
    return 2;
  }
  try {
    return await (await command.load())(args);
  } catch (error) {
    if (isDemystifyError(error)) {
      console.error(`demystify ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
