// `demystify serve` (`npm start`): build the deck, start the orchestrator (or the replayer) and the
// local server on 127.0.0.1, print ONE line with the deck URL (secret included), rebuild on edits
// and make open pages reload. Ctrl-C stops everything it started; a second Ctrl-C kills.
import { watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// The light path table only: the deck's door would load Marp into the long-lived server.
import { DECK_SOURCE } from '../deck/deck-paths.ts';
import { startDeckServer } from '../server/index.ts';
import { DemystifyError } from '../shared/index.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { openTalkSession } from './talk-session.ts';

export const DEFAULT_PORT = 8765;
const REBUILD_DEBOUNCE_MS = 150;

export const SERVE_USAGE = `Usage: demystify serve [options]      (npm start -- [options])

Builds the deck, starts the orchestrator and the local server on 127.0.0.1 and prints the deck URL
(it carries this session's secret: open it as printed).

Options:
  --port <n>        port to listen on (default: $PORT, else ${DEFAULT_PORT})
  --replay          serve recordings only (demos/recordings/): nothing is spawned
  --speed <x>       replay speed (default 1)
  --idle-cap <s>    replays shorten pauses longer than this, in seconds (default 3)
  --pause-on <m,..> markers a daemon's replay holds at until Stop (default ready; none)
  --workspace <dir> the demos' working folder (default: workspace)
  --recordings <dir> where runs are recorded and replays read (default: demos/recordings)
  --source <file>   the Markdown deck (default: ${DECK_SOURCE}); its folder is watched
  --out <dir>       build output folder (default: dist)
  --no-watch        do not rebuild the deck when slides/ or demos/ change
  -h, --help        show this help`;

interface ServeOptions {
  port: number;
  replay: boolean;
  speed: number;
  idleCapS?: number;
  pauseOn?: string[];
  workspace?: string;
  recordings?: string;
  source?: string;
  out?: string;
  watch: boolean;
  help: boolean;
}

export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string' },
        replay: { type: 'boolean' },
        speed: { type: 'string' },
        'idle-cap': { type: 'string' },
        'pause-on': { type: 'string' },
        workspace: { type: 'string' },
        recordings: { type: 'string' },
        source: { type: 'string' },
        out: { type: 'string' },
        'no-watch': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${(error as Error).message}. See \`demystify serve --help\`.`, { cause: error });
  }
  const rawPort = values.port ?? env['PORT'] ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 0 || port > 65535) {
    throw new DemystifyError('BAD_INPUT', `Expected a port number between 0 and 65535 (--port or PORT), got "${rawPort}".`);
  }
  const speed = Number(values.speed ?? '1');
  if (!(speed > 0 && speed <= 10_000)) throw new DemystifyError('BAD_INPUT', `Expected --speed to be a number above 0, got "${values.speed}".`);
  const idleCap = values['idle-cap'];
  const idleCapS = idleCap === undefined ? undefined : Number(idleCap);
  if (idleCapS !== undefined && !(idleCapS >= 0 && idleCapS <= 3600)) throw new DemystifyError('BAD_INPUT', `Expected --idle-cap to be seconds between 0 and 3600, got "${idleCap}".`);
  const pauseOn = values['pause-on'] === undefined ? undefined : values['pause-on'] === 'none' ? [] : values['pause-on'].split(',').map((label) => label.trim()).filter(Boolean);
  return { port, replay: values.replay ?? false, speed, idleCapS, pauseOn, workspace: values.workspace, recordings: values.recordings, source: values.source, out: values.out, watch: !values['no-watch'], help: values.help ?? false };
}

export async function runServeCommand(args: string[]): Promise<number> {
  const options = parseServeArgs(args);
  if (options.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const session = await openTalkSession({
    root: PROJECT_ROOT,
    mode: options.replay ? 'replay' : 'live',
    workspace: options.workspace,
    recordingsDir: options.recordings,
    source: options.source,
    outDir: options.out,
    speed: options.speed,
    idleCapS: options.idleCapS,
    pauseOn: options.pauseOn,
    log,
  });
  let server;
  try {
    server = await startDeckServer({ service: session.service, mode: session.mode, deckDir: session.build.paths.deckDir, port: options.port });
  } catch (error) {
    await session.close();
    throw error;
  }
  console.log(`Deck: ${server.url}`);
  log(options.replay ? 'Mode rejeu : les démos jouent leurs enregistrements, rien n’est lancé.' : `Espace de travail : ${session.workspace}`);

  const deckFolder = dirname(resolve(PROJECT_ROOT, options.source ?? DECK_SOURCE));
  const watchers = options.watch ? watchDeck([deckFolder, join(PROJECT_ROOT, 'demos')], () => session.rebuild(), () => server.reload(), log) : [];

  return await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        log('Second signal: killing every process now.');
        session.killNow();
        process.exit(130);
      }
      stopping = true;
      log(`${signal}: stopping the demos (Ctrl-C again to kill them)…`);
      for (const watcher of watchers) watcher.close();
      void Promise.allSettled([server.close(), session.close()]).then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', stop);
    process.on('exit', () => session.killNow());
  });
}

function watchDeck(folders: string[], rebuild: () => Promise<unknown>, reload: () => void, log: (line: string) => void): { close(): void }[] {
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(async () => {
        try {
          await rebuild();
          log('Deck rebuilt: open pages reload.');
          reload();
        } catch (error) {
          log(`Deck not rebuilt: ${(error as Error).message}`);
        }
      });
    }, REBUILD_DEBOUNCE_MS);
  };
  return folders.map((dir) =>
    watch(dir, { recursive: true }, (_event, file) => {
      if (file && !String(file).startsWith('recordings')) schedule();
    }),
  );
}
