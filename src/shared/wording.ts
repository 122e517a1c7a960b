// Words shared by the build's initial markup and the live client (French, for the stage).
import type { DemoState } from './events.ts';

export const STATE_LABELS: Record<DemoState, string> = {
  idle: 'à lancer',
  starting: 'démarrage…',
  running: 'en cours…',
  ready: 'opérationnel',
  exited: 'terminé',
  failed: 'échec',
  replaying: 'rejeu',
};

/** Replays: the fallback button, the status pill and the exports' caption. */
export const REPLAY_WORDING = {
  /** On a failed live block that has a recording. */
  replayButton: "▶ Rejouer l'enregistrement",
  replayHint: 'La démo en direct a échoué : rejouer son dernier enregistrement réussi',
  /** The run button of a standalone page (no server: only recordings play). */
  replayRun: '▶ Rejouer',
  replayRunHint: (recordedAt: number | undefined): string => `Rejouer ${recordedAt === undefined ? 'l’enregistrement' : `l’enregistrement du ${formatRecordingDate(recordedAt)}`} dans la page`,
  /** The status pill of a replayed demo: it must never pass for a live run. */
  badge: (recordedAt: number | undefined): string => (recordedAt === undefined ? 'REJEU — enregistrement' : `REJEU — enregistrement du ${formatRecordingDate(recordedAt)}`),
  /** Above a recorded final screen in the exports. */
  caption: (recordedAt: number | undefined): string => (recordedAt === undefined ? 'Sortie enregistrée' : `Sortie enregistrée le ${formatRecordingDate(recordedAt)}`),
  stopped: 'Rejeu arrêté.',
} as const;

/** `26/11/2025`, local time, the same in Node and in every browser (no locale data needed). */
export function formatRecordingDate(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}
