// The words a demo block shows before the client takes over (French, for the stage).
// The client owns the live wording (src/client/labels.ts); these are the initial markup only.
import { STATE_LABELS } from '../shared/index.ts';

export const BLOCK_WORDING = {
  run: '▶ Lancer',
  stop: '■ Arrêter',
  runHint: 'Lancer la démo (touche r)',
  stopHint: 'Arrêter la démo',
  idleStatus: STATE_LABELS.idle,
  outputLabel: (title: string): string => `Sortie : ${title}`,
  /** Shown by CSS in an empty output area: static exports, and the live deck before a run. */
  outputPlaceholder: 'Zone de démo en direct · la sortie s’affiche ici',
} as const;
