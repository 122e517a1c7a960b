// Every sentence the orchestrator says to the speaker, in one place (French, for the stage; the CLI
// prints the same). Each says what happened, what was expected, and what fixes it.
import { STATE_LABELS } from '../shared/index.ts';
import type { DemoState } from '../shared/index.ts';

/** `30 s`, `1,5 s`, `2 min`, `250 ms`: French decimal comma, one decimal at most. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`;
  return `${(ms / 60_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} min`;
}

function renderEnding(exitCode: number | undefined, signal: string | undefined): string {
  if (signal !== undefined) return `signal ${signal}`;
  return `code ${exitCode ?? '?'}`;
}

function renderLastLines(lines: string[]): string {
  return lines.length === 0 ? '' : `\nDernières lignes :\n${lines.join('\n')}`;
}

export const stageMessages = {
  unknownDemo: (id: string, known: string[]): string =>
    `Démo inconnue : « ${id} ». Attendu l'une de : ${known.join(', ') || '(aucune)'}.`,
  disposed: (): string => "L'orchestrateur est arrêté : relancez « npm start ».",

  dependencyNotReady: (id: string, need: string, needKind: 'daemon' | 'command', needState: DemoState): string =>
    needKind === 'daemon'
      ? `${id} a besoin de ${need}, qui n'est pas prêt (état : ${STATE_LABELS[needState]}). Lancez d'abord ${need}.`
      : `${id} a besoin que ${need} ait réussi (état : ${STATE_LABELS[needState]}). Lancez d'abord ${need}.`,
  dependencyFailed: (id: string, need: string, reason: string | undefined): string =>
    `${id} a besoin de ${need}, qui a échoué${reason ? ` : ${reason}` : '.'}`,
  dependencyUnknown: (id: string, need: string): string =>
    `${id} a besoin de ${need}, qui n'existe pas dans ce deck. Corrigez needs= dans le deck.`,
  dependencyCycle: (chain: string[]): string => `Dépendances circulaires : ${chain.join(' → ')}. Corrigez needs= dans le deck.`,
  dependencyDown: (need: string, ending: string): string =>
    `Attention : ${need}, dont cette démo dépend, s'est arrêté (${ending}). Relancez ${need}.`,

  workspaceMissing: (workspace: string): string =>
    `Le dossier de travail ${workspace} n'existe pas. Créez-le : mkdir -p ${workspace}`,
  binaryMissing: (binary: string, absolute: string): string =>
    `${binary} est introuvable (attendu : ${absolute}). Récupérez les binaires avant la présentation : npx demystify fetch`,
  binaryNotExecutable: (binary: string, absolute: string): string =>
    `${binary} n'est pas exécutable (${absolute}). Corrigez : chmod +x ${binary}, ou relancez npx demystify fetch`,
  binaryWrongArch: (binary: string, found: string, expected: string): string =>
    `${binary} est un binaire ${found}, cette machine est ${expected}. Récupérez la bonne version : npx demystify fetch`,

  portHeldByStranger: (port: number, holders: string[]): string =>
    `Le port ${port} est déjà pris par ${holders.join(', ')}. Arrêtez ce processus (il n'a pas été lancé par la présentation, il n'est pas touché).`,
  portHeldByUnknown: (port: number): string =>
    `Le port ${port} est déjà pris par un processus inconnu (pas lisible d'ici). Trouvez-le avec : sudo ss -ltnp 'sport = :${port}'`,
  portHeldByDemo: (port: number, demoId: string, pid: number): string =>
    `Le port ${port} est déjà pris par la démo ${demoId} (pid ${pid}). Arrêtez d'abord ${demoId}.`,
  portStillHeld: (port: number): string =>
    `Le port ${port} est toujours pris après l'arrêt de notre ancien processus. Vérifiez avec : ss -ltnp 'sport = :${port}'`,
  staleReaped: (entries: string[]): string => `Arrêté ce qui restait de la dernière fois : ${entries.join(', ')}.`,

  sudoWouldPrompt: (id: string): string =>
    `${id} doit tourner en root et sudo demande un mot de passe. Avant la présentation, lancez : sudo -v ` +
    `(ou ajoutez une règle sudoers NOPASSWD pour votre utilisateur).`,
  sudoMissing: (id: string): string =>
    `${id} doit tourner en root, mais sudo est introuvable. Lancez la présentation en root, ou installez sudo.`,

  notReadyInTime: (id: string, timeoutMs: number, detail: string): string =>
    `${id} n'est pas prêt après ${formatDuration(timeoutMs)} : ${detail}`,
  exitedBeforeReady: (id: string, exitCode: number | undefined, signal: string | undefined, awaited: string, lines: string[]): string =>
    `${id} s'est arrêté (${renderEnding(exitCode, signal)}) avant d'être prêt ; attendu : ${awaited}.${renderLastLines(lines)}`,
  itsStart: (): string => 'son démarrage',
  daemonDied: (id: string, exitCode: number | undefined, signal: string | undefined, lines: string[]): string =>
    `${id} s'est arrêté (${renderEnding(exitCode, signal)}).${renderLastLines(lines)}`,
  commandFailed: (id: string, exitCode: number | undefined, signal: string | undefined, lines: string[]): string =>
    signal === undefined
      ? `${id} a échoué : code de sortie ${exitCode ?? '?'}.${renderLastLines(lines)}`
      : `${id} a été tué par le signal ${signal}.${renderLastLines(lines)}`,
  commandTooLong: (id: string, timeoutMs: number): string =>
    `${id} n'a pas fini après ${formatDuration(timeoutMs)} : arrêté. Relancez-le, ou augmentez timeout= dans le deck.`,
  postCheckFailed: (id: string, timeoutMs: number, detail: string): string =>
    `${id} a fini (code 0) mais la vérification n'a pas réussi après ${formatDuration(timeoutMs)} : ${detail}`,
  bashMissing: (): string => 'bash est introuvable dans le PATH (installez bash)',
  spawnFailed: (id: string, reason: string): string => `${id} n'a pas pu démarrer : ${reason}`,

  stopped: (signal: string | undefined, afterMs: number): string =>
    signal === 'SIGKILL' ? `arrêté de force (SIGKILL) après ${formatDuration(afterMs)}` : signal ? `arrêté (${signal})` : 'arrêté',
  cancelled: (): string => 'annulé avant le démarrage',
  survivors: (pids: number[]): string => `processus encore vivants après SIGKILL : ${pids.join(', ')}`,

  renderEnding,
} as const;

/** What probes await and what their attempts saw: quoted in "X n'est pas prêt après 30 s : …". */
export const probeMessages = {
  httpAwaited: (url: string): string => `${url} répond 2xx`,
  httpAnswered: (url: string, status: number): string => `${url} répond ${status}`,
  httpNoAnswer: (url: string, reason: string): string => `${url} ne répond pas (${reason})`,
  fileMissing: (url: string, file: string): string => `${url} : le fichier ${file} est introuvable`,
  tcpLabel: (host: string, port: number): string => `${host}:${port}`,
  socketLabel: (path: string): string => `le socket ${path}`,
  tcpAwaited: (label: string): string => `${label} accepte une connexion TCP`,
  socketAwaited: (label: string): string => `${label} accepte une connexion`,
  connected: (label: string): string => `${label} accepte les connexions`,
  refused: (label: string, reason: string): string => `${label} refuse la connexion (${reason})`,
  logAwaited: (pattern: string): string => `une ligne de la sortie correspond à /${pattern}/`,
  logFound: (pattern: string): string => `la sortie contient /${pattern}/`,
  logMissing: (pattern: string): string => `aucune ligne de la sortie ne correspond à /${pattern}/`,
  logInvalid: (pattern: string, reason: string): string => `Expression régulière invalide dans ready=log:${pattern} (${reason}). Corrigez-la dans le deck.`,
  commandAwaited: (command: string): string => `« ${command} » réussit (code 0)`,
  commandPassed: (command: string): string => `« ${command} » a réussi`,
  commandFailed: (command: string, ending: string, said: string): string => `« ${command} » a échoué (${ending})${said ? ` : ${said}` : ''}`,
  commandStopped: (): string => 'arrêtée',
  exitCode: (code: number): string => `code ${code}`,
  attemptTimedOut: (): string => 'délai de la tentative dépassé',
  allAwaited: (descriptions: string[]): string => descriptions.join(' et '),
  nothingYet: (description: string): string => `rien encore vérifié (${description})`,
} as const;
